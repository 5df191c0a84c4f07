# Server start/stop helpers of benchmarks/load/run.sh (sourced, not run). Every wait is bounded.
# Uses: JAR, OUT, PEER, SERVER_JAVA_OPTS, START_WAIT, PIDS (array of pids the EXIT trap stops).

need_wrk() {
  command -v wrk >/dev/null 2>&1 && return
  echo "wrk is missing: installing Debian's package" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq wrk
}

need_jar() {
  [ -f "$JAR" ] && return
  echo "building $JAR" >&2
  (cd "$ROOT" && ./mvnw -B -ntp -pl benchmarks -am package -DskipTests)
}

# need_peer: the Node peer's packages, exactly as locked in package-lock.json.
need_peer() {
  [ -d "$PEER/node_modules/@ordercloud/catalyst" ] && [ -d "$PEER/node_modules/express" ] && return
  echo "installing the Node peer's packages (npm ci) into $PEER" >&2
  (cd "$PEER" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
}

# wait_file FILE PID WHAT: waits (at most START_WAIT s) until FILE is written; sets SERVER_PORT to its content.
# Returns 1 (after printing the log's tail) when the server died or did not get ready in time.
wait_file() {
  local file=$1 pid=$2 what=$3 log=${4:-}
  for _ in $(seq 1 $((START_WAIT * 2))); do
    if [ -s "$file" ]; then
      SERVER_PORT=$(cat "$file")
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      [ -n "$log" ] && tail -20 "$log" >&2
      echo "$what server died" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$what server not ready after $START_WAIT s" >&2
  return 1
}

# start_server ROLE [ARG]: starts one LoadServers JVM of $JAR and waits until it listens; sets SERVER_PID,
# SERVER_PORT. Returns 1 when it does not start (the caller decides whether the run can go on).
start_server() {
  local role=$1
  rm -f "$OUT/$role.port"
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$JAR" io.orderhooks.benchmarks.LoadServers "$role" "$OUT" "${@:2}" >"$OUT/$role.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_file "$OUT/$role.port" "$SERVER_PID" "$role" "$OUT/$role.log" || { stop_server "$SERVER_PID"; return 1; }
}

# start_before: the middleware of $BEFORE_JAR in $OUT/before (its own copies of the bodies); sets SERVER_PID, SERVER_PORT.
start_before() {
  [ -f "$BEFORE_JAR" ] || { echo "BEFORE_JAR $BEFORE_JAR does not exist" >&2; return 1; }
  mkdir -p "$OUT/before"
  rm -f "$OUT/before/middleware.port"
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$BEFORE_JAR" io.orderhooks.benchmarks.LoadServers middleware "$OUT/before" >"$OUT/before.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_file "$OUT/before/middleware.port" "$SERVER_PID" before "$OUT/before.log" || { stop_server "$SERVER_PID"; return 1; }
}

# start_node: the Node peer, with the middleware's hash key; sets SERVER_PID, SERVER_PORT.
start_node() {
  rm -f "$OUT/node.port"
  OC_WEBHOOK_HASH_KEY=$(cat "$OUT/hash.key") node "$PEER/server.js" "$OUT/node.port" >"$OUT/node.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_file "$OUT/node.port" "$SERVER_PID" node "$OUT/node.log" || { stop_server "$SERVER_PID"; return 1; }
}

# stop_server PID [SECONDS]: SIGTERM, then SIGKILL if it is still there after SECONDS (default 10); then forgets
# the pid, so the exit trap never signals a number another process may have been given since.
stop_server() {
  local pid=$1 seconds=${2:-10}
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
  local keep=() p
  for p in "${PIDS[@]:-}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  PIDS=("${keep[@]:-}")
}

# start_postgres: a fresh embedded PostgreSQL (its own new data folder) for one checkout row; sets POSTGRES_URL,
# POSTGRES_JVM and POSTGRES_PID (the postmaster, which pg_ctl runs outside the JVM's process tree).
start_postgres() {
  rm -f "$OUT/postgres.url" "$OUT/postgres.pid"
  JAR=$CURRENT_JAR start_server postgres || return 1
  POSTGRES_JVM=$SERVER_PID
  wait_file "$OUT/postgres.pid" "$POSTGRES_JVM" postgres "$OUT/postgres.log" || return 1
  POSTGRES_PID=$SERVER_PORT
  POSTGRES_URL=$(cat "$OUT/postgres.url")
}

# stop_postgres: stops the row's PostgreSQL and waits until its postmaster is gone (no checkpoint or autovacuum of
# one row may run during the next). The JVM's shutdown hook runs `pg_ctl stop -m fast -w`; if the postmaster is
# still there after 60 s it gets SIGINT (fast shutdown) and then SIGKILL.
stop_postgres() {
  [ -n "${POSTGRES_JVM:-}" ] || return 0
  stop_server "$POSTGRES_JVM" 60
  local signal
  for signal in INT KILL; do
    for _ in $(seq 1 60); do
      is_postmaster "$POSTGRES_PID" || break 2
      sleep 0.5
    done
    echo "PostgreSQL postmaster $POSTGRES_PID still running: SIG$signal" >&2
    kill -"$signal" "$POSTGRES_PID" 2>/dev/null || true
  done
  POSTGRES_JVM="" POSTGRES_PID="" POSTGRES_URL=""
}

# is_postmaster PID: whether PID is (still) a postgres process; a pid freed and given to another process is not.
is_postmaster() {
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q postgres
}

# AWK_MEDIAN: the awk function median(list) of a space-separated list of numbers (the medians over rounds).
# shellcheck disable=SC2034
AWK_MEDIAN='
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }'

rss_kb() {
  awk '/^VmRSS:/ {print $2}' "/proc/$1/status"
}

# cpu_ticks PID: utime + stime of a process in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# postgres_ticks POSTMASTER [NONE]: CPU ticks of a PostgreSQL server so far: the postmaster's own and those of its
# children that have ended (cutime, cstime: fields 16, 17) plus its live children's (backends, WAL writer,
# checkpointer, autovacuum); NONE (default 0) when POSTMASTER is empty or no longer a postmaster.
postgres_ticks() {
  local pm=${1:-}
  [ -n "$pm" ] && is_postmaster "$pm" || { echo "${2:-0}"; return; }
  local children
  children=$(ps -o pid= --ppid "$pm" 2>/dev/null | awk '{ printf "/proc/%s/stat ", $1 }')
  # shellcheck disable=SC2086
  { sed 's/.*) //' "/proc/$pm/stat" | awk '{ print $12 + $13 + $14 + $15 }'
    cat $children 2>/dev/null | sed 's/.*) //' | awk '{ print $12 + $13 }'; } | awk '{ s += $1 } END { print s + 0 }'
}
