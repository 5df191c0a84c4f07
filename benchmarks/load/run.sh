#!/usr/bin/env bash
# The load harness: in one run, on loopback only, four servers answering the same signed POST /ordercalculate:
#   fixed        a bare Javalin route that reads the body and answers fixed JSON (no verify, no parse)
#   floor        the parse floor: bare Javalin, X-oc-hash verify + Jackson tree parse + sum of LineTotal x rate
#   calculate    the orderhooks integration-events dispatcher with the real tax plugin (typed bind, validation)
#   node         the Node peer: express 4 + @ordercloud/catalyst 1.2.0 withOcWebhookAuth, the same tax sum
# All four run at once; each body size is measured interleaved (fixed floor calculate node, fixed floor ...):
# WARMUP seconds of unmeasured load per server, then ROUNDS rounds of DURATION seconds each; the table shows
# each row's median over the rounds and its ratios (calculate / floor, calculate / node, floor / fixed).
# Then the checkout run (checkout.sh): whole checkouts of CHECKOUT_LINES lines by USERS virtual users over the
# engine's REST API, the engine delivering every checkout event over HTTP (signed) to the example merchant; per
# store, CHECKOUT_ROUNDS rounds (medians) of CHECKOUT_DURATION s, each row on fresh processes (a fresh embedded
# PostgreSQL per postgres row), a durable store holding CHECKOUT_HISTORY orders before the row starts.
# Samples each server's resident memory (VmRSS) idle and under load; writes everything to $OUT/load.tsv.
#
# Failed requests never end the run: a warm-up's or a round's failures (non-2xx answers, socket errors, failed
# checkouts) are counted in load.tsv and the table, and for every non-2xx status the first answer (Content-Type and
# body) is kept in load.tsv ("sample" lines) and $OUT/non2xx.txt. Statuses are collected during warm-ups (wrk's
# Lua response() callback costs wrk time per answer, so measured rounds skip it unless STATUS_SAMPLES=all).
#
# BEFORE_JAR=<an older benchmarks.jar> adds its middleware as one more interleaved server, row "before" (same
# bodies, same key), and runs each checkout row with that jar's engine and merchant too (row
# checkout-LINES[-STORE]-before), interleaved per store and round, every row driven by the current jar's driver
# (DRIVER_JAR): before and after measured side by side.
#
# Usage: benchmarks/load/run.sh            (from anywhere; settings through the environment below)
#        SERVERS= STORES=postgres ENGINES="1 2" benchmarks/load/run.sh   (only checkouts/s of 1 vs 2 engine JVMs on
#                                                                        one PostgreSQL, side by side)
#        DURATION=3 WARMUP=2 ROUNDS=1 LINE_SETS=20 benchmarks/load/run.sh     (a smoke check, ~1 min)
#        SKIP_CHECKOUT=1 ...: the receiver rows only
# JVM options: RECEIVER_JAVA_OPTS for every receiver row (default -Xmx512m -XX:+UseParallelGC), SERVER_JAVA_OPTS for the
# checkout rows (default -Xmx2g: the in-memory store keeps every order, and at steady state an engine on -Xmx512m
# filled its heap within ~3 minutes of load, session 9).
# Every run is bounded: wrk by -d plus `timeout`, every wait loop by a count.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
DRIVER_JAR=${DRIVER_JAR:-$JAR}    # the checkout driver (CheckoutLoad) of every checkout row, the before row's too: the rows
                                  # then differ only in the engine and merchant they call
OUT=${OUT:-$ROOT/benchmarks/target/load}
PEER=$ROOT/benchmarks/node-peer
DURATION=${DURATION:-10}          # seconds of each measured wrk run
WARMUP=${WARMUP:-30}              # seconds of unmeasured load per server before the first round of a body size; 15 s
                                  # left the middleware's C2 compiling (docs/PERFORMANCE.md, "Warm-up")
