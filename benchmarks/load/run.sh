#!/usr/bin/env bash
# The load harness: in one run, on loopback only, four servers answering the same signed POST /ordercalculate:
#   fixed        a bare Javalin route that reads the body and answers fixed JSON (no verify, no parse)
#   floor        the parse floor: bare Javalin, X-oc-hash verify + Jackson tree parse + sum of LineTotal x rate
#   calculate    the orderhooks integration-events dispatcher with the real tax plugin (typed bind, validation)
#   node         the Node peer: express 4 + @ordercloud/catalyst 1.2.0 withOcWebhookAuth, the same tax sum
# All four run at once; each body size is measured interleaved (fixed floor calculate node, fixed floor ...):
# WARMUP seconds of unmeasured load per server, then ROUNDS rounds of DURATION seconds each; the table shows
# each row's median over the rounds and its ratios (calculate / floor, calculate / node, floor / fixed).
# Then the checkout run: whole checkouts of CHECKOUT_LINES lines by USERS virtual users over the engine's REST
# API, the engine delivering every checkout event over HTTP (signed) to the example merchant.
# Samples each server's resident memory (VmRSS) idle and under load; writes everything to $OUT/load.tsv.
#
# BEFORE_JAR=<an older benchmarks.jar> adds its middleware as one more interleaved server, row "before" (same
# bodies, same key), and runs the checkout once with that jar's engine and merchant (row checkout-LINES-before) before
# the current one, both driven by the current jar's driver: before and after measured side by side in one run.
#
# Usage: benchmarks/load/run.sh            (from anywhere; settings through the environment below)
#        SERVERS= STORES=postgres ENGINES="1 2" benchmarks/load/run.sh   (only checkouts/s of 1 vs 2 engine JVMs on
#                                                                        one PostgreSQL, side by side)
#        DURATION=3 WARMUP=2 ROUNDS=1 LINE_SETS=20 benchmarks/load/run.sh     (a smoke check, ~1 min)
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
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx512m}
START_WAIT=${START_WAIT:-180}      # seconds a server may take to start (a seeded engine on PostgreSQL, a loaded machine)
LUA=$ROOT/benchmarks/load/post.lua

PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

need_wrk() {
  command -v wrk >/dev/null 2>&1 && return
  echo "wrk is missing: installing Debian's package" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq wrk
}

need_jar() {
  [ -f "$JAR" ] && return
  echo "building $JAR" >&2
  (cd "$ROOT" && ./mvnw -B -ntp -pl benchmarks -am package -DskipTests)
}

# need_peer: the Node peer's packages, exactly as locked in package-lock.json.
need_peer() {
  [ -d "$PEER/node_modules/@ordercloud/catalyst" ] && [ -d "$PEER/node_modules/express" ] && return
  echo "installing the Node peer's packages (npm ci) into $PEER" >&2
  (cd "$PEER" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
}

# wait_port ROLE PID: waits (at most START_WAIT s) until the server wrote $OUT/ROLE.port; sets SERVER_PORT.
wait_port() {
  local role=$1 pid=$2
  for _ in $(seq 1 $((START_WAIT * 2))); do
    if [ -s "$OUT/$role.port" ]; then
      SERVER_PORT=$(cat "$OUT/$role.port")
      return
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$OUT/$role.log" >&2; echo "$role server died" >&2; exit 1; }
    sleep 0.5
  done
  echo "$role server not ready after $START_WAIT s" >&2
  exit 1
}

# start_server ROLE [ARG]: starts one LoadServers JVM and waits until it listens; sets SERVER_PID, SERVER_PORT.
start_server() {
  local role=$1
  rm -f "$OUT/$role.port"
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$JAR" io.orderhooks.benchmarks.LoadServers "$role" "$OUT" "${@:2}" >"$OUT/$role.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_port "$role" "$SERVER_PID"
}

# start_before: the middleware of $BEFORE_JAR in $OUT/before (its own copies of the bodies); sets SERVER_PID, SERVER_PORT.
start_before() {
  [ -f "$BEFORE_JAR" ] || { echo "BEFORE_JAR $BEFORE_JAR does not exist" >&2; exit 1; }
  mkdir -p "$OUT/before"
  rm -f "$OUT/before/middleware.port"
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$BEFORE_JAR" io.orderhooks.benchmarks.LoadServers middleware "$OUT/before" >"$OUT/before.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 240); do
    if [ -s "$OUT/before/middleware.port" ]; then
      SERVER_PORT=$(cat "$OUT/before/middleware.port")
      return
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/before.log" >&2; echo "before server died" >&2; exit 1; }
    sleep 0.5
  done
  echo "before server not ready after 120 s" >&2
  exit 1
}

