#!/usr/bin/env bash
# Profiles the engine's REST checkout run (the checkout row of run.sh): starts the example merchant and the engine
# (LoadServers merchant / engine, memory store unless STORE says otherwise: h2, or postgres for a fresh embedded
# PostgreSQL whose postmaster and backends are counted as one more line of cpu.tsv), records the engine with Java Flight
# Recorder ("profile" settings) during the measured part, logs the engine's GC, drives USERS virtual users of
# LINES-line checkouts (CheckoutLoad), and reports per JVM the CPU time per checkout (utime + stime from /proc over
# the measured seconds) next to the driver's line, then the engine's top frames (JfrTop.java).
#
# Usage: benchmarks/load/profile-checkout.sh
#        JAR=/tmp/old.jar DRIVER_JAR=benchmarks/target/benchmarks.jar OUT=/tmp/prof-before \
#          benchmarks/load/profile-checkout.sh        (an older engine and merchant, today's driver)
#        RECORD=0 benchmarks/load/profile-checkout.sh    (no JFR: CPU per checkout only)
#        STORE=postgres SERVER_JAVA_OPTS="-Xmx2g -Dorderhooks.bench.history=100000" ...   (the store holding 100,000
#          orders first, as the run-all's checkout rows: CHECKOUT_HISTORY in checkout.sh)
# With RECORD=1 the merchant is recorded too, over the same measured seconds (jcmd JFR.start): $OUT/merchant.jfr and
# $OUT/merchant.top.
# Writes $OUT/engine.jfr, $OUT/engine-gc.log, $OUT/merchant-gc.log, $OUT/engine.top and $OUT/cpu.tsv. Loopback only;
# every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START_WAIT=${START_WAIT:-180}   # seconds a server may take to start
# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"   # wait_file, cpu_ticks
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
DRIVER_JAR=${DRIVER_JAR:-$JAR}   # the checkout driver's jar (e.g. the current one while JAR is an older build)
OUT=${OUT:-$ROOT/benchmarks/target/profile-checkout}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-30}
USERS=${USERS:-8}
LINES=${LINES:-20}
STORE=${STORE:-memory}
RECORD=${RECORD:-1}
TOP=${TOP:-15}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx2g}
LOAD=$ROOT/benchmarks/load

mkdir -p "$OUT"
rm -f "$OUT"/*.port "$OUT/engine.jfr" "$OUT/merchant.jfr"
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; stop_postgres' EXIT INT TERM

# wait_port ROLE PID: waits (at most START_WAIT s) for $OUT/ROLE.port; ends the run if it does not come.
wait_port() {
  wait_file "$OUT/$1.port" "$2" "$1" "$OUT/$1.log" || exit 1
}

# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -Xlog:gc:file="$OUT/merchant-gc.log" -cp "$JAR" io.orderhooks.benchmarks.LoadServers merchant "$OUT" \
  >"$OUT/merchant.log" 2>&1 &
MERCHANT=$!
PIDS+=("$MERCHANT")
wait_port merchant "$MERCHANT"
STORE_ARG=$STORE
if [ "$STORE" = postgres ]; then
  CURRENT_JAR=$JAR start_postgres || exit 1
  STORE_ARG=$POSTGRES_URL
fi
JFR_OPTS=""
[ "$RECORD" = 1 ] && JFR_OPTS="-XX:StartFlightRecording=filename=$OUT/engine.jfr,settings=profile,delay=${WARMUP}s,duration=${DURATION}s"
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS $JFR_OPTS -Xlog:gc,gc+cpu:file="$OUT/engine-gc.log" -Dorderhooks.bench.store="$STORE_ARG" -cp "$JAR" \
  io.orderhooks.benchmarks.LoadServers engine "$OUT" "http://127.0.0.1:$(cat "$OUT/merchant.port")/integration" \
  >"$OUT/engine.log" 2>&1 &
ENGINE=$!
PIDS+=("$ENGINE")
wait_port engine "$ENGINE"

# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -cp "$DRIVER_JAR" io.orderhooks.benchmarks.CheckoutLoad \
  "http://127.0.0.1:$(cat "$OUT/engine.port")" "$USERS" "$WARMUP" "$DURATION" "$LINES" >"$OUT/driver.out" 2>"$OUT/driver.log" &
DRIVER=$!
PIDS+=("$DRIVER")
( sleep $((WARMUP + DURATION + 180)); kill "$DRIVER" 2>/dev/null ) >/dev/null 2>&1 &   # the driver's bound
PIDS+=("$!")
sleep "$WARMUP"
if [ "$RECORD" = 1 ]; then   # the merchant's recording spans the same measured seconds as the engine's
  jcmd "$MERCHANT" JFR.start name=merchant settings=profile duration="${DURATION}s" filename="$OUT/merchant.jfr" \
    >/dev/null 2>&1 &
fi
e0=$(cpu_ticks "$ENGINE"); m0=$(cpu_ticks "$MERCHANT"); d0=$(cpu_ticks "$DRIVER"); p0=$(postgres_ticks "${POSTGRES_PID:-}")
sleep "$DURATION"
e1=$(cpu_ticks "$ENGINE"); m1=$(cpu_ticks "$MERCHANT"); d1=$(cpu_ticks "$DRIVER" 2>/dev/null || echo "$d0"); p1=$(postgres_ticks "${POSTGRES_PID:-}")
wait "$DRIVER" || { cat "$OUT/driver.log" >&2; exit 1; }
line=$(awk -F'\t' '$1 == "checkout"' "$OUT/driver.out")
[ -n "$line" ] || { cat "$OUT/driver.log" >&2; echo "no checkout line" >&2; exit 1; }
checkouts=$(echo "$line" | cut -f10)
hz=$(getconf CLK_TCK)
{
  printf '# %s; load average %s\n' "$line" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'jvm\tcpu ms per checkout (measured %ss, %s checkouts)\n' "$DURATION" "$checkouts"
  pairs=("engine $e0 $e1" "merchant $m0 $m1" "driver $d0 $d1")
  [ "$STORE" = postgres ] && pairs+=("postgres $p0 $p1")
  for pair in "${pairs[@]}"; do
    set -- $pair
    awk -v n="$1" -v a="$2" -v b="$3" -v hz="$hz" -v c="$checkouts" 'BEGIN { printf "%s\t%.2f\n", n, (b - a) * 1000 / hz / c }'
  done
} | tee "$OUT/cpu.tsv"
if [ "$RECORD" = 1 ]; then
  for _ in $(seq 1 60); do [ -s "$OUT/engine.jfr" ] && break; sleep 0.5; done
  kill "$ENGINE" 2>/dev/null || true
  wait "$ENGINE" 2>/dev/null || true
  java "$LOAD/JfrTop.java" "$OUT/engine.jfr" "$TOP" | tee "$OUT/engine.top"
  for _ in $(seq 1 60); do [ -s "$OUT/merchant.jfr" ] && break; sleep 0.5; done
  java "$LOAD/JfrTop.java" "$OUT/merchant.jfr" "$TOP" >"$OUT/merchant.top"
fi
for jvm in engine merchant; do
  awk -v j="$jvm" '/Pause/ { n++; ms = $NF + 0; sum += ms; if (ms > max) max = ms }
    END { printf "%s GC: %d pauses, %.1f ms total, max %.1f ms\n", j, n, sum, max }' "$OUT/$jvm-gc.log"
done
