#!/usr/bin/env bash
# The engine REST checkout of two builds side by side, interleaved: starts an example merchant and an engine (memory
# store) from jar A and from jar B, all four JVMs up for the whole run, then drives them in alternating rounds
# (A B, B A, A B, ...: each side first in every other round, so that a drift over the run (session 18 saw each
# round ~10 % faster than the one before it, on both sides) does not favour the side measured second; an even ROUNDS balances it fully), each
# round a fresh CheckoutLoad driver of the current build (same client for both) with USERS virtual
# users doing LINES-line checkouts for ROUND seconds after a short driver warm-up. Before the first round each engine
# gets WARMUP seconds of unmeasured load (C2 compilation). Per round: checkouts/s, request p50/p99, and the CPU time per
# checkout (utime + stime from /proc) of that side's engine, merchant and driver: the load-insensitive figure on a
# shared machine. Prints every round and the median per side.
#
# STORE=h2 gives each engine a fresh H2 folder; STORE=postgres gives each side its own fresh embedded PostgreSQL (B's
# jar starts both) and adds its CPU per checkout (the postmaster, its reaped children and its live backends): the
# database's share, next to the engine's (which for H2 includes the embedded database).
#
# Usage: A_JAR=/work/perf5/main-22acc02.jar B_JAR=benchmarks/target/benchmarks.jar benchmarks/load/checkout-ab.sh
#        ROUNDS=5 ROUND=20 WARMUP=60 USERS=8 LINES=20 STORE=memory (defaults); OUT=benchmarks/target/checkout-ab
# A durable store with an order history first, as the run-all's checkout rows (CHECKOUT_HISTORY in checkout.sh):
# A_JAVA_OPTS="-Xmx2g -Dorderhooks.bench.history=100000" and the same B_JAVA_OPTS (jars from session 19 on).
# Writes $OUT/rounds.tsv. Loopback only; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START_WAIT=${START_WAIT:-180}   # seconds a server may take to start
# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"   # wait_file, cpu_ticks
A_JAR=${A_JAR:?A_JAR: the jar of side A, e.g. the build before a change}
B_JAR=${B_JAR:-$ROOT/benchmarks/target/benchmarks.jar}
DRIVER_JAR=${DRIVER_JAR:-$B_JAR}
OUT=${OUT:-$ROOT/benchmarks/target/checkout-ab}
ROUNDS=${ROUNDS:-5}
ROUND=${ROUND:-20}
DRIVER_WARMUP=${DRIVER_WARMUP:-5}
WARMUP=${WARMUP:-60}
USERS=${USERS:-8}
LINES=${LINES:-20}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx2g}
# JVM options of each side's merchant and engine (default SERVER_JAVA_OPTS): with A_JAR = B_JAR, settings side by side,
# e.g. B_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC"; the driver always runs with SERVER_JAVA_OPTS
A_JAVA_OPTS=${A_JAVA_OPTS:-$SERVER_JAVA_OPTS}
B_JAVA_OPTS=${B_JAVA_OPTS:-$SERVER_JAVA_OPTS}
STORE=${STORE:-memory}
case $STORE in memory|h2|postgres) ;; *) echo "STORE must be memory, h2 or postgres" >&2; exit 1 ;; esac

