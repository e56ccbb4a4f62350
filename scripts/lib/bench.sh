# shellcheck shell=bash
# The app the benchmarks measure: PACA contours in database ${PACTE_BENCH_DB_NAME:-pacte_bench} (imported on
# the first start), on port ${PACTE_BENCH_PORT:-8089}. Sourced after common.sh and db.sh.

bench_paca() {
  BENCH_PACA=$(cd "$PACTE_ROOT/../shared/geodata/paca" 2>/dev/null && pwd) || BENCH_PACA=${PACTE_BENCH_PACA:-}
  [ -n "$BENCH_PACA" ] || die "the benchmarks need ../shared/geodata/paca (or PACTE_BENCH_PACA)"
}

# start_bench_app: starts the app unless PACTE_BENCH_URL already names one; sets and exports PACTE_BENCH_URL.
# The caller's EXIT trap must call stop_bench_app.
BENCH_APP_PID=
start_bench_app() {
  [ -z "${PACTE_BENCH_URL:-}" ] || return 0
  bench_paca
  build_jar
  ensure_database "${PACTE_BENCH_DB_NAME:-pacte_bench}"
  local port=${PACTE_BENCH_PORT:-8089} log
  port_in_use "$port" && die "port $port is in use: make bench PACTE_BENCH_PORT=<free port>"
  log=$(mktemp)
  # The rate limit off: every benchmark client is 127.0.0.1, one client for the limit.
  # shellcheck disable=SC2086
  PORT=$port PACTE_GEODATA="$BENCH_PACA" PACTE_TILE_URL=none PACTE_RATE_LIMIT_ENABLED=false java $SERVICE_JAVA_OPTS -jar "$JAR" >"$log" 2>&1 &
  BENCH_APP_PID=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$BENCH_APP_PID" 2>/dev/null || { cat "$log" >&2; die "the app stopped"; }
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$log" >&2; die "the app did not answer on port $port"; }
  export PACTE_BENCH_URL="http://127.0.0.1:$port"
}

stop_bench_app() { [ -z "$BENCH_APP_PID" ] || kill "$BENCH_APP_PID" 2>/dev/null || true; }
