#!/usr/bin/env bash
# Every 5 s, for each LoadServers engine JVM whose command line names OUTDIR (e.g. checkout-ab.sh's OUT, started
# next to it), prints epoch seconds, the engine's folder, its CPU ticks and its JIT compiler threads' CPU ticks
# (utime + stime, 1/100 s; a compiler thread that exited takes its ticks with it), and the load average. Ends after
# SECONDS. Usage: benchmarks/load/jitwatch.sh OUTDIR SECONDS >jit.tsv   (then jitrounds.py)
out=$1; limit=$2; end=$(( $(date +%s) + limit ))
while [ "$(date +%s)" -lt "$end" ]; do
  for pid in $(pgrep -f "LoadServers engine $out" || true); do
    dir=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -o "LoadServers engine [^ ]*" | awk '{print $3}')
    tot=$(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null || echo -)
    jit=0
    for t in /proc/$pid/task/*; do
      case "$(cat $t/comm 2>/dev/null)" in "C1 CompilerThre"*|"C2 CompilerThre"*) jit=$((jit + $(awk '{print $14+$15}' $t/stat 2>/dev/null || echo 0)));; esac
    done
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date +%s)" "$dir" "$tot" "$jit" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  sleep 5
done