mkdir -p "$OUT"/A "$OUT"/B
rm -f "$OUT"/A/*.port "$OUT"/B/*.port
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done' EXIT INT TERM
declare -A ENGINE MERCHANT PORT POSTMASTER

# wait_port DIR ROLE PID: waits (at most START_WAIT s) for DIR/ROLE.port; ends the run if it does not come.
wait_port() {
  wait_file "$1/$2.port" "$3" "$1 $2" "$1/$2.log" || exit 1
}

# start_side SIDE JAR: the merchant and the engine of JAR, in $OUT/SIDE.
start_side() {
  local side=$1 jar=$2 dir=$OUT/$1 opts
  opts=$([ "$side" = A ] && echo "$A_JAVA_OPTS" || echo "$B_JAVA_OPTS")
  # shellcheck disable=SC2086
  java $opts -cp "$jar" io.orderhooks.benchmarks.LoadServers merchant "$dir" >"$dir/merchant.log" 2>&1 &
  MERCHANT[$side]=$!
  PIDS+=("$!")
  wait_port "$dir" merchant "${MERCHANT[$side]}"
  local store=$STORE
  if [ "$STORE" = postgres ]; then
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS -cp "$B_JAR" io.orderhooks.benchmarks.LoadServers postgres "$dir" >"$dir/postgres.log" 2>&1 &
    PIDS+=("$!")
    wait_file "$dir/postgres.pid" "$!" "$side postgres" "$dir/postgres.log" || exit 1
    POSTMASTER[$side]=$(cat "$dir/postgres.pid")
    store=$(cat "$dir/postgres.url")
  fi
  # shellcheck disable=SC2086
  java $opts -Xlog:gc:file="$dir/engine-gc.log" -Dorderhooks.bench.store="$store" -cp "$jar" \
    io.orderhooks.benchmarks.LoadServers engine "$dir" "http://127.0.0.1:$(cat "$dir/merchant.port")/integration" \
    >"$dir/engine.log" 2>&1 &
  ENGINE[$side]=$!
  PIDS+=("$!")
  wait_port "$dir" engine "${ENGINE[$side]}"
  PORT[$side]=$(cat "$dir/engine.port")
}

# drive SIDE WARM SECONDS: one driver run against SIDE; prints its "checkout" line and the three CPU figures.
drive() {
  local side=$1 warm=$2 seconds=$3
  local e0 m0 d0 e1 m1 d1 p0 p1 driver line
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$DRIVER_JAR" io.orderhooks.benchmarks.CheckoutLoad "http://127.0.0.1:${PORT[$side]}" \
    "$USERS" "$warm" "$seconds" "$LINES" >"$OUT/$side/driver.out" 2>"$OUT/$side/driver.log" &
  driver=$!
  PIDS+=("$driver")
  # the driver's bound; its output goes nowhere, or the caller's $(...) would wait for the sleep to end
  ( sleep $((warm + seconds + 120)); kill "$driver" 2>/dev/null ) >/dev/null 2>&1 &
  local watchdog=$!
  for _ in $(seq 1 $(((warm + 60) * 5))); do   # the driver prints "measuring" when its warm-up ends
    grep -q '^measuring' "$OUT/$side/driver.out" 2>/dev/null && break
    kill -0 "$driver" 2>/dev/null || break
    sleep 0.2
  done
  e0=$(cpu_ticks "${ENGINE[$side]}"); m0=$(cpu_ticks "${MERCHANT[$side]}"); d0=$(cpu_ticks "$driver"); p0=$(postgres_ticks "${POSTMASTER[$side]:-}")
  sleep "$seconds"
  e1=$(cpu_ticks "${ENGINE[$side]}"); m1=$(cpu_ticks "${MERCHANT[$side]}"); d1=$(cpu_ticks "$driver" 2>/dev/null || echo "$d0")
  p1=$(postgres_ticks "${POSTMASTER[$side]:-}")
  wait "$driver" || { cat "$OUT/$side/driver.log" >&2; exit 1; }
  kill "$watchdog" 2>/dev/null || true
  line=$(awk -F'\t' '$1 == "checkout"' "$OUT/$side/driver.out")
  [ -n "$line" ] || { cat "$OUT/$side/driver.log" >&2; echo "no checkout line ($side)" >&2; exit 1; }
  echo "$line" | awk -F'\t' -v OFS='\t' -v hz="$(getconf CLK_TCK)" -v e="$((e1 - e0))" -v m="$((m1 - m0))" -v d="$((d1 - d0))" \
    -v p="$((p1 - p0))" '{ c = $10 > 0 ? $10 : 1
       # the driver CPU: what it measured itself over its measured part (field 14); /proc when an older driver
       # prints none (often 0 then: the driver has exited by the time the window ends, its /proc entry gone)
       dms = NF >= 14 ? $14 : d * 1000 / hz
       printf "%.1f\t%.2f\t%.2f\t%d\t%.2f\t%.2f\t%.2f\t%d\t%.2f\n", $5, $6 / 1000,
       $7 / 1000, $12, e * 1000 / hz / c, m * 1000 / hz / c, dms / c, $10, p * 1000 / hz / c }'
}

start_side A "$A_JAR"
start_side B "$B_JAR"
for side in A B; do drive "$side" "$WARMUP" 1 >/dev/null; done   # unmeasured warm-up of each side
printf 'round\tside\tcheckouts/s\treq p50 ms\treq p99 ms\terrors\tengine ms/checkout\tmerchant ms/checkout\tdriver ms/checkout\tcheckouts\tpostgres ms/checkout\tload\n' \
  | tee "$OUT/rounds.tsv"
for round in $(seq 1 "$ROUNDS"); do
  order="A B"
  [ $((round % 2)) -eq 0 ] && order="B A"
  for side in $order; do
    result=$(drive "$side" "$DRIVER_WARMUP" "$ROUND")
    printf '%s\t%s\t%s\t%s\n' "$round" "$side" "$result" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/rounds.tsv"
  done
done
echo "medians (A = $A_JAR $A_JAVA_OPTS, B = $B_JAR $B_JAVA_OPTS):"
for side in A B; do
  awk -F'\t' -v s="$side" '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $2 == s { for (k = 3; k <= 11; k++) v[k] = v[k] " " $k }
    END { printf "%s\t%.1f checkouts/s\treq p50 %.2f ms\tp99 %.2f ms\terrors %d\tCPU ms per checkout: engine %.2f merchant %.2f driver %.2f postgres %.2f\n",
          s, median(v[3]), median(v[4]), median(v[5]), median(v[6]), median(v[7]), median(v[8]), median(v[9]), median(v[11]) }' "$OUT/rounds.tsv"
done
for side in A B; do
  awk -v s="$side" '/Pause/ { n++; ms = $NF + 0; sum += ms; if (ms > max) max = ms }
    END { printf "%s engine GC: %d pauses, %.1f ms total, max %.1f ms\n", s, n, sum, max }' "$OUT/$side/engine-gc.log"
done
