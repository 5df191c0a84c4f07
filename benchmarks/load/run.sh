#!/usr/bin/env bash
# The load harness: in one run, side by side, on loopback only:
#   floor-20, floor-200  a bare Javalin route that reads the body and answers fixed JSON
#   calculate-20, -200   signed POST /ordercalculate through the middleware with the real tax plugin
#   checkout-20          whole checkouts of 20 lines by USERS virtual users over the engine's REST API; the engine
#                        delivers every checkout event over HTTP (signed) to the example merchant
# Prints throughput, p50/p99 latency and each result's ratio to the floor, samples each server JVM's
# resident memory (VmRSS) idle and under load, and writes everything to $OUT/load.tsv.
#
# Usage: benchmarks/load/run.sh            (from anywhere; settings through the environment below)
# Every run is bounded: wrk by -d plus `timeout`, every wait loop by a count.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${OUT:-$ROOT/benchmarks/target/load}
DURATION=${DURATION:-15}          # seconds of each measured wrk run
WARMUP=${WARMUP:-10}              # seconds of the unmeasured wrk run before it
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
USERS=${USERS:-8}                 # virtual users of the checkout run
CHECKOUT_LINES=${CHECKOUT_LINES:-20}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx512m}
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

# start_server ROLE [ARG]: starts one LoadServers JVM and waits (at most 60 s) until it wrote its port.
start_server() {
  local role=$1
  rm -f "$OUT/$role.port"
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$JAR" io.orderhooks.benchmarks.LoadServers "$role" "$OUT" "${@:2}" >"$OUT/$role.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 120); do
    if [ -s "$OUT/$role.port" ]; then
      SERVER_PORT=$(cat "$OUT/$role.port")
      return
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/$role.log" >&2; echo "$role server died" >&2; exit 1; }
    sleep 0.5
  done
  echo "$role server not ready after 60 s" >&2
  exit 1
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

# measure NAME URL BODY SIG PID ROLE: warm-up, then the measured run while sampling the server's RSS each second.
measure() {
  local name=$1 url=$2 body=$3 sig=$4 pid=$5 role=$6
  wrk_run "$name-warmup" "$url" "$body" "$sig" "$WARMUP" >/dev/null
  local samples="$OUT/$name.rss"
  : >"$samples"
  ( for _ in $(seq 1 $((DURATION + 2))); do rss_kb "$pid" >>"$samples" 2>/dev/null || true; sleep 1; done ) &
  local sampler=$!
  local line
  line=$(wrk_run "$name" "$url" "$body" "$sig" "$DURATION")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  [ -n "$line" ] || { echo "wrk gave no result for $name" >&2; exit 1; }
  local errors
  errors=$(echo "$line" | cut -f7)
  [ "$errors" -eq 0 ] || { echo "$name: $errors failed requests (non-2xx or socket errors); see $OUT/$role.log" >&2; exit 1; }
  echo "$line" | sed 's/^RESULT/load/' >>"$RESULTS"
  printf 'rss\t%s\tload-max\t%s\n' "$name" "$(sort -n "$samples" | tail -1)" >>"$RESULTS"
}

main() {
  need_wrk
  need_jar
  mkdir -p "$OUT"
  RESULTS=$OUT/load.tsv
  printf '# load run %s; wrk -t%s -c%s, %ss warm-up + %ss measured per row; servers: java %s\n' \
    "$(date -u +%FT%TZ)" "$THREADS" "$CONNECTIONS" "$WARMUP" "$DURATION" "$SERVER_JAVA_OPTS" >"$RESULTS"

  start_server middleware           # also writes the request bodies and signatures
  local mw_pid=$SERVER_PID mw_port=$SERVER_PORT
  sleep 2
  printf 'rss\tmiddleware\tidle-after-start\t%s\n' "$(rss_kb "$mw_pid")" >>"$RESULTS"
  stop_server "$mw_pid"

  start_server floor
  for lines in 20 200; do
    measure "floor-$lines" "http://127.0.0.1:$SERVER_PORT/floor" "$OUT/calc-$lines.json" "" "$SERVER_PID" floor
  done
  stop_server "$SERVER_PID"

  start_server middleware
  mw_pid=$SERVER_PID mw_port=$SERVER_PORT
  sleep 2
  for lines in 20 200; do
    measure "calculate-$lines" "http://127.0.0.1:$mw_port/ordercalculate" "$OUT/calc-$lines.json" "$OUT/calc-$lines.sig" "$mw_pid" middleware
  done
  sleep 3
  printf 'rss\tmiddleware\tidle-after-load\t%s\n' "$(rss_kb "$mw_pid")" >>"$RESULTS"
  stop_server "$mw_pid"

  checkout_run

  report
}

