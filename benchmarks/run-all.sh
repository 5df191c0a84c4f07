#!/usr/bin/env bash
# Runs the measurements of docs/PERFORMANCE.md on this machine and writes docs/perf-results.md from them.
# Run it when the machine is otherwise idle. Parts (PARTS, default all of them, in this order):
#   jmh        the JMH suite, class by class; with BEFORE_JAR each class runs right after with that jar (same
#              settings), for the "JMH before / after" table                        (~8 min; ~16 with BEFORE_JAR)
#   receivers  load/run.sh's wrk rows: fixed, floor, calculate, [before,] node at 20 and 200 lines
#                                                                                     (~10 min with BEFORE_JAR)
#   checkout   load/run.sh's REST checkout rows, per store in STORES, before/after interleaved per round
#                                                                (~1 min per row and round: 3 stores x 2 x 3 = ~18 min)
#   heap       EngineHeap: engine heap per 10,000 orders                                              (~1 min)
#   lists      OrderListHarness: order lists at 100k and 1M orders on PostgreSQL, engine start times   (~10 min)
#   load       = receivers checkout
# A part's raw output is replaced only when the part runs, so a report can be put together from parts run at
# different times (e.g. PARTS="jmh" now, PARTS="load" later): the report's "Parts" table says when each part ran,
# how long it took and the machine's load average at its start and end. The report is always rewritten.
#
# Usage: benchmarks/run-all.sh
#        PARTS="receivers checkout" BEFORE_JAR=/work/perf5/main-22acc02.jar benchmarks/run-all.sh
#   JMH_ARGS      extra JMH options (default: none, the benchmarks' own warm-up/measurement settings)
#   JMH_CLASSES   the benchmark classes (regexes) of the jmh part (default: every class of the jar)
#   SKIP_BUILD=1  use the existing jar (JAR, default benchmarks/target/benchmarks.jar); PERF_OUT: raw output folder
#   BEFORE_JAR    a benchmarks.jar built from an earlier commit, measured side by side (JMH and load);
#                 BEFORE_LABEL names it in the report
#   STORES        engine stores of the checkout part (default: memory h2 postgres)
#   RESULTS, HEAP_ORDERS, ORDERLIST_ARGS and run.sh's DURATION/WARMUP/ROUNDS/CHECKOUT_ROUNDS/LINE_SETS: for smoke
#                 runs or a short window; keep the defaults for figures
# Raw outputs stay in benchmarks/target/perf/ (machine.txt, parts.tsv, jmh/, load/, checkout/, memory.tsv,
# orderlist.tsv).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${PERF_OUT:-$ROOT/benchmarks/target/perf}
RESULTS=${RESULTS:-$ROOT/docs/perf-results.md}
PARTS=${PARTS:-jmh receivers checkout heap lists}
PARTS=${PARTS//load/receivers checkout}
BEFORE_JAR=${BEFORE_JAR:-}
cd "$ROOT"

for part in $PARTS; do
  case $part in jmh|receivers|checkout|heap|lists) ;; *) echo "unknown part $part: jmh receivers checkout heap lists load" >&2; exit 2 ;; esac
done
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -ntp -pl benchmarks -am package -DskipTests
fi
[ -z "$BEFORE_JAR" ] || [ -f "$BEFORE_JAR" ] || { echo "BEFORE_JAR $BEFORE_JAR does not exist" >&2; exit 2; }
mkdir -p "$OUT"

