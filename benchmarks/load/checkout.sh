# The checkout run of benchmarks/load/run.sh (sourced, not run): whole REST checkouts of CHECKOUT_LINES lines by
# USERS virtual users (CheckoutLoad) against the engine's REST API, the engine delivering every checkout event over
# signed HTTP to the example merchant.
#
# Each row runs on its own fresh processes: a merchant, the engine(s), for the postgres store a new embedded
# PostgreSQL (new data folder), all stopped, and PostgreSQL's postmaster waited for, before the next row starts.
# Rows are ordered per store, then per engine count, then per round; with BEFORE_JAR each round runs the before and
# the current jar back to back, alternating which goes first (round 1 before/after, round 2 after/before, ...).
# Per row: an unmeasured warm-up (CHECKOUT_WARMUP s at least, then until the JIT compilers of the engine and the
# merchant have gone quiet and the checkout rate has stopped rising, at most CHECKOUT_WARMUP_MAX s: settle_watch),
# CHECKOUT_DURATION s measured; the "checkout" line of
# load.tsv is the median over
# CHECKOUT_ROUNDS rounds ("checkout-round" lines keep every round). A failed checkout (warm-up or measured) or a
# row whose processes do not start is recorded and the run goes on.
#
# Rows: checkout-LINES (memory), checkout-LINES-STORE, ...-2engines, ...-before. DRIVER_JAR (default the current
# jar) drives every row, the before rows too.

CHECKOUT_ROUNDS=${CHECKOUT_ROUNDS:-$ROUNDS}
# 30 s (DURATION, the receivers' wrk runs, is 10): a PostgreSQL row's rate swung by +-15 % between 15-s windows
# (docs/PERFORMANCE.md, "Session 19"); the memory row's window must still end before its heap fills (~4 min at -Xmx2g)
CHECKOUT_DURATION=${CHECKOUT_DURATION:-30}
# Orders a durable store (h2, postgres) holds before the row's engine serves: copies of one real 20-line checkout
# (BenchEngine.seedHistory), then on PostgreSQL VACUUM ANALYZE. A production database is not empty; on an empty
# PostgreSQL autovacuum vacuums and analyses the growing tables over and over in the first minutes and the rate rose
# for 4 minutes (docs/PERFORMANCE.md, "Session 18"). 0: an empty store, as until session 19.
CHECKOUT_HISTORY=${CHECKOUT_HISTORY:-100000}
# 60 s (not WARMUP's 30): the engine's CPU per checkout on fresh processes was still falling past 1,000 checkouts
# (docs/PERFORMANCE.md, "Warm-up"); a user's engine runs for hours, so the rows measure it warmed
CHECKOUT_WARMUP=${CHECKOUT_WARMUP:-60}
# Then the warm-up goes on until, over the last 10 s, the JIT compiler threads of the engine and of the merchant each
# used less than JIT_SETTLED_PCT % of their JVM's CPU (a durable store's engine compiles for 2-3 minutes:
# docs/PERFORMANCE.md, "Warm-up until the JIT settles") and, since session 18, the driver's checkout rate has stopped
# rising (the last 60 s at most 3 % above the 60 s before: CheckoutLoad.RateWatch; a fresh PostgreSQL's rate rose for
# minutes after the JIT went quiet), at most CHECKOUT_WARMUP_MAX s in all. CHECKOUT_WARMUP_MAX=$CHECKOUT_WARMUP: a fixed
# warm-up, as until session 9.
CHECKOUT_WARMUP_MAX=${CHECKOUT_WARMUP_MAX:-480}
JIT_SETTLED_PCT=${JIT_SETTLED_PCT:-3}
# the stores whose rows get a before row with BEFORE_JAR (default all of STORES; "memory" is enough for the
# before-#22 target, and halves a run's time)
BEFORE_STORES=${BEFORE_STORES-$STORES}

checkout_run() {
  local store engines round variant variants
  rm -f "$OUT"/checkout-*.rss
  for store in $STORES; do
    case $store in memory|h2|postgres) ;; *) echo "unknown store $store: memory, h2 or postgres" >&2; exit 1 ;; esac
    for engines in $ENGINES; do
      if [ "$engines" != 1 ] && [ "$store" != postgres ]; then
        echo "ENGINES=$engines needs the postgres store (a $store store is one process's): skipped" >&2
        continue
      fi
      for round in $(seq 1 "$CHECKOUT_ROUNDS"); do
        variants=after
        if [ -n "$BEFORE_JAR" ] && [[ " $BEFORE_STORES " == *" $store "* ]]; then
          if [ $((round % 2)) = 1 ]; then variants="before after"; else variants="after before"; fi
        fi
        for variant in $variants; do
          checkout_row "$store" "$engines" "$round" "$variant"
        done
      done
    done
  done
  checkout_medians >>"$RESULTS"
}

