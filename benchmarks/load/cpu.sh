#!/usr/bin/env bash
# CPU, context switches, GC pauses and allocation per request, the load-insensitive measures of the receive path:
# starts the parse floor, this build's middleware and (with BEFORE_JAR) an older build's middleware, warms each up,
# then in interleaved rounds (floor calculate before, floor calculate before, ...) drives each alone with wrk for
# SECONDS_PER while `perf stat -p` counts the server JVM's task-clock and context switches and its GC log
# (-Xlog:gc) gives the pauses and the bytes allocated in the round; prints each round and the medians.
# Other load on the machine shifts req/s but hardly the CPU a request costs, so compare these columns side by side.
#
# Usage: BEFORE_JAR=/work/perf5/main-22acc02.jar benchmarks/load/cpu.sh [LINES]     (LINES: 20 or 200)
#        ROLES="floor calculate floor@b calculate@b" OPTS_b="-Xmx512m -XX:+UseParallelGC" benchmarks/load/cpu.sh
#          (JVM settings A vs B side by side: a role ROLE@SET runs with the JVM options of OPTS_SET instead of
#          RECEIVER_JAVA_OPTS; the same role may run under several sets)
#        ROLES="fixed fixed-before floor floor-before" BEFORE_JAR=... benchmarks/load/cpu.sh
#          (a role NAME-before is role NAME of BEFORE_JAR: the Jetty configuration of both builds side by side)
# Env: ROLES ("floor calculate before"; also fixed, and floor-future = the floor inside ctx.future), JAR (this
#      build's benchmarks.jar), RECEIVER_JAVA_OPTS (-Xmx512m -XX:+UseParallelGC, as run.sh), ROUNDS (3), WARMUP
#      (40 s per server), SECONDS_PER (10), CONNECTIONS (16), OUT. Needs perf and wrk; loopback only; bounded waits.
# Columns: req/s, p50 and p99 (wrk, µs), non-2xx, CPU µs and context switches per request (all threads of the JVM:
#      Jetty, GC, JIT), GC pauses in the round (count, summed ms, longest ms), KB allocated per request (the heap
#      growth between the round's collections, from the GC log: ± one young generation over the round) and wrk's own
#      CPU µs per request (the load generator's share of the same cores).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START_WAIT=${START_WAIT:-180}   # seconds a server may take to start
# shellcheck source=servers.sh
. "$ROOT/benchmarks/load/servers.sh"   # wait_file, cpu_ticks
LINES=${1:-20}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
BEFORE_JAR=${BEFORE_JAR:-}
RECEIVER_JAVA_OPTS=${RECEIVER_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}   # as run.sh's receiver rows
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-40}
SECONDS_PER=${SECONDS_PER:-10}
CONNECTIONS=${CONNECTIONS:-16}
OUT=${OUT:-$ROOT/benchmarks/target/cpu}
LOAD=$ROOT/benchmarks/load
mkdir -p "$OUT"

declare -A PID_OF PORT_OF
read -r -a ROLES <<<"${ROLES:-floor calculate${BEFORE_JAR:+ before}}"
cleanup() { for r in "${!PID_OF[@]}"; do kill "${PID_OF[$r]}" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

start() { # role: NAME[@SET]; NAME = calculate (this build's middleware), before (BEFORE_JAR's), or a LoadServers role
  local role=$1 dir=$OUT/${1/@/-} name=${1%@*} opts=$RECEIVER_JAVA_OPTS jar=$JAR srole
  if [[ $role == *@* ]]; then
    local var=OPTS_${role#*@}
    opts=${!var:?"$role needs $var (its JVM options)"}
  fi
  case $name in
    calculate) srole=middleware ;;
    before) srole=middleware jar=${BEFORE_JAR:?"before needs BEFORE_JAR"} ;;
    *-before) srole=${name%-before} jar=${BEFORE_JAR:?"$name needs BEFORE_JAR"} ;;
    *) srole=$name ;;
  esac
  mkdir -p "$dir"; rm -f "$dir/$srole.port" "$dir/gc.log"
  # shellcheck disable=SC2086
  java $opts -Xlog:gc:file="$dir/gc.log" -cp "$jar" io.orderhooks.benchmarks.LoadServers "$srole" "$dir" \
    >"$dir/server.log" 2>&1 &
  PID_OF[$role]=$!
  wait_file "$dir/$srole.port" "${PID_OF[$role]}" "$role" "$dir/server.log" || exit 1
  PORT_OF[$role]=$SERVER_PORT
  printf '%s\tjava %s\n' "$role" "$opts"
}