# start_node: the Node peer, with the middleware's hash key; sets SERVER_PID, SERVER_PORT.
start_node() {
  rm -f "$OUT/node.port"
  OC_WEBHOOK_HASH_KEY=$(cat "$OUT/hash.key") node "$PEER/server.js" "$OUT/node.port" >"$OUT/node.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_port node "$SERVER_PID"
}

stop_server() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
}

rss_kb() {
  awk '/^VmRSS:/ {print $2}' "/proc/$1/status"
}

# wrk_run NAME URL BODY SIG SECONDS: one bounded wrk run; prints its RESULT line.
wrk_run() {
  local name=$1 url=$2 body=$3 sig=$4 seconds=$5
  LOAD_NAME=$name LOAD_BODY=$body LOAD_SIG=$sig timeout $((seconds + 30)) \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 5s --latency -s "$LUA" "$url" \
    | awk -F'\t' '$1 == "RESULT"'
}

# check_errors NAME LINE ROLE: fails the run when wrk counted any non-2xx answer or socket error.
check_errors() {
  local name=$1 line=$2 role=$3
  [ -n "$line" ] || { echo "wrk gave no result for $name" >&2; exit 1; }
  local errors
  errors=$(echo "$line" | cut -f7)
  # A round with failed requests (non-2xx answers or wrk socket errors/timeouts, e.g. on a loaded machine) is kept
  # in the table with its error count rather than ending the whole run; the server's log says which it was.
  [ "$errors" -eq 0 ] || echo "$name: $errors failed requests (non-2xx or socket errors), kept in the row's errors column; see $OUT/$role.log" >&2
}

# measure NAME ROUND LINES ROLE: one measured run against ROLE's server while sampling its RSS each second.
measure() {
  local name=$1 round=$2 lines=$3 role=$4
  local pid=${PID_OF[$role]} url="http://127.0.0.1:${PORT_OF[$role]}/ordercalculate"
  local samples="$OUT/$name.rss"
  ( for _ in $(seq 1 $((DURATION + 1))); do rss_kb "$pid" >>"$samples" 2>/dev/null || true; sleep 1; done ) &
  local sampler=$!
  local line
  line=$(wrk_run "$name" "$url" "$OUT/calc-$lines.json" "$OUT/calc-$lines.sig" "$DURATION")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  check_errors "$name" "$line" "$role"
  echo "$line" | sed "s/^RESULT\t[^\t]*/round\t$name\t$round/" >>"$RESULTS"
}

# warm NAME LINES ROLE: WARMUP seconds of unmeasured load. Socket errors of a cold server (time-outs while the JIT
# warms on a busy machine) are reported, not fatal; any non-2xx answer is.
warm() {
  local name=$1 lines=$2 role=$3
  local line status
  line=$(wrk_run "$name-warmup" "http://127.0.0.1:${PORT_OF[$role]}/ordercalculate" "$OUT/calc-$lines.json" \
    "$OUT/calc-$lines.sig" "$WARMUP")
  [ -n "$line" ] || { echo "wrk gave no result for $name-warmup" >&2; exit 1; }
  status=$(echo "$line" | cut -f8)
  [ "${status:-0}" -eq 0 ] || { echo "$name-warmup: $status non-2xx answers; see $OUT/$role.log" >&2; exit 1; }
  [ "$(echo "$line" | cut -f7)" -eq 0 ] || echo "$name-warmup: $(echo "$line" | cut -f7) failed requests while warming (not measured)" >&2
}

# medians: one "load" line per row from its "round" lines (median req/s, p50, p99; total requests and errors).
medians() {
  awk -F'\t' -v OFS='\t' '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == "round" {
      if (!($2 in rps)) order[++n] = $2
      rps[$2] = rps[$2] " " $4; p50[$2] = p50[$2] " " $5; p99[$2] = p99[$2] " " $6
      req[$2] += $7; err[$2] += $8; rounds[$2]++
    }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]
        printf "load\t%s\t%.1f\t%d\t%d\t%d\t%d\t%d\n", k, median(rps[k]), median(p50[k]), median(p99[k]), req[k], err[k], rounds[k]
      }
    }' "$RESULTS"
}

declare -A PID_OF PORT_OF

