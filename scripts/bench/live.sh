#!/usr/bin/env bash
# Live figures (issue 13): N WebSocket subscribers of coverageChanged on one instance of its own (port
# ${PACTE_BENCH_LIVE_PORT:-8095}, database ${PACTE_BENCH_DB_NAME:-pacte_bench}, -Xmx${PACTE_BENCH_LIVE_HEAP:-512m}, the per-client connection
# limit raised: every subscriber comes from 127.0.0.1), one change a second committed by SQL; the delay from the
# commit to the subscribers' receipt, the instance's CPU and memory. N = ${PACTE_BENCH_LIVE_SUBSCRIBERS:-1000 10000}.
source "$(dirname "$0")/../lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"
source "$PACTE_ROOT/scripts/lib/bench.sh"

bench_paca
build_jar
# Each WebSocket takes file descriptors on both sides: 10,000 subscribers need more than the usual 20,000.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ensure_database "${PACTE_BENCH_DB_NAME:-pacte_bench}"
port=${PACTE_BENCH_LIVE_PORT:-8095}
work=$(mktemp -d)
app=
cleanup() { [ -z "$app" ] || kill "$app" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
unzip -p "$JAR" 'BOOT-INF/lib/postgresql-*.jar' >"$work/postgresql.jar"
jdbc="jdbc:postgresql://$PACTE_DB_HOST:$PACTE_DB_PORT/$PACTE_DB_NAME?user=$PACTE_DB_USER&password=$PACTE_DB_PASSWORD"

for n in ${PACTE_BENCH_LIVE_SUBSCRIBERS:-1000 10000}; do
  port_in_use "$port" && die "port $port is in use: PACTE_BENCH_LIVE_PORT=<free port>"
  PORT=$port PACTE_GEODATA="$BENCH_PACA" PACTE_TILE_URL=none PACTE_RATE_LIMIT_ENABLED=false \
    PACTE_LIVE_MAX_CONNECTIONS_PER_CLIENT=$((n + 100)) java -Xmx${PACTE_BENCH_LIVE_HEAP:-512m} -jar "$JAR" >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$work/app.log" >&2; die "the app did not start"; }
  echo "-- $n subscribers (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -Xmx1g -cp "$work/postgresql.jar" "$PACTE_ROOT/scripts/bench/LiveBench.java" "ws://127.0.0.1:$port/graphql-ws" "$jdbc" \
    "$n" "${PACTE_BENCH_LIVE_CHANGES:-30}" "$app" || echo "(the run with $n subscribers failed)"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
done
