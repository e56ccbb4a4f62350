#!/usr/bin/env bash
# Issue 11, « Faster than the GraphQL-on-PostGIS engines users would pick instead »: the app beside the raw SQL
# of the same rows and beside PostGraphile 4 + @graphile/postgis on the same database, in one run, with ratios
# (FasterBench.java). Starts its own processes on 127.0.0.1, ports PACTE_FASTER_PORT.. +4 (default 8301–8305):
#   two app instances on the PACA contours (database ${PACTE_BENCH_DB_NAME:-pacte_bench}, SERVICE_JAVA_OPTS each),
#   a third reading a local streaming standby of it (make replica; skipped with PACTE_FASTER_REPLICA=false or when
#   the standby cannot be started),
#   one app on all of France (${PACTE_BENCH_FRANCE_DB_NAME:-pacte_bench_france}, imported here if it holds fewer
#   than 30,000 communes), and PostGraphile on the PACA database, installed from npm at the first run into
#   ${PACTE_BENCH_CACHE:-~/.cache/pacte-carto-bench}/postgraphile (never into the repository).
# PACTE_FASTER_SECONDS (default 5) is the length of each measured run; the measures compared with each other are
# taken in turns, PACTE_FASTER_ROUNDS rounds (default 3) pooled; each instance is first loaded until its JIT
# settles (at most PACTE_FASTER_WARMUP seconds, default 300). PACTE_FASTER_ONLY=france measures the national scale
# alone. Runnable alone or by `make bench`.
source "$(dirname "$0")/../lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"
source "$PACTE_ROOT/scripts/lib/bench.sh"

bench_paca
FRANCE=$(cd "$PACTE_ROOT/../shared/geodata/france" 2>/dev/null && pwd) || FRANCE=${PACTE_BENCH_FRANCE:-}
base=${PACTE_FASTER_PORT:-8301}
paca_db=${PACTE_BENCH_DB_NAME:-pacte_bench}
france_db=${PACTE_BENCH_FRANCE_DB_NAME:-pacte_bench_france}
only=${PACTE_FASTER_ONLY:-} # france: the national scale alone (its instance, no PACA instances nor PostGraphile)
cache=${PACTE_BENCH_CACHE:-$HOME/.cache/pacte-carto-bench}
build_jar
work=$(mktemp -d)
pids=()
stop_standby=
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -z "$stop_standby" ] || "$PACTE_ROOT/scripts/replica.sh" stop || true
  rm -rf "$work"
}
trap cleanup EXIT

for port in $base $((base + 1)) $((base + 2)) $((base + 3)) $((base + 4)); do
  port_in_use "$port" && die "port $port is in use: PACTE_FASTER_PORT=<first of 5 free ports> $0"
done

# start_app NAME PORT DATABASE GEODATA [ENV…]: the jar as the service runs (SERVICE_JAVA_OPTS); waits for its health (an
# empty database is imported first). Sets APP_PID.
start_app() {
  local name=$1 port=$2 db=$3 geodata=$4
  shift 4
  env "$@" PORT=$port PACTE_DB_NAME=$db PACTE_GEODATA=$geodata PACTE_TILE_URL=none PACTE_RATE_LIMIT_ENABLED=false \
    java $SERVICE_JAVA_OPTS -jar "$JAR" >"$work/$name.log" 2>&1 &
  APP_PID=$!
  pids+=("$APP_PID")
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$work/$name.log" >&2; die "the app $name stopped"; }
    sleep 1
  done
  tail -20 "$work/$name.log" >&2
  die "the app $name did not answer on port $port within 300 s"
}

jdbc_url() { echo "jdbc:postgresql://$PACTE_DB_HOST:$PACTE_DB_PORT/$1?user=$PACTE_DB_USER&password=$PACTE_DB_PASSWORD"; }

ensure_database "$france_db"
paca_args=()
replica_args=()
if [ "$only" != france ]; then
  ensure_database "$paca_db"
  start_app paca "$base" "$paca_db" "$BENCH_PACA"
  paca_args=("app=http://127.0.0.1:$base" "pid=$APP_PID" "jdbc=$(jdbc_url "$paca_db")"
    "firstView=$PACTE_ROOT/frontend/src/main/resources/static/queries/first-view.graphql")
  start_app paca2 "$((base + 1))" "$paca_db" "$BENCH_PACA"
  paca_args+=("app2=http://127.0.0.1:$((base + 1))" "pid2=$APP_PID")
fi
if [ "$only" != france ] && [ "${PACTE_FASTER_REPLICA:-true}" = true ]; then
  export PACTE_REPLICA_PORT=${PACTE_REPLICA_PORT:-5434} # replica.sh's default
  pg_isready -q -h 127.0.0.1 -p "$PACTE_REPLICA_PORT" -t 2 || stop_standby=yes # started here, stopped at the end
  if "$PACTE_ROOT/scripts/replica.sh" start; then
    start_app replica "$((base + 4))" "$paca_db" "$BENCH_PACA" PACTE_REPLICA_HOST=127.0.0.1
    replica_args=("replica=http://127.0.0.1:$((base + 4))" "pidReplica=$APP_PID")
  else
    echo "read replica: not measured (the local standby could not be started, see above)"
  fi