# start_all: every server of $SERVERS, all at once (each idles while another is measured).
start_all() {
  start_server middleware           # also writes the request bodies, their signatures and the hash key
  PID_OF[calculate]=$SERVER_PID PORT_OF[calculate]=$SERVER_PORT
  sleep 2
  printf 'rss\tmiddleware\tidle-after-start\t%s\n' "$(rss_kb "${PID_OF[calculate]}")" >>"$RESULTS"
  local role
  for role in $SERVERS; do
    case $role in
      calculate) ;;
      node) need_peer; start_node; PID_OF[node]=$SERVER_PID PORT_OF[node]=$SERVER_PORT ;;
      before) start_before; PID_OF[before]=$SERVER_PID PORT_OF[before]=$SERVER_PORT ;;
      *) start_server "$role"; PID_OF[$role]=$SERVER_PID PORT_OF[$role]=$SERVER_PORT ;;
    esac
  done
}

main() {
  need_wrk
  need_jar
  mkdir -p "$OUT"
  rm -f "$OUT"/*.rss
  RESULTS=$OUT/load.tsv
  printf '# load run %s; wrk -t%s -c%s; per body size %ss warm-up per server, then %s interleaved rounds of %ss (medians); servers: java %s, node %s\n' \
    "$(date -u +%FT%TZ)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$ROUNDS" "$DURATION" "$SERVER_JAVA_OPTS" "$(node -v)" >"$RESULTS"
  printf 'loadavg\tstart\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

  local lines role round
  if [ -n "$SERVERS" ]; then   # SERVERS="" runs only the checkout run
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
      printf 'rss\t%s-%s\tload-max\t%s\n' "$role" "$lines" "$(sort -n "$OUT/$role-$lines.rss" | tail -1)" >>"$RESULTS"
    done
  done
  sleep 3
  printf 'rss\tmiddleware\tidle-after-load\t%s\n' "$(rss_kb "${PID_OF[calculate]}")" >>"$RESULTS"
  for role in $SERVERS; do stop_server "${PID_OF[$role]}"; done
  fi

  [ "${SKIP_CHECKOUT:-0}" = 1 ] || checkout_run
  printf 'loadavg\tend\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

  report
}

# checkout_run: for each store of $STORES, three JVMs on loopback: the example merchant, the engine's REST API over
# that store delivering to it, and the CheckoutLoad driver's virtual users calling the engine. Rows are named
# checkout-LINES for the memory store and checkout-LINES-STORE for the others.
checkout_run() {
  if [ -n "$BEFORE_JAR" ]; then
    JAR=$BEFORE_JAR ROW_SUFFIX=-before checkout_jar
  fi
  ROW_SUFFIX="" checkout_jar
}

# checkout_jar: the checkout run of $JAR (engine, merchant and driver), rows suffixed with $ROW_SUFFIX.
checkout_jar() {
  start_server merchant
  local merchant_pid=$SERVER_PID merchant_port=$SERVER_PORT store
  local engines
  for store in $STORES; do
    for engines in $ENGINES; do
      if [ "$engines" != 1 ] && [ "$store" != postgres ]; then
        echo "ENGINES=$engines needs the postgres store (a $store store is one process's): skipped" >&2
        continue
      fi
      checkout_store "$store" "http://127.0.0.1:$merchant_port/integration" "$merchant_pid" "$engines"
    done
  done
  stop_server "$merchant_pid"
}

# store_property STORE: sets STORE_PROPERTY, the engine JVM's orderhooks.bench.store value (the postgres store
# starts an embedded PostgreSQL server, LoadServers' postgres role, once).
store_property() {
  case $1 in
    memory|h2) STORE_PROPERTY=$1 ;;
    postgres)
      if [ -z "${POSTGRES_URL:-}" ]; then
        start_server postgres
        POSTGRES_URL=$(cat "$OUT/postgres.url")
      fi
      STORE_PROPERTY=$POSTGRES_URL ;;
    *) echo "unknown store $1: memory, h2 or postgres" >&2; exit 1 ;;
  esac
}

# checkout_store STORE MERCHANT_URL MERCHANT_PID [ENGINES]: one measured checkout run on STORE; with ENGINES=2 two
# engine JVMs share the store and every virtual user alternates between them request by request.
checkout_store() {
  local store=$1 merchant_url=$2 merchant_pid=$3 engines=${4:-1} name
  store_property "$store"
  name="checkout-$CHECKOUT_LINES"
  [ "$store" = memory ] || name="$name-$store"
  [ "$engines" = 1 ] || name="$name-${engines}engines"
  name="$name${ROW_SUFFIX:-}"
  local opts="$SERVER_JAVA_OPTS -Dorderhooks.bench.store=$STORE_PROPERTY"
  SERVER_JAVA_OPTS=$opts start_server engine "$merchant_url"
  local engine_pid=$SERVER_PID engine_port=$SERVER_PORT
  local urls="http://127.0.0.1:$engine_port" extra_pids=() i
  for i in $(seq 2 "$engines"); do
    SERVER_JAVA_OPTS=$opts start_server "engine$i" "$merchant_url"
    extra_pids+=("$SERVER_PID")
    urls="$urls,http://127.0.0.1:$SERVER_PORT"
  done
  : >"$OUT/$name-merchant.rss"
  : >"$OUT/$name-engine.rss"
  ( for _ in $(seq 1 $((WARMUP + DURATION + 5))); do
      rss_kb "$merchant_pid" >>"$OUT/$name-merchant.rss" 2>/dev/null || true
      rss_kb "$engine_pid" >>"$OUT/$name-engine.rss" 2>/dev/null || true
      sleep 1
    done ) &
  local sampler=$!
  local line
  # shellcheck disable=SC2086
  line=$(timeout $((WARMUP + DURATION + 180)) java $SERVER_JAVA_OPTS -cp "$DRIVER_JAR" io.orderhooks.benchmarks.CheckoutLoad \
    "$urls" "$USERS" "$WARMUP" "$DURATION" "$CHECKOUT_LINES" | awk -F'\t' '$1 == "checkout"')
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  [ -n "$line" ] || { echo "CheckoutLoad gave no result ($store store)" >&2; exit 1; }
  [ "$(echo "$line" | cut -f12)" -eq 0 ] || { echo "checkouts failed: $line; see $OUT/engine.log, $OUT/merchant.log" >&2; exit 1; }
  echo "$line" | awk -F'\t' -v OFS='\t' -v name="$name" '{ $2 = name; print }' >>"$RESULTS"
  printf 'rss\tmerchant (%s)\tload-max\t%s\n' "$name" "$(sort -n "$OUT/$name-merchant.rss" | tail -1)" >>"$RESULTS"
  printf 'rss\tengine (%s)\tload-max\t%s\n' "$name" "$(sort -n "$OUT/$name-engine.rss" | tail -1)" >>"$RESULTS"
  printf 'loadavg\t%s\t%s\n' "$name" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
  stop_server "$engine_pid"
  for i in "${extra_pids[@]}"; do stop_server "$i"; done
}

report() {
  awk -F'\t' '
    $1 == "load" { name[++n] = $2; rps[$2] = $3; p50[$2] = $4; p99[$2] = $5 }
    $1 == "rss"  { rss[++m] = $2 " " $3 ": " int($4 / 1024) " MiB" }
    $1 == "loadavg" { avg[++a] = "load average at " $2 ": " $3 }
    $1 == "checkout" { checkout[++c] = sprintf("%s: %.1f checkouts/s (%s users); per request p50 %.2f ms p99 %.2f ms; " \
      "per checkout p50 %.1f ms p99 %.1f ms (%s checkouts, %s requests)", $2, $5, $3, $6 / 1000, $7 / 1000, \
      $8 / 1000, $9 / 1000, $10, $11) }
    function ratio(x, y) { return (x > 0 && y > 0) ? sprintf("%.2f", x / y) : "-" }
    END {
      printf "%-14s %10s %10s %10s %12s %12s %12s\n", "row (median)", "req/s", "p50 ms", "p99 ms", "/ floor", "/ node", "/ fixed"
      for (i = 1; i <= n; i++) {
        k = name[i]; split(k, parts, "-"); s = parts[2]
        printf "%-14s %10.0f %10.2f %10.2f %12s %12s %12s\n", k, rps[k], p50[k] / 1000, p99[k] / 1000,
          ratio(rps[k], rps["floor-" s]), ratio(rps[k], rps["node-" s]), ratio(rps[k], rps["fixed-" s])
      }
      print ""
      for (j = 1; j <= c; j++) print checkout[j]
      for (j = 1; j <= m; j++) print "RSS " rss[j]
      for (j = 1; j <= a; j++) print avg[j]
    }' "$RESULTS"
  echo "results: $RESULTS"
}

main "$@"