# checkout_row STORE ENGINES ROUND VARIANT: one measured checkout run (VARIANT before = $BEFORE_JAR's engine and
# merchant; after = $CURRENT_JAR's), every process of it stopped at the end.
checkout_row() {
  local store=$1 engines=$2 round=$3 variant=$4 name jar=$CURRENT_JAR
  [ "$variant" = before ] && jar=$BEFORE_JAR
  name="checkout-$CHECKOUT_LINES"
  [ "$store" = memory ] || name="$name-$store"
  [ "$engines" = 1 ] || name="$name-${engines}engines"
  [ "$variant" = before ] && name="$name-before"
  printf 'loadavg\t%s round %s start\t%s\n' "$name" "$round" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
  echo "== $name round $round" >&2
  ROW_PIDS=()
  if checkout_processes "$store" "$engines" "$jar" "$name" "$round"; then
    checkout_measure "$name" "$round"
  fi
  local pid
  for pid in "${ROW_PIDS[@]}"; do stop_server "$pid"; done
  stop_postgres
}

# checkout_processes STORE ENGINES JAR NAME ROUND: starts the row's PostgreSQL (postgres store), merchant and
# engines; sets ENGINE_URLS, ENGINE_PID, MERCHANT_PID, ROW_DIR. Returns 1 (recorded as a failed row) when one does
# not start. Each row and round gets its own folder $OUT/rows/NAME-roundROUND: the merchant's outbox (a row never
# starts with the files of earlier rows), the servers' logs and their GC logs (ROLE-gc.log).
checkout_processes() {
  local store=$1 engines=$2 jar=$3 name=$4 round=$5 property=$1 i history=$CHECKOUT_HISTORY
  [ "$store" = memory ] && history=0   # the memory store is the engine's heap: no history
  if [ "$store" = postgres ]; then
    start_postgres || { checkout_failed "$name" "$round" "PostgreSQL did not start"; return 1; }
    property=$POSTGRES_URL
  fi
  ROW_DIR=$OUT/rows/$name-round$round
  rm -rf "$ROW_DIR"
  mkdir -p "$ROW_DIR"
  OUT=$ROW_DIR JAR=$jar SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -Xlog:gc:file=$ROW_DIR/merchant-gc.log" start_server merchant \
    || { checkout_failed "$name" "$round" "merchant did not start (see $ROW_DIR/merchant.log)"; return 1; }
  MERCHANT_PID=$SERVER_PID
  ROW_PIDS+=("$SERVER_PID")
  local merchant_url="http://127.0.0.1:$SERVER_PORT/integration"
  ENGINE_URLS=""
  for i in $(seq 1 "$engines"); do
    local role=engine
    [ "$i" = 1 ] || role="engine$i"
    OUT=$ROW_DIR JAR=$jar SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -Xlog:gc:file=$ROW_DIR/$role-gc.log -Dorderhooks.bench.store=$property -Dorderhooks.bench.history=$history" \
      start_server "$role" "$merchant_url" || { checkout_failed "$name" "$round" "$role did not start (see $ROW_DIR/$role.log)"; return 1; }
    ROW_PIDS+=("$SERVER_PID")
    [ "$i" = 1 ] && ENGINE_PID=$SERVER_PID
    ENGINE_URLS="${ENGINE_URLS:+$ENGINE_URLS,}http://127.0.0.1:$SERVER_PORT"
  done
}