# checkout_run: three JVMs on loopback: the example merchant, the engine's REST API delivering to it, and the
# CheckoutLoad driver's virtual users calling the engine.
checkout_run() {
  start_server merchant
  local merchant_pid=$SERVER_PID merchant_port=$SERVER_PORT
  start_server engine "http://127.0.0.1:$merchant_port/integration"
  local engine_pid=$SERVER_PID engine_port=$SERVER_PORT
  : >"$OUT/checkout-merchant.rss"
  : >"$OUT/checkout-engine.rss"
  ( for _ in $(seq 1 $((WARMUP + DURATION + 5))); do
      rss_kb "$merchant_pid" >>"$OUT/checkout-merchant.rss" 2>/dev/null || true
      rss_kb "$engine_pid" >>"$OUT/checkout-engine.rss" 2>/dev/null || true
      sleep 1
    done ) &
  local sampler=$!
  local line
  # shellcheck disable=SC2086
  line=$(timeout $((WARMUP + DURATION + 180)) java $SERVER_JAVA_OPTS -cp "$JAR" io.orderhooks.benchmarks.CheckoutLoad \
    "http://127.0.0.1:$engine_port" "$USERS" "$WARMUP" "$DURATION" "$CHECKOUT_LINES" | awk -F'\t' '$1 == "checkout"')
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  [ -n "$line" ] || { echo "CheckoutLoad gave no result" >&2; exit 1; }
  [ "$(echo "$line" | cut -f12)" -eq 0 ] || { echo "checkouts failed: $line; see $OUT/engine.log, $OUT/merchant.log" >&2; exit 1; }
  echo "$line" >>"$RESULTS"
  printf 'rss\tmerchant (checkout-%s)\tload-max\t%s\n' "$CHECKOUT_LINES" "$(sort -n "$OUT/checkout-merchant.rss" | tail -1)" >>"$RESULTS"
  printf 'rss\tengine (checkout-%s)\tload-max\t%s\n' "$CHECKOUT_LINES" "$(sort -n "$OUT/checkout-engine.rss" | tail -1)" >>"$RESULTS"
  stop_server "$engine_pid"
  stop_server "$merchant_pid"
}

report() {
  awk -F'\t' '
    $1 == "load" { name[++n] = $2; rps[$2] = $3; p50[$2] = $4; p99[$2] = $5 }
    $1 == "rss"  { rss[++m] = $2 " " $3 ": " int($4 / 1024) " MiB" }
    $1 == "checkout" { checkout[++c] = sprintf("%s: %.1f checkouts/s (%s users); per request p50 %.2f ms p99 %.2f ms; " \
      "per checkout p50 %.1f ms p99 %.1f ms (%s checkouts, %s requests)", $2, $5, $3, $6 / 1000, $7 / 1000, \
      $8 / 1000, $9 / 1000, $10, $11) }
    END {
      floor = rps["floor-20"]
      printf "%-14s %10s %10s %10s %12s %16s\n", "run", "req/s", "p50 ms", "p99 ms", "/ floor-20", "/ same-body floor"
      for (i = 1; i <= n; i++) {
        k = name[i]; split(k, parts, "-"); same = rps["floor-" parts[2]]
        printf "%-14s %10.0f %10.2f %10.2f %12.2f %16s\n", k, rps[k], p50[k] / 1000, p99[k] / 1000,
          rps[k] / floor, (same > 0 ? sprintf("%.2f", rps[k] / same) : "-")
      }
      print ""
      for (j = 1; j <= c; j++) print checkout[j]
      for (j = 1; j <= m; j++) print "RSS " rss[j]
    }' "$RESULTS"
  echo "results: $RESULTS"
}

main "$@"