fi

france_args=()
if [ -n "$FRANCE" ]; then
  communes=$(pg_psql "$france_db" -tAc "SELECT count(*) FROM territory WHERE kind = 'COMMUNE'" 2>/dev/null || echo 0)
  if [ "${communes:-0}" -lt 30000 ]; then
    echo "importing all of France into $france_db ($COMMAND_JAVA_OPTS)"
    /usr/bin/time -f '%e %M' -o "$work/time" env PACTE_DB_NAME="$france_db" PACTE_GEODATA="$FRANCE" \
      java $COMMAND_JAVA_OPTS -jar "$JAR" import >"$work/import.log" 2>&1 || { tail -20 "$work/import.log" >&2; die "the import of France failed"; }
    read -r wall rss <"$work/time"
    printf 'import of all of France: %s s wall, %d MB peak RSS (targets <= 60 s, <= 300 MB)\n' "$wall" $((rss / 1024))
  else
    echo "all of France already in $france_db ($communes communes; territory.sh measures its import)"
  fi
  start_app france "$((base + 2))" "$france_db" "$FRANCE"
  france_args=("france=http://127.0.0.1:$((base + 2))" "jdbcFrance=$(jdbc_url "$france_db")" "pidFrance=$APP_PID")
else
  echo "national scale: not measured (no ../shared/geodata/france, nor PACTE_BENCH_FRANCE)"
fi

# PostGraphile 4 + @graphile/postgis, from the npm registry, outside the repository.
graphile_args=()
graphile_error=
graphile_dir="$cache/postgraphile"
if [ "$only" = france ]; then
  graphile_error="PACTE_FASTER_ONLY=france"
elif ! command -v npm >/dev/null 2>&1; then
  graphile_error="npm is not installed (Node 20 + npm are needed for PostGraphile)"
elif [ ! -x "$graphile_dir/node_modules/.bin/postgraphile" ] || [ ! -d "$graphile_dir/node_modules/@graphile/postgis" ]; then
  mkdir -p "$graphile_dir"
  echo "installing postgraphile@4 and @graphile/postgis@0 into $graphile_dir"
  (cd "$graphile_dir" && { [ -f package.json ] || echo '{"private":true}' >package.json; } \
    && timeout 600 npm install --no-audit --no-fund postgraphile@4 @graphile/postgis@0) >"$work/npm.log" 2>&1 \
    || graphile_error="npm install failed: $(tail -3 "$work/npm.log" | tr '\n' ' ')"
fi
if [ -z "$graphile_error" ]; then
  gport=$((base + 3))
  (cd "$graphile_dir" && exec node_modules/.bin/postgraphile \
    -c "postgres://$PACTE_DB_USER:$PACTE_DB_PASSWORD@$PACTE_DB_HOST:$PACTE_DB_PORT/$paca_db" --schema public \
    --host 127.0.0.1 --port "$gport" --append-plugins @graphile/postgis --disable-query-log) >"$work/postgraphile.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 60); do
    curl -fs -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$gport/graphql" >/dev/null 2>&1 && break
    sleep 1
  done
  if curl -fs -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$gport/graphql" >/dev/null 2>&1; then
    echo "PostGraphile $(cd "$graphile_dir" && node -p 'require("postgraphile/package.json").version') on port $gport (one Node process, pool of 10)"
    graphile_args=("postgraphile=http://127.0.0.1:$gport")
  else
    graphile_error="PostGraphile did not answer on port $gport: $(tail -5 "$work/postgraphile.log" | tr '\n' ' ')"
  fi
fi

unzip -p "$JAR" 'BOOT-INF/lib/postgresql-*.jar' >"$work/postgresql.jar"
echo "machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average/load average/')"
java -Xmx1g -cp "$work/postgresql.jar" "$PACTE_ROOT/scripts/bench/FasterBench.java" "${paca_args[@]}" \
  "seconds=${PACTE_FASTER_SECONDS:-5}" "rounds=${PACTE_FASTER_ROUNDS:-3}" "warmup=${PACTE_FASTER_WARMUP:-300}" "postgraphileError=$graphile_error" "${france_args[@]}" "${graphile_args[@]}" "${replica_args[@]}"
if [ ${#replica_args[@]} -gt 0 ]; then
  echo "standby: $(pg_psql postgres -tAc "SELECT 'replay lag ' || coalesce(replay_lag::text, '0') || ', ' || pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) || ' behind' FROM pg_stat_replication LIMIT 1")"
fi
echo "load after: $(uptime | sed 's/.*load average/load average/')"