# checkout_measure NAME ROUND: runs CheckoutLoad (of DRIVER_JAR, the same for every row) against ENGINE_URLS, sampling
# the merchant's and first engine's RSS each second; appends a "checkout-round" line (CheckoutLoad's fields, name and
# round in front) and a "cpu" line: the CPU time (utime + stime, all threads: requests, JIT, GC) of the first engine,
# the merchant and the driver over the measured part, in ms per measured checkout, the engine's and merchant's GC
# pause time over the whole row (ms), and the part of the engine's and merchant's CPU their JIT compiler threads
# used — the load-insensitive figures of a row (as long as the JIT part is small).
checkout_measure() {
  local name=$1 round=$2 line log="$OUT/$name-round$round.driver.log" result="$ROW_DIR/driver.out"
  local settled="$ROW_DIR/jit-settled" longest=$((CHECKOUT_WARMUP_MAX > CHECKOUT_WARMUP ? CHECKOUT_WARMUP_MAX : CHECKOUT_WARMUP))
  rm -f "$settled"
  ( for _ in $(seq 1 $((longest + CHECKOUT_DURATION + 5))); do
      rss_kb "$MERCHANT_PID" >>"$OUT/$name-merchant.rss" 2>/dev/null || true
      rss_kb "$ENGINE_PID" >>"$OUT/$name-engine.rss" 2>/dev/null || true
      sleep 1
    done ) &
  local sampler=$! watcher=
  local until_settled=()
  if [ "$longest" -gt "$CHECKOUT_WARMUP" ]; then
    until_settled=("$settled" "$longest")
    settle_watch "$settled" "$longest" "$ROW_DIR/jit-settle.tsv" &
    watcher=$!
  fi
  # shellcheck disable=SC2086
  timeout $((longest + CHECKOUT_DURATION + 180)) java $SERVER_JAVA_OPTS -cp "$DRIVER_JAR" io.orderhooks.benchmarks.CheckoutLoad \
    "$ENGINE_URLS" "$USERS" "$CHECKOUT_WARMUP" "$CHECKOUT_DURATION" "$CHECKOUT_LINES" "${until_settled[@]}" >"$result" 2>"$log" &
  local driver=$! ticks0 ticks1
  ticks0=$(checkout_ticks "$driver" measuring "$result" "$longest")
  [ -z "$watcher" ] || { kill "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true; }
  ticks1=$(checkout_ticks "$driver" checkout "$result" "$longest")
  wait "$driver" || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  # the warm-up's length and what ended it (settled: the JIT went quiet and the rate stopped rising; limit:
  # CHECKOUT_WARMUP_MAX; fixed)
  awk -F'\t' -v OFS='\t' -v name="$name" -v round="$round" '$1 == "warmup" { print "warmup-round", name, round, $2, $3 }' \
    "$result" >>"$RESULTS"
  line=$(awk -F'\t' '$1 == "checkout"' "$result")
  printf 'loadavg\t%s round %s end\t%s\n' "$name" "$round" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
  if [ -z "$line" ]; then
    checkout_failed "$name" "$round" "CheckoutLoad gave no result (see $log)"
    return
  fi
  # an older jar's CheckoutLoad (DRIVER_JAR) prints no warm-up failure count (field 13): recorded as unknown (-)
  echo "$line" | awk -F'\t' -v OFS='\t' -v name="$name" -v round="$round" \
    '{ $1 = "checkout-round"; $2 = name "\t" round; if (NF < 13) $13 = "-"; print }' >>"$RESULTS"
  checkout_cpu "$name" "$round" "$ticks0" "$ticks1" "$(echo "$line" | cut -f10)" "$(echo "$line" | cut -f14)" >>"$RESULTS"
  # per request kind (create, line, estimateshipping, shipmethods, calculate, submit): p50, p99, max µs and count
  awk -F'\t' -v OFS='\t' -v name="$name" -v round="$round" '$1 == "step" { $1 = "step-round\t" name "\t" round; print }' \
    "$result" >>"$RESULTS"
  local failed warm
  failed=$(echo "$line" | cut -f12)
  warm=$(echo "$line" | cut -f13)
  [ "$failed" = 0 ] || echo "$name round $round: $failed measured checkouts failed (kept in the row); see $log" >&2
  [ "${warm:-0}" = 0 ] || echo "$name round $round: $warm checkouts failed during the warm-up (recorded); see $log" >&2
}

# checkout_ticks DRIVER WORD FILE LONGEST_WARMUP: waits (bounded) until the driver prints a line starting with WORD to FILE ("measuring"
# when its warm-up ends, "checkout" when its measured part ends), then prints the CPU ticks of the engine, the
# merchant and the driver ("- - -" when the driver ended first).
checkout_ticks() {
  local driver=$1 word=$2 file=$3 longest=$4
  for _ in $(seq 1 $(((longest + CHECKOUT_DURATION + 180) * 20))); do
    grep -q "^$word" "$file" 2>/dev/null && break
    kill -0 "$driver" 2>/dev/null || break
    sleep 0.05
  done
  local java
  java=$(ps -o pid= --ppid "$driver" 2>/dev/null | head -1 | tr -d ' ')   # the JVM under `timeout`
  echo "$(cpu_ticks "$ENGINE_PID" 2>/dev/null || echo -) $(cpu_ticks "$MERCHANT_PID" 2>/dev/null || echo -)" \
    "$( [ -n "$java" ] && cpu_ticks "$java" 2>/dev/null || echo -)" "$(jit_ticks "$ENGINE_PID")" "$(jit_ticks "$MERCHANT_PID")" \
    "$(postgres_ticks "${POSTGRES_PID:-}" -)"
}

# settle_watch FILE LONGEST LOG: every 5 s from the start of the warm-up, the CPU ticks of the engine's and the merchant's
# JVM and of their JIT compiler threads (one line per sample in LOG); creates FILE at the first sample where, over the
# last 10 s, each JVM's compiler threads used less than JIT_SETTLED_PCT % of its CPU (and the JVM used some). The driver
# ends its warm-up at the first look after CHECKOUT_WARMUP s that finds FILE. Bounded by LONGEST s.
settle_watch() {
  local file=$1 longest=$2 log=$3 i e m ej mj start=$SECONDS
  local -a E M EJ MJ
  set +e   # a background job: a failed read of /proc is a sample lost, not the end of the watch
  printf 'second\tengine_ticks\tengine_jit_ticks\tmerchant_ticks\tmerchant_jit_ticks\n' >"$log"
  for i in $(seq 0 $((longest / 5 + 1))); do
    [ -d "/proc/$ENGINE_PID" ] && [ -d "/proc/$MERCHANT_PID" ] || { echo "# a server ended" >>"$log"; return 0; }
    e=$(cpu_ticks "$ENGINE_PID" 2>/dev/null)
    m=$(cpu_ticks "$MERCHANT_PID" 2>/dev/null)
    ej=$(jit_ticks "$ENGINE_PID")
    mj=$(jit_ticks "$MERCHANT_PID")
    E[i]=${e:-0} M[i]=${m:-0} EJ[i]=${ej//-/0} MJ[i]=${mj//-/0}
    printf '%s\t%s\t%s\t%s\t%s\n' $((SECONDS - start)) "$e" "$ej" "$m" "$mj" >>"$log"
    if [ $((i * 5)) -ge "$CHECKOUT_WARMUP" ] && [ "$i" -ge 2 ] && quiet $((E[i] - E[i - 2])) $((EJ[i] - EJ[i - 2])) \
        && quiet $((M[i] - M[i - 2])) $((MJ[i] - MJ[i - 2])); then
      : >"$file"
      echo "# settled" >>"$log"
      return 0
    fi
    sleep 5
  done
}

# quiet ALL JIT: true when JIT ticks are under JIT_SETTLED_PCT % of ALL ticks (> 0).
quiet() {
  [ "$1" -gt 0 ] && [ $(($2 * 100)) -lt $(($1 * JIT_SETTLED_PCT)) ]
}

# jit_ticks PID: CPU ticks of the JIT compiler threads (C1, C2) of a JVM; "-" when it is gone.
jit_ticks() {
  [ -d "/proc/$1/task" ] || { echo -; return; }
  local stats
  stats=$(grep -H -e '^C1 CompilerThre' -e '^C2 CompilerThre' /proc/"$1"/task/*/comm 2>/dev/null | sed 's|/comm:.*|/stat|')
  [ -n "$stats" ] || { echo 0; return; }
  # utime + stime: fields 14 and 15, counted after the ")" that ends the thread's name (which has a space); a few
  # processes per call, not a few per thread (the watch samples it every 5 s on a loaded machine)
  # shellcheck disable=SC2086
  cat $stats 2>/dev/null | sed 's/.*) //' | awk '{ s += $12 + $13 } END { print s + 0 }'
}

# checkout_cpu NAME ROUND TICKS0 TICKS1 CHECKOUTS DRIVER_MS: the row's "cpu" line (see checkout_measure): CPU ms per checkout
# of the engine, merchant and driver, GC pause ms of the engine and merchant, then the JIT compiler threads' share
# of the engine's and the merchant's CPU ms per checkout (a JIT share well above zero: the warm-up was too short),
# then the PostgreSQL server's CPU ms per checkout (postgres rows; "-" otherwise).
checkout_cpu() {
  local gc_engine gc_merchant
  gc_engine=$(gc_pause_ms "$ROW_DIR/engine-gc.log")
  gc_merchant=$(gc_pause_ms "$ROW_DIR/merchant-gc.log")
  echo "$3 $4" | awk -v OFS='\t' -v name="$1" -v round="$2" -v c="$5" -v hz="$(getconf CLK_TCK)" -v ge="$gc_engine" \
    -v gm="$gc_merchant" -v dm="${6:-}" '{
      out = "cpu" OFS name OFS round OFS per(1) OFS per(2)
      # the driver measures its own CPU over its measured part (it may have exited before the last /proc sample)
      out = out OFS ((dm != "" && c > 0) ? sprintf("%.2f", dm / c) : per(3))
      print out, ge, gm, per(4), per(5), per(6)
    }
    function per(i) {
      return ($i == "-" || $(i + 6) == "-" || c <= 0) ? "-" : sprintf("%.2f", ($(i + 6) - $i) * 1000 / hz / c)
    }'
}

# gc_pause_ms FILE: the total of the pauses (ms) in a -Xlog:gc file; "-" without one.
gc_pause_ms() {
  [ -f "$1" ] || { echo -; return; }
  awk '/Pause/ && $NF ~ /ms$/ { s += $NF + 0 } END { printf "%.1f", s }' "$1"
}

# checkout_failed NAME ROUND REASON: a row that gave no figure, recorded (and reported) instead of ending the run.
checkout_failed() {
  printf 'fail\t%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS"
  echo "$1 round $2: $3 (recorded; the run goes on)" >&2
}

# checkout_medians: one "checkout" line per row (CheckoutLoad's columns: medians of checkouts/s and latencies;
# sums of checkouts, requests, failed measured and warm-up checkouts; then the number of rounds), one "checkout-cpu"
# line per row (medians of the "cpu" lines: engine, merchant, driver CPU ms per checkout, engine and merchant GC
# pause ms per row, engine and merchant JIT CPU ms per checkout, PostgreSQL CPU ms per checkout), one "checkout-step" line per row and request kind
# (medians over the rounds of the kind's p50, p99 and max µs, its requests summed: which kind of request makes the
# row's request p99), and its RSS maxima.
checkout_medians() {
  awk -F'\t' -v OFS='\t' "$AWK_MEDIAN"'
    $1 == "cpu" {
      if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
      for (f = 4; f <= 11; f++) if ($f != "" && $f != "-") col[$2, f] = col[$2, f] " " $f
    }
    END {
      for (i = 1; i <= n; i++) {
        out = "checkout-cpu" OFS order[i]
        for (f = 4; f <= 11; f++) out = out OFS ((order[i], f) in col ? median(col[order[i], f]) : "-")
        print out
      }
    }' "$RESULTS"
  awk -F'\t' -v OFS='\t' "$AWK_MEDIAN"'
    $1 == "checkout-round" {
      k = $2
      if (!(k in rounds)) { order[++n] = k; users[k] = $4; lines[k] = $5 }
      rounds[k]++
      for (f = 6; f <= 10; f++) col[k, f] = col[k, f] " " $f
      for (f = 11; f <= 14; f++) sum[k, f] += $f
      if ($14 == "-") unknown[k] = 1
    }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]
        printf "checkout\t%s\t%s\t%s\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%d\n", k, users[k], lines[k], median(col[k, 6]),
          median(col[k, 7]), median(col[k, 8]), median(col[k, 9]), median(col[k, 10]), sum[k, 11], sum[k, 12], sum[k, 13],
          (k in unknown) ? "-" : sum[k, 14], rounds[k]
      }
    }' "$RESULTS"
  awk -F'\t' -v OFS='\t' "$AWK_MEDIAN"'
    $1 == "warmup-round" {
      if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
      col[$2] = col[$2] " " $4; rounds[$2]++; if ($5 == "settled") settled[$2]++
    }
    END { for (i = 1; i <= n; i++) print "checkout-warmup", order[i], median(col[order[i]]), settled[order[i]] + 0, rounds[order[i]] }
  ' "$RESULTS"
  awk -F'\t' -v OFS='\t' "$AWK_MEDIAN"'
    $1 == "step-round" {
      k = $2 OFS $4
      if (!(k in seen)) { seen[k] = 1; order[++n] = k }
      for (f = 5; f <= 7; f++) col[k, f] = col[k, f] " " $f
      count[k] += $8
    }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]
        print "checkout-step", k, median(col[k, 5]), median(col[k, 6]), median(col[k, 7]), count[k]
      }
    }' "$RESULTS"
  local file name
  for file in "$OUT"/checkout-*-engine.rss; do
    [ -e "$file" ] || continue
    name=$(basename "$file" -engine.rss)
    printf 'rss\tmerchant (%s)\tload-max\t%s\n' "$name" "$(sort -n "$OUT/$name-merchant.rss" | tail -1)"
    printf 'rss\tengine (%s)\tload-max\t%s\n' "$name" "$(sort -n "$file" | tail -1)"
  done
}