ROUNDS=${ROUNDS:-3}               # interleaved rounds; the table shows medians
LINE_SETS=${LINE_SETS:-20 200}    # body sizes (line items) measured
BEFORE_JAR=${BEFORE_JAR:-}       # an older benchmarks.jar measured side by side (see above)
SERVERS=${SERVERS-fixed floor calculate${BEFORE_JAR:+ before} node}   # empty (SERVERS=) skips to the checkout run
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
USERS=${USERS:-8}                 # virtual users of the checkout run
CHECKOUT_LINES=${CHECKOUT_LINES:-20}
STORES=${STORES:-memory}          # engine stores of the checkout run: memory, h2, postgres (embedded PostgreSQL)
ENGINES=${ENGINES:-1}             # engine instances of the checkout run, e.g. "1 2": 2 = two engine JVMs on the one
                                  # postgres store behind round-robin virtual users (postgres only)
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx2g}   # JVM options of the checkout rows' engine, merchant and driver, before rows too
# JVM options of every receiver row (fixed, floor, calculate, before): the same for all of them, so ratios stay fair.
# The parallel collector is docs/PERFORMANCE.md's recommendation for latency-sensitive middleware on a small box
# ("JVM and Jetty settings"); RECEIVER_JAVA_OPTS=-Xmx512m measures with the JVM's default collector (G1).
RECEIVER_JAVA_OPTS=${RECEIVER_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}
START_WAIT=${START_WAIT:-180}      # seconds a server may take to start (a seeded engine on PostgreSQL, a loaded machine)
STATUS_SAMPLES=${STATUS_SAMPLES:-warmup}   # warmup: count non-2xx statuses and keep samples in warm-ups; all: also in rounds
LUA=$ROOT/benchmarks/load/post.lua
CURRENT_JAR=$JAR

PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  [ -z "${POSTGRES_PID:-}" ] || stop_postgres
}
trap cleanup EXIT INT TERM

# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"
# shellcheck source=checkout.sh
. "$ROOT/benchmarks/load/checkout.sh"

# wrk_run NAME URL BODY SIG SECONDS STATUSES: one bounded wrk run; prints its RESULT line and, with STATUSES=1, its
# STATUS and SAMPLE lines (post.lua).
wrk_run() {
  local name=$1 url=$2 body=$3 sig=$4 seconds=$5 statuses=$6
  LOAD_NAME=$name LOAD_BODY=$body LOAD_SIG=$sig LOAD_STATUSES=$statuses timeout $((seconds + 30)) \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 5s --latency -s "$LUA" "$url" \
    | awk -F'\t' '$1 == "RESULT" || $1 == "STATUS" || $1 == "SAMPLE"' || true
}

# record OUTPUT KIND NAME PHASE: appends wrk's result lines to load.tsv: the RESULT as a "KIND" line (round: name,
# round, fields; warmup: name, fields), STATUS/SAMPLE lines as "status"/"sample" lines with the phase; and every
# sample to $OUT/non2xx.txt. Says on stderr what failed; never ends the run.
record() {
  local output=$1 kind=$2 name=$3 phase=$4 result
  result=$(echo "$output" | awk -F'\t' '$1 == "RESULT"')
  if [ -z "$result" ]; then
    printf 'fail\t%s\t%s\twrk gave no result\n' "$name" "$phase" >>"$RESULTS"
    echo "$name ($phase): wrk gave no result (recorded; the run goes on)" >&2
    return
  fi
  if [ "$kind" = round ]; then
    echo "$result" | sed "s/^RESULT\t[^\t]*/round\t$name\t$phase/" >>"$RESULTS"
  else
    echo "$result" | sed "s/^RESULT\t[^\t]*/warmup\t$name/" >>"$RESULTS"
  fi
  echo "$output" | awk -F'\t' -v OFS='\t' -v phase="$phase" \
    '$1 == "STATUS" || $1 == "SAMPLE" { $1 = tolower($1); $2 = $2 "\t" phase; print }' >>"$RESULTS"
  echo "$output" | awk -F'\t' -v phase="$phase" '$1 == "SAMPLE" { print $2 " (" phase "): " $3 " " $4 }' >>"$OUT/non2xx.txt"
  local errors
  errors=$(echo "$result" | cut -f7)
  [ "$errors" -eq 0 ] || echo "$name ($phase): $errors failed requests (non-2xx $(echo "$result" | cut -f8); connect/read/write/timeout $(echo "$result" | cut -f9-12 | tr '\t' '/')); recorded, the run goes on" >&2
}