start calculate   # always: it writes the request bodies
for role in "${ROLES[@]}"; do
  [ "$role" = calculate ] || start "$role"
done
BODY=$OUT/calculate/calc-$LINES.json SIG=$OUT/calculate/calc-$LINES.sig

drive() { # role seconds name -> prints wrk's RESULT fields; wrk's own CPU goes to $OUT/wrk.txt (perf stat)
  LOAD_NAME=$3 LOAD_BODY=$BODY LOAD_SIG=$SIG timeout $(($2 + 30)) perf stat -x, -e task-clock -o "$OUT/wrk.txt" \
    wrk -t1 -c"$CONNECTIONS" -d"$2s" --timeout 5s --latency -s "$LOAD/post.lua" \
    "http://127.0.0.1:${PORT_OF[$1]}/ordercalculate" | awk -F'\t' '$1 == "RESULT"'
}

# gc_since LOG LINE: the pauses logged after line LINE: "count summed-ms longest-ms allocated-KB" (allocation = each
# collection's heap before minus the previous one's heap after, from the second collection on)
gc_since() {
  awk -v from="$2" 'NR > from && / Pause / && match($0, /[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\) [0-9.]+ms/) {
      split(substr($0, RSTART, RLENGTH), f, /->|\(|\) |ms/)
      before = kb(f[1]); after = kb(f[2]); ms = f[4] + 0
      n++; sum += ms; if (ms > max) max = ms
      if (n > 1) alloc += before - last
      last = after
    }
    function kb(v,   u) { u = substr(v, length(v)); v = substr(v, 1, length(v) - 1) + 0
      return u == "G" ? v * 1048576 : u == "M" ? v * 1024 : v }
    END { printf "%d %.1f %.1f %d\n", n, sum, max, alloc }' "$1"
}

for role in "${ROLES[@]}"; do drive "$role" "$WARMUP" "$role-warmup" >/dev/null; done
printf 'load average at start: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'round\trole\treq/s\tp50 us\tp99 us\tnon-2xx\tCPU us/req\tcs/req\tGC n\tGC ms\tGC max\tKB/req\twrk us/req\n'
RESULTS=$OUT/rounds-$LINES.tsv; : >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for role in "${ROLES[@]}"; do
    gclog=$OUT/${role/@/-}/gc.log
    mark=$(wc -l <"$gclog")
    perf stat -x, -e task-clock,context-switches -p "${PID_OF[$role]}" -o "$OUT/perf.txt" -- sleep "$SECONDS_PER" &
    perf_pid=$!
    line=$(drive "$role" "$SECONDS_PER" "$role")
    wait "$perf_pid"
    ms=$(awk -F, '$3 ~ /task-clock/ {print $1}' "$OUT/perf.txt")
    cs=$(awk -F, '$3 ~ /context-switches/ {print $1}' "$OUT/perf.txt")
    wrkms=$(awk -F, '$3 ~ /task-clock/ {print $1}' "$OUT/wrk.txt")
    read -r gcn gcms gcmax gckb <<<"$(gc_since "$gclog" "$mark")"
    echo "$line" | awk -F'\t' -v r="$round" -v role="$role" -v ms="$ms" -v cs="$cs" -v gcn="$gcn" -v gcms="$gcms" \
      -v gcmax="$gcmax" -v gckb="$gckb" -v wrkms="$wrkms" '{
      printf "%s\t%s\t%.0f\t%d\t%d\t%d\t%.0f\t%.2f\t%d\t%.1f\t%.1f\t%.0f\t%.0f\n", r, role, $3, $4, $5, $8,
        ms * 1000 / $6, cs / $6, gcn, gcms, gcmax, (gcn > 1 ? gckb / $6 * gcn / (gcn - 1) : 0), wrkms * 1000 / $6 }' \
      | tee -a "$RESULTS"
  done
done
printf 'load average at end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians:"
for role in "${ROLES[@]}"; do
  awk -F'\t' -v role="$role" '$2 == role { rps[++n] = $3; p99[n] = $5; cpu[n] = $7; cs[n] = $8; gc[n] = $10; kb[n] = $12; wrk[n] = $13 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return a[int((n + 1) / 2)] }
    END { printf "%s\treq/s %.0f\tp99 %.0f us\tCPU %.0f us/req\t%.2f cs/req\tGC %.1f ms/round\t%.0f KB/req\twrk %.0f us/req\n",
      role, med(rps, n), med(p99, n), med(cpu, n), med(cs, n), med(gc, n), med(kb, n), med(wrk, n) }' "$RESULTS"
done
