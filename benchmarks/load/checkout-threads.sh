#!/usr/bin/env bash
# CPU per checkout of the engine and the merchant split by thread kind: starts the example merchant and the engine
# (memory store) of JAR, drives USERS users of LINES-line checkouts (CheckoutLoad) for WARMUP seconds unmeasured and
# DURATION seconds measured, and reads every thread's utime + stime (/proc/<pid>/task/*/stat) when the measured part
# starts and ends. Threads are grouped by name with digits folded (Jetty's pool "qtp…" and "JettyServerThreadPool-…"
# as jetty-pool, "C2 CompilerThre" and "C1 CompilerThre" as C# CompilerThre, "GC Thread#0" …), so the request threads,
# the JIT compilers and the collector each get one line: what JFR does not show (it samples Java frames only).
#
# Usage: JAR=benchmarks/target/benchmarks.jar OUT=/tmp/threads benchmarks/load/checkout-threads.sh
#        WARMUP=60 DURATION=20 USERS=8 LINES=20 (defaults); ENGINE_JAVA_OPTS, MERCHANT_JAVA_OPTS (default -Xmx512m)
# Loopback only; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START_WAIT=${START_WAIT:-180}   # seconds a server may take to start
# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"   # wait_file
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${OUT:-$ROOT/benchmarks/target/checkout-threads}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
USERS=${USERS:-8}
LINES=${LINES:-20}
ENGINE_JAVA_OPTS=${ENGINE_JAVA_OPTS:--Xmx512m}
MERCHANT_JAVA_OPTS=${MERCHANT_JAVA_OPTS:--Xmx512m}

mkdir -p "$OUT"
rm -f "$OUT"/*.port
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done' EXIT INT TERM

# threads PID: "tid<TAB>name<TAB>ticks" per thread of PID
threads() {
  for task in /proc/"$1"/task/*; do
    local name ticks
    name=$(cat "$task/comm" 2>/dev/null) || continue
    ticks=$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null) || continue
    printf '%s\t%s\t%s\n' "${task##*/}" "$name" "$ticks"
  done | sort
}

# shellcheck disable=SC2086
java $MERCHANT_JAVA_OPTS -cp "$JAR" io.orderhooks.benchmarks.LoadServers merchant "$OUT" >"$OUT/merchant.log" 2>&1 &
MERCHANT=$!
PIDS+=("$MERCHANT")
wait_file "$OUT/merchant.port" "$MERCHANT" merchant "$OUT/merchant.log" || exit 1
# shellcheck disable=SC2086
java $ENGINE_JAVA_OPTS -Xlog:gc:file="$OUT/engine-gc.log" -Dorderhooks.bench.store=memory -cp "$JAR" \
  io.orderhooks.benchmarks.LoadServers engine "$OUT" "http://127.0.0.1:$(cat "$OUT/merchant.port")/integration" \
  >"$OUT/engine.log" 2>&1 &
ENGINE=$!
PIDS+=("$ENGINE")
wait_file "$OUT/engine.port" "$ENGINE" engine "$OUT/engine.log" || exit 1
java -Xmx512m -cp "$JAR" io.orderhooks.benchmarks.CheckoutLoad "http://127.0.0.1:$(cat "$OUT/engine.port")" \
  "$USERS" "$WARMUP" "$DURATION" "$LINES" >"$OUT/driver.out" 2>"$OUT/driver.log" &
DRIVER=$!
PIDS+=("$DRIVER")
for _ in $(seq 1 $(((WARMUP + 120) * 5))); do   # the driver prints "measuring" when its warm-up ends
  grep -q '^measuring' "$OUT/driver.out" 2>/dev/null && break
  kill -0 "$DRIVER" 2>/dev/null || break
  sleep 0.2
done
threads "$ENGINE" >"$OUT/engine.0"; threads "$MERCHANT" >"$OUT/merchant.0"
sleep "$DURATION"
threads "$ENGINE" >"$OUT/engine.1"; threads "$MERCHANT" >"$OUT/merchant.1"
( sleep 120; kill "$DRIVER" 2>/dev/null ) >/dev/null 2>&1 &   # the driver's bound
PIDS+=("$!")
wait "$DRIVER" || { cat "$OUT/driver.log" >&2; exit 1; }
line=$(awk -F'\t' '$1 == "checkout"' "$OUT/driver.out")
[ -n "$line" ] || { cat "$OUT/driver.log" >&2; echo "no checkout line" >&2; exit 1; }
checkouts=$(echo "$line" | cut -f10)
printf '# %s checkouts/s, %s checkouts measured; load average %s\n' "$(echo "$line" | cut -f5)" "$checkouts" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
for jvm in engine merchant; do
  join -t "$(printf '\t')" -j1 "$OUT/$jvm.0" "$OUT/$jvm.1" | awk -F'\t' -v jvm="$jvm" -v c="$checkouts" \
    -v hz="$(getconf CLK_TCK)" '
    { name = $2; gsub(/[0-9]+/, "#", name); if (name ~ /^qtp|^JettyServerThr/) name = "jetty-pool"
      ticks[name] += $5 - $3; total += $5 - $3 }
    END { for (n in ticks) if (ticks[n] > 0) printf "%s\t%s\t%.2f\n", jvm, n, ticks[n] * 1000 / hz / c
          printf "%s\tall threads\t%.2f\n", jvm, total * 1000 / hz / c }' | sort -t "$(printf '\t')" -k3,3 -rn
done | awk -F'\t' 'BEGIN { print "jvm\tthreads\tCPU ms per checkout" } { print }'