# measure NAME ROUND LINES ROLE: one measured run against ROLE's server while sampling its RSS each second.
measure() {
  local name=$1 round=$2 lines=$3 role=$4
  local pid=${PID_OF[$role]} url="http://127.0.0.1:${PORT_OF[$role]}/ordercalculate"
  local samples="$OUT/$name.rss" statuses=0
  [ "$STATUS_SAMPLES" = all ] && statuses=1
  ( for _ in $(seq 1 $((DURATION + 1))); do rss_kb "$pid" >>"$samples" 2>/dev/null || true; sleep 1; done ) &
  local sampler=$!
  local output
  output=$(wrk_run "$name" "$url" "$OUT/calc-$lines.json" "$OUT/calc-$lines.sig" "$DURATION" "$statuses")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  record "$output" round "$name" "$round"
}

# warm NAME LINES ROLE: WARMUP seconds of unmeasured load, counting non-2xx answers by status with a sample of each.
warm() {
  local name=$1 lines=$2 role=$3 output
  output=$(wrk_run "$name" "http://127.0.0.1:${PORT_OF[$role]}/ordercalculate" "$OUT/calc-$lines.json" \
    "$OUT/calc-$lines.sig" "$WARMUP" 1)
  record "$output" warmup "$name" warmup
}

# medians: one "load" line per row from its "round" lines (median req/s, p50, p99; total requests and errors; rounds;
# failed requests of its warm-up).
medians() {
  awk -F'\t' -v OFS='\t' "$AWK_MEDIAN"'
    $1 == "warmup" { warm[$2] += $7 }
    $1 == "round" {
      if (!($2 in rps)) order[++n] = $2
      rps[$2] = rps[$2] " " $4; p50[$2] = p50[$2] " " $5; p99[$2] = p99[$2] " " $6
      req[$2] += $7; err[$2] += $8; rounds[$2]++
    }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]
        printf "load\t%s\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\n", k, median(rps[k]), median(p50[k]), median(p99[k]), req[k], err[k],
          rounds[k], warm[k]
      }
    }' "$RESULTS"
}

declare -A PID_OF PORT_OF

# start_all: every server of $SERVERS, all at once (each idles while another is measured).
start_all() {
  start_server middleware || exit 1   # also writes the request bodies, their signatures and the hash key
  PID_OF[calculate]=$SERVER_PID PORT_OF[calculate]=$SERVER_PORT
  sleep 2
  printf 'rss\tmiddleware\tidle-after-start\t%s\n' "$(rss_kb "${PID_OF[calculate]}")" >>"$RESULTS"
  local role
  for role in $SERVERS; do
    case $role in
      calculate) ;;
      node) need_peer; start_node || exit 1; PID_OF[node]=$SERVER_PID PORT_OF[node]=$SERVER_PORT ;;
      before) start_before || exit 1; PID_OF[before]=$SERVER_PID PORT_OF[before]=$SERVER_PORT ;;
      *) start_server "$role" || exit 1; PID_OF[$role]=$SERVER_PID PORT_OF[$role]=$SERVER_PORT ;;
    esac
  done
}

# receivers_run: the wrk rows of every body size, interleaved, then their medians and RSS. Every receiver JVM runs with
# RECEIVER_JAVA_OPTS.
receivers_run() {
  local lines role round
  local SERVER_JAVA_OPTS=$RECEIVER_JAVA_OPTS
  start_all
  for lines in $LINE_SETS; do
    for role in $SERVERS; do warm "$role-$lines" "$lines" "$role"; done
    for round in $(seq 1 "$ROUNDS"); do
      for role in $SERVERS; do measure "$role-$lines" "$round" "$lines" "$role"; done
    done
  done
  medians >>"$RESULTS"
  for role in $SERVERS; do
    for lines in $LINE_SETS; do
      printf 'rss\t%s-%s\tload-max\t%s\n' "$role" "$lines" "$(sort -n "$OUT/$role-$lines.rss" 2>/dev/null | tail -1)" >>"$RESULTS"
    done
  done
  sleep 3
  printf 'rss\tmiddleware\tidle-after-load\t%s\n' "$(rss_kb "${PID_OF[calculate]}")" >>"$RESULTS"
  for role in $SERVERS; do stop_server "${PID_OF[$role]}"; done
}

