#!/usr/bin/env bash
# Runs every measurement of docs/PERFORMANCE.md on this machine and writes docs/perf-results.md.
# Run it when the machine is otherwise idle: about 20 minutes on 2 cores (JMH ~8, load ~3, heap ~1, store ~8).
#
# Usage: benchmarks/run-all.sh
#   JMH_ARGS   extra JMH options (default: none, the benchmarks' own warm-up/measurement settings)
#   SKIP_BUILD=1  use the existing jar (JAR, default benchmarks/target/benchmarks.jar); PERF_OUT: raw output folder
#   BEFORE_JAR    a benchmarks.jar built from an earlier commit: its JMH run (BEFORE_BENCHMARKS: a regex, default
#                 all) goes next to this one in the report's "JMH before / after" table; BEFORE_LABEL names it
#   STORES        engine stores of the checkout run (default: memory h2 postgres)
#   RESULTS, HEAP_ORDERS, and run.sh's DURATION/WARMUP/CONNECTIONS: only for smoke runs; keep the defaults for figures
# Raw outputs stay in benchmarks/target/perf/ (jmh.json, jmh.txt, load/, memory.tsv, machine.txt).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${PERF_OUT:-$ROOT/benchmarks/target/perf}
RESULTS=${RESULTS:-$ROOT/docs/perf-results.md}
cd "$ROOT"

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -ntp -pl benchmarks -am package -DskipTests
fi
rm -rf "$OUT"
mkdir -p "$OUT"

machine() {
  echo "date:        $(date -u +%FT%TZ)"
  echo "commit:      $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
  echo "cpu:         $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "nproc:       $(nproc)"
  echo "kernel:      $(uname -sr)"
  echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at start)"
  echo "wrk:         $(command -v wrk >/dev/null && { wrk -v 2>&1 || true; } | head -1 || echo 'not installed yet (run.sh installs it)')"
  echo "java -version:"
  java -version 2>&1 | sed 's/^/  /'
  echo "free -h:"
  free -h | sed 's/^/  /'
}
machine >"$OUT/machine.txt"
cat "$OUT/machine.txt"

echo "== JMH" >&2
# shellcheck disable=SC2086
timeout 1500 java -jar "$JAR" -foe true -rf json -rff "$OUT/jmh.json" ${JMH_ARGS:-} | tee "$OUT/jmh.txt"

if [ -n "${BEFORE_JAR:-}" ]; then
  # The same benchmarks built from an earlier commit, same settings, for the report's before/after table.
  echo "== JMH before ($BEFORE_JAR)" >&2
  echo "${BEFORE_LABEL:-$BEFORE_JAR}, JMH ${JMH_ARGS:-(default settings)}" >"$OUT/jmh-before.txt"
  # shellcheck disable=SC2086
  timeout 1500 java -jar "$BEFORE_JAR" ${BEFORE_BENCHMARKS:-} -foe true -rf json -rff "$OUT/jmh-before.json" ${JMH_ARGS:-} \
    | tee "$OUT/jmh-before.log"
fi

echo "== load" >&2
OUT=$OUT/load JAR=$JAR STORES=${STORES:-memory h2 postgres} timeout 1500 "$ROOT/benchmarks/load/run.sh"

echo "== engine heap" >&2
timeout 600 java -Xmx2g -cp "$JAR" io.orderhooks.benchmarks.EngineHeap "${HEAP_ORDERS:-10000}" 10 | tee "$OUT/memory.tsv"

echo "== durable store: order lists (100k, 1M orders) and start time" >&2
# ORDERLIST_ARGS: OrderListHarness's arguments (order counts, samples, orders for the start time)
# shellcheck disable=SC2086
timeout 3000 java -Xmx2g -cp "$JAR" io.orderhooks.benchmarks.OrderListHarness ${ORDERLIST_ARGS:-100000,1000000 300 100000} \
  | tee "$OUT/orderlist.tsv"

echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at end)" >>"$OUT/machine.txt"
java -cp "$JAR" io.orderhooks.benchmarks.PerfReport "$OUT" "$RESULTS"
echo "wrote $RESULTS"
