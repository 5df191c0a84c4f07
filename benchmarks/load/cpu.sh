#!/usr/bin/env bash
# CPU and context switches per request, the load-insensitive measure of the receive path: starts the parse floor,
# this build's middleware and (with BEFORE_JAR) an older build's middleware, warms each up, then in interleaved
# rounds (floor calculate before, floor calculate before, ...) drives each alone with wrk for SECONDS while
# `perf stat -p` counts the server JVM's task-clock and context switches; prints each round and the medians.
# Other load on the machine shifts req/s but hardly the CPU a request costs, so compare these columns side by side.
#
# Usage: BEFORE_JAR=/work/perf5/main-22acc02.jar benchmarks/load/cpu.sh [LINES]     (LINES: 20 or 200)
# Env: ROLES ("floor calculate before"; floor-future = the floor inside ctx.future), JAR (this build's
#      benchmarks.jar), ROUNDS (3), WARMUP (40 s per server), SECONDS_PER (10), CONNECTIONS (16),
#      OUT. Needs perf and wrk; loopback only; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START_WAIT=${START_WAIT:-180}   # seconds a server may take to start
# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"   # wait_file, cpu_ticks
LINES=${1:-20}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
BEFORE_JAR=${BEFORE_JAR:-}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-40}
SECONDS_PER=${SECONDS_PER:-10}
CONNECTIONS=${CONNECTIONS:-16}
OUT=${OUT:-$ROOT/benchmarks/target/cpu}
LOAD=$ROOT/benchmarks/load
mkdir -p "$OUT"

declare -A PID_OF PORT_OF
read -r -a ROLES <<<"${ROLES:-floor calculate${BEFORE_JAR:+ before}}"   # also: floor-future
cleanup() { for r in "${!PID_OF[@]}"; do kill "${PID_OF[$r]}" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

start() { # role jar server-role dir
  local role=$1 jar=$2 srole=$3 dir=$OUT/$1
  mkdir -p "$dir"; rm -f "$dir/$srole.port"
  java -Xmx512m -cp "$jar" io.orderhooks.benchmarks.LoadServers "$srole" "$dir" >"$dir/server.log" 2>&1 &
  PID_OF[$role]=$!
  wait_file "$dir/$srole.port" "${PID_OF[$role]}" "$role" "$dir/server.log" || exit 1
  PORT_OF[$role]=$SERVER_PORT
}

start calculate "$JAR" middleware   # always: it writes the request bodies
for role in "${ROLES[@]}"; do
  case $role in
    calculate) ;;
    before) start before "$BEFORE_JAR" middleware ;;
    *) start "$role" "$JAR" "$role" ;;
  esac
done
BODY=$OUT/calculate/calc-$LINES.json SIG=$OUT/calculate/calc-$LINES.sig

drive() { # role seconds name -> prints wrk's RESULT fields
  LOAD_NAME=$3 LOAD_BODY=$BODY LOAD_SIG=$SIG timeout $(($2 + 30)) wrk -t1 -c"$CONNECTIONS" -d"$2s" --timeout 5s \
    --latency -s "$LOAD/post.lua" "http://127.0.0.1:${PORT_OF[$1]}/ordercalculate" | awk -F'\t' '$1 == "RESULT"'
}

for role in "${ROLES[@]}"; do drive "$role" "$WARMUP" "$role-warmup" >/dev/null; done
printf 'load average at start: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'round\trole\treq/s\tp99 us\tnon-2xx\tCPU us/req\tcs/req\n'
RESULTS=$OUT/rounds-$LINES.tsv; : >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for role in "${ROLES[@]}"; do
    perf stat -x, -e task-clock,context-switches -p "${PID_OF[$role]}" -o "$OUT/perf.txt" -- sleep "$SECONDS_PER" &
    perf_pid=$!
    line=$(drive "$role" "$SECONDS_PER" "$role")
    wait "$perf_pid"
    ms=$(awk -F, '$3 ~ /task-clock/ {print $1}' "$OUT/perf.txt")
    cs=$(awk -F, '$3 ~ /context-switches/ {print $1}' "$OUT/perf.txt")
    echo "$line" | awk -F'\t' -v r="$round" -v role="$role" -v ms="$ms" -v cs="$cs" '{
      printf "%s\t%s\t%.0f\t%d\t%d\t%.0f\t%.2f\n", r, role, $3, $5, $8, ms * 1000 / $6, cs / $6 }' | tee -a "$RESULTS"
  done
done
printf 'load average at end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians:"
for role in "${ROLES[@]}"; do
  awk -F'\t' -v role="$role" '$2 == role { rps[++n] = $3; cpu[n] = $6; cs[n] = $7 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return a[int((n + 1) / 2)] }
    END { printf "%s\treq/s %.0f\tCPU %.0f us/req\t%.2f cs/req\n", role, med(rps, n), med(cpu, n), med(cs, n) }' "$RESULTS"
done