machine() {
  echo "date:        $(date -u +%FT%TZ)"
  echo "commit:      $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
  echo "parts:       $PARTS"
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

# timed PART COMMAND...: runs one part, replacing its line in parts.tsv (part, start, end, seconds, load average at
# start and end, commit, before jar). A failing part is recorded as such and the other parts still run.
timed() {
  local part=$1 start end status=ok load_start
  shift
  echo "== $part" >&2
  start=$(date +%s)
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  "$@" || status="failed ($?)"
  end=$(date +%s)
  touch "$OUT/parts.tsv"
  grep -v "^$part	" "$OUT/parts.tsv" >"$OUT/parts.tsv.new" || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$part" "$(date -u -d "@$start" +%FT%TZ)" "$(date -u -d "@$end" +%FT%TZ)" \
    "$((end - start))" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "${BEFORE_LABEL:-${BEFORE_JAR:--}}" "$status" >>"$OUT/parts.tsv.new"
  mv "$OUT/parts.tsv.new" "$OUT/parts.tsv"
}

# jmh_settings RESULT.json: the forks, warm-up and measurement settings the after run used, as JMH options, so the
# before jar runs with the same settings even where the class's annotations changed between the two commits.
jmh_settings() {
  [ -s "$1" ] || return 0
  jq -r '.[0] | "-f \(.forks) -wi \(.warmupIterations) -w \(.warmupTime | gsub(" "; ""))"
    + " -i \(.measurementIterations) -r \(.measurementTime | gsub(" "; ""))"' "$1"
}

# jmh_part: each benchmark class with this jar, then (BEFORE_JAR) with the before jar, so before and after of one
# class run minutes apart rather than a whole suite apart.
jmh_part() {
  rm -rf "$OUT/jmh" "$OUT/jmh.json" "$OUT/jmh.txt" "$OUT/jmh-before.json" "$OUT/jmh-before.txt" "$OUT/jmh-before.log"
  mkdir -p "$OUT/jmh"
  local classes class
  classes=${JMH_CLASSES:-$(java -jar "$JAR" -l | awk -F. '/^io\.orderhooks/ {print $(NF - 1)}' | sort -u)}
  [ -z "$BEFORE_JAR" ] || echo "${BEFORE_LABEL:-$BEFORE_JAR}, JMH ${JMH_ARGS:-(default settings)}" >"$OUT/jmh-before.txt"
  for class in $classes; do
    # shellcheck disable=SC2086
    timeout 1500 java -jar "$JAR" "$class" -foe true -rf json -rff "$OUT/jmh/after-$class.json" ${JMH_ARGS:-} \
      | tee -a "$OUT/jmh.txt" || echo "JMH $class failed (recorded; next class)" >&2
    if [ -n "$BEFORE_JAR" ] && java -jar "$BEFORE_JAR" -l | grep -q "\.$class\."; then
      # shellcheck disable=SC2086
      timeout 1500 java -jar "$BEFORE_JAR" "$class" -foe true -rf json -rff "$OUT/jmh/before-$class.json" \
        $(jmh_settings "$OUT/jmh/after-$class.json") ${JMH_ARGS:-} \
        | tee -a "$OUT/jmh-before.log" || echo "JMH $class (before) failed (recorded; next class)" >&2
    fi
  done
}

# load_part receivers|checkout: benchmarks/load/run.sh with only that half, raw output in $OUT/load or $OUT/checkout.
load_part() {
  local dir=$OUT/load
  [ "$1" = checkout ] && dir=$OUT/checkout
  rm -rf "$dir"
  if [ "$1" = receivers ]; then
    OUT=$dir JAR=$JAR SKIP_CHECKOUT=1 timeout 3600 "$ROOT/benchmarks/load/run.sh"
  else
    OUT=$dir JAR=$JAR SERVERS="" STORES=${STORES:-memory h2 postgres} timeout 3600 "$ROOT/benchmarks/load/run.sh"
  fi
}

heap_part() {
  timeout 600 java -Xmx2g -cp "$JAR" io.orderhooks.benchmarks.EngineHeap "${HEAP_ORDERS:-10000}" 10 | tee "$OUT/memory.tsv"
}

# lists_part: ORDERLIST_ARGS are OrderListHarness's arguments (order counts, samples, orders for the start time).
lists_part() {
  # shellcheck disable=SC2086
  timeout 3000 java -Xmx2g -cp "$JAR" io.orderhooks.benchmarks.OrderListHarness ${ORDERLIST_ARGS:-100000,1000000 300 100000} \
    | tee "$OUT/orderlist.tsv"
}

for part in $PARTS; do
  case $part in
    jmh) timed jmh jmh_part ;;
    receivers|checkout) timed "$part" load_part "$part" ;;
    heap) timed heap heap_part ;;
    lists) timed lists lists_part ;;
  esac
done

echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at end)" >>"$OUT/machine.txt"
java -cp "$JAR" io.orderhooks.benchmarks.PerfReport "$OUT" "$RESULTS"
echo "wrote $RESULTS"