main() {
  need_wrk
  need_jar
  mkdir -p "$OUT"
  rm -f "$OUT"/*.rss "$OUT/non2xx.txt"
  RESULTS=$OUT/load.tsv
  printf '# load run %s; wrk -t%s -c%s; per body size %ss warm-up per server, then %s interleaved rounds of %ss (medians); checkout: %s users, %s lines, %s rounds of %ss warm-up + %ss, durable stores holding %s orders first; receivers: java %s; checkout: java %s; node %s\n' \
    "$(date -u +%FT%TZ)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$ROUNDS" "$DURATION" "$USERS" "$CHECKOUT_LINES" \
    "$CHECKOUT_ROUNDS" "$CHECKOUT_WARMUP" "$CHECKOUT_DURATION" "$CHECKOUT_HISTORY" "$RECEIVER_JAVA_OPTS" "$SERVER_JAVA_OPTS" \
    "$(node -v 2>/dev/null || echo none)" >"$RESULTS"
  printf 'loadavg\tstart\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
  [ -n "$BEFORE_JAR" ] && printf 'before\t%s\n' "${BEFORE_LABEL:-$BEFORE_JAR}" >>"$RESULTS"

  [ -z "$SERVERS" ] || receivers_run   # SERVERS="" runs only the checkout run
  [ "${SKIP_CHECKOUT:-0}" = 1 ] || checkout_run
  printf 'loadavg\tend\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

  report
}

report() {
  awk -F'\t' '
    $1 == "load" { name[++n] = $2; rps[$2] = $3; p50[$2] = $4; p99[$2] = $5; err[$2] = $7; warm[$2] = $9 }
    $1 == "rss"  { rss[++m] = $2 " " $3 ": " int($4 / 1024) " MiB" }
    $1 == "loadavg" { avg[++a] = "load average at " $2 ": " $3 }
    $1 == "status" { st[++s] = "non-2xx: " $2 " (" $3 "): " $5 " x " $4 }
    $1 == "sample" { st[++s] = "  first " $4 " answer: " $5 }
    $1 == "fail" { st[++s] = "failed: " $2 " (" $3 "): " $4 }
    $1 == "checkout" { checkout[++c] = sprintf("%s: %.1f checkouts/s (%s users, median of %s rounds); per request p50 %.2f ms " \
      "p99 %.2f ms; per checkout p50 %.1f ms p99 %.1f ms (%s checkouts, %s requests; failed %s measured, %s warm-up)", $2, $5,
      $3, ($14 == "" ? 1 : $14), $6 / 1000, $7 / 1000, $8 / 1000, $9 / 1000, $10, $11, $12, ($13 == "" ? "-" : $13)) }
    $1 == "checkout-step" { checkout[++c] = sprintf("  %s %s: p50 %.2f ms, p99 %.2f ms, max %.1f ms (%s requests)", $2, $3,
      $4 / 1000, $5 / 1000, $6 / 1000, $7) }
    $1 == "checkout-warmup" { checkout[++c] = sprintf("%s: warm-up %s s (median of rounds; %s of %s rounds settled (JIT " \
      "compilers quiet, checkout rate flat), the others at the limit)", $2, $3, $4, $5) }
    $1 == "checkout-cpu" { checkout[++c] = sprintf("%s: CPU ms per checkout (median of rounds): engine %s, merchant %s, " \
      "driver %s%s (of it JIT compiler threads: engine %s, merchant %s); GC pauses per row: engine %s ms, merchant %s ms",
      $2, $3, $4, $5, ($10 != "" && $10 != "-") ? ", PostgreSQL server " $10 : "", $8, $9, $6, $7) }
    function ratio(x, y) { return (x > 0 && y > 0) ? sprintf("%.2f", x / y) : "-" }
    END {
      printf "%-14s %10s %10s %10s %12s %12s %12s %14s\n", "row (median)", "req/s", "p50 ms", "p99 ms", "/ floor", "/ node", "/ fixed", "failed w/m"
      for (i = 1; i <= n; i++) {
        k = name[i]; split(k, parts, "-"); s2 = parts[2]
        printf "%-14s %10.0f %10.2f %10.2f %12s %12s %12s %14s\n", k, rps[k], p50[k] / 1000, p99[k] / 1000,
          ratio(rps[k], rps["floor-" s2]), ratio(rps[k], rps["node-" s2]), ratio(rps[k], rps["fixed-" s2]), warm[k] "/" err[k]
      }
      print ""
      for (j = 1; j <= c; j++) print checkout[j]
      for (j = 1; j <= s; j++) print st[j]
      for (j = 1; j <= m; j++) print "RSS " rss[j]
      for (j = 1; j <= a; j++) print avg[j]
    }' "$RESULTS"
  echo "results: $RESULTS"
}

main "$@"
