#!/usr/bin/env bash
# Profiles one load-server role under wrk with Java Flight Recorder and prints its top frames (JfrTop.java):
# starts the role (LoadServers, the same JVM options as run.sh), runs WARMUP seconds of unmeasured load, then
# records RECORD seconds of load with JFR's "profile" settings (jdk.ExecutionSample every 10 ms,
# jdk.ObjectAllocationSample), and prints wrk's rate of every PERIOD-second slice so the warm-up can be seen.
#
# Usage: benchmarks/load/profile.sh [ROLE] [LINES]     ROLE: middleware (default), floor or fixed; LINES: 20 or 200
#        JAR=/tmp/old-benchmarks.jar benchmarks/load/profile.sh middleware 200    (an older build)
# Writes $OUT/ROLE-LINES.jfr and $OUT/ROLE-LINES.top. Loopback only; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START_WAIT=${START_WAIT:-180}   # seconds a server may take to start
# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"   # wait_file, cpu_ticks
ROLE=${1:-middleware}
LINES=${2:-20}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${OUT:-$ROOT/benchmarks/target/profile}
WARMUP=${WARMUP:-30}
RECORD=${RECORD:-20}
PERIOD=${PERIOD:-5}
TOP=${TOP:-10}
CONNECTIONS=${CONNECTIONS:-16}
RECEIVER_JAVA_OPTS=${RECEIVER_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}   # as run.sh's receiver rows
LOAD=$ROOT/benchmarks/load

mkdir -p "$OUT"
JFR=$OUT/$ROLE-$LINES.jfr
rm -f "$OUT/$ROLE.port" "$JFR"
# shellcheck disable=SC2086
java $RECEIVER_JAVA_OPTS -XX:StartFlightRecording=filename="$JFR",settings=profile,delay=${WARMUP}s,duration=${RECORD}s \
  -cp "$JAR" io.orderhooks.benchmarks.LoadServers "$ROLE" "$OUT" >"$OUT/$ROLE.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT INT TERM
wait_file "$OUT/$ROLE.port" "$PID" "$ROLE" "$OUT/$ROLE.log" || exit 1
if [ ! -f "$OUT/calc-$LINES.json" ]; then   # the bodies are written by the middleware role
  echo "no $OUT/calc-$LINES.json: profile the middleware role once first" >&2
  exit 1
fi
URL="http://127.0.0.1:$(cat "$OUT/$ROLE.port")/ordercalculate"
echo "slice	req/s	p50 us	p99 us	requests	errors	non-2xx	connect	read	write	timeout"
for slice in $(seq 1 $(((WARMUP + RECORD) / PERIOD))); do
  LOAD_NAME="$ROLE-$LINES-$((slice * PERIOD))s" LOAD_BODY="$OUT/calc-$LINES.json" LOAD_SIG="$OUT/calc-$LINES.sig" \
    timeout $((PERIOD + 30)) wrk -t1 -c"$CONNECTIONS" -d"${PERIOD}s" --timeout 5s --latency -s "$LOAD/post.lua" "$URL" \
    | awk -F'\t' '$1 == "RESULT" { $1 = ""; sub(/^\t/, ""); print }' OFS='\t'
done
for _ in $(seq 1 60); do   # JFR writes the file when the recording ends
  [ -s "$JFR" ] && break
  sleep 0.5
done
kill "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
java "$LOAD/JfrTop.java" "$JFR" "$TOP" | tee "$OUT/$ROLE-$LINES.top"
