#!/usr/bin/env bash
# Load and fault benchmark (issue 10): the app as documented (java -Xmx512m -jar) on the PACA contours, against
# a PostgreSQL cluster of its own (15/bench on port ${PACTE_BENCH_PG_PORT:-5433}, created if missing: the shared
# cluster on 5432 is never restarted); 64 kept-alive connections × 60 s of the page's documents, then the same
# with that cluster restarted 10 s in. Prints requests/s, p50/p99, errors, time to recover, health, peak RSS.
# Traffic goes to 127.0.0.1 only.
source "$(dirname "$0")/../lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

PG_VERSION=${PACTE_BENCH_PG_VERSION:-15}
PG_PORT=${PACTE_BENCH_PG_PORT:-5433}
APP_PORT=${PACTE_BENCH_ROBUST_PORT:-8188}
CONNECTIONS=${PACTE_BENCH_CONNECTIONS:-64}
SECONDS_PER_RUN=${PACTE_BENCH_SECONDS:-60}
PACA=$(cd "$PACTE_ROOT/../shared/geodata/paca" 2>/dev/null && pwd) || PACA=${PACTE_BENCH_PACA:-}
[ -n "$PACA" ] || die "the benchmark needs ../shared/geodata/paca (or PACTE_BENCH_PACA)"
have pg_createcluster || die "the fault benchmark needs Debian's postgresql-common (pg_createcluster) to run a cluster of its own"

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "bench"' | grep -q .; then
  say "creating the bench-only PostgreSQL cluster $PG_VERSION/bench on port $PG_PORT"
  pg_createcluster "$PG_VERSION" bench --port "$PG_PORT" -- --auth-local=trust --auth-host=trust >&2
fi
pg_ctlcluster "$PG_VERSION" bench start 2>/dev/null || true
build_jar
(export PACTE_DB_HOST=127.0.0.1 PACTE_DB_PORT=$PG_PORT; ensure_database "${PACTE_BENCH_ROBUST_DB_NAME:-pacte_bench_robust}")
port_in_use "$APP_PORT" && die "port $APP_PORT is in use: PACTE_BENCH_ROBUST_PORT=<free port>"

log=$(mktemp)
work=$(mktemp -d)
PORT=$APP_PORT PACTE_DB_HOST=127.0.0.1 PACTE_DB_PORT=$PG_PORT PACTE_DB_NAME=${PACTE_BENCH_ROBUST_DB_NAME:-pacte_bench_robust} \
  PACTE_GEODATA="$PACA" PACTE_TILE_URL=none PACTE_RATE_LIMIT_ENABLED=false \
  java -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$JAR" >"$log" 2>&1 &
app=$!
# The bench-only cluster is stopped at the end: nothing else uses it.
trap 'kill $app 2>/dev/null || true; rm -rf "$work"; pg_ctlcluster "$PG_VERSION" bench stop 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$log" >&2; die "the app stopped"; }
  sleep 1
done
url="http://127.0.0.1:$APP_PORT"
peak_rss() { awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$app/status"; }
idle_rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$app/status"; }

echo "app: java -Xmx512m -jar pacte-carto.jar, RSS idle $(idle_rss); $CONNECTIONS connections × $SECONDS_PER_RUN s (rate limit off: every client is 127.0.0.1)"
java "$PACTE_ROOT/scripts/bench/LoadBench.java" "$url" 8 10 >/dev/null   # warm-up
echo "load:"
java "$PACTE_ROOT/scripts/bench/LoadBench.java" "$url" "$CONNECTIONS" "$SECONDS_PER_RUN"
echo "  peak RSS so far: $(peak_rss)"
echo "load with the database restarted 10 s in (pg_ctlcluster $PG_VERSION bench restart):"
java "$PACTE_ROOT/scripts/bench/LoadBench.java" "$url" "$CONNECTIONS" "$SECONDS_PER_RUN" 10 pg_ctlcluster "$PG_VERSION" bench restart
echo "  peak RSS: $(peak_rss)"
echo "database stopped (pg_ctlcluster $PG_VERSION bench stop), then started again:"
ms() { date +%s%3N; }
pg_ctlcluster "$PG_VERSION" bench stop
t0=$(ms); code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$url/actuator/health"); t1=$(ms)
echo "  /actuator/health: HTTP $code in $((t1 - t0)) ms"
t0=$(ms); answer=$(curl -s -m 10 -w ' HTTP %{http_code}' -H 'Content-Type: application/json' -d '{"query":"{ axes { number } }"}' "$url/graphql"); t1=$(ms)
echo "  GraphQL: $(grep -o '"code":"[A-Z_]*"' <<<"$answer" | sort -u | tr '\n' ' ')${answer##* HTTP } in $((t1 - t0)) ms"
pg_ctlcluster "$PG_VERSION" bench start
t0=$(ms)
until curl -fs -m 2 "$url/actuator/health" | grep -q '"status":"UP"'; do sleep 0.1; done
echo "  health UP again $(( $(ms) - t0 )) ms after the database started"
echo "  log lines written by the app over the whole run: $(wc -l <"$log") ($(du -k "$log" | cut -f1) KB)"
curl -fs "$url/actuator/health" | grep -q '"UP"' && echo "  health after the run: UP" || echo "  health after the run: NOT UP"
