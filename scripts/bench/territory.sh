#!/usr/bin/env bash
# Territory figures (issue 3): (a) size of the map's first view, (b) its HTTP latency beside the raw SQL
# returning the same rows, and /actuator/health under keep-alive, against the PACA contours in database
# ${PACTE_BENCH_DB_NAME:-pacte_bench}; (c) wall time and peak RSS of importing all of France into the
# disposable database ${PACTE_BENCH_FRANCE_DB_NAME:-pacte_bench_france}.
source "$(dirname "$0")/../lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

PACA=$(cd "$PACTE_ROOT/../shared/geodata/paca" 2>/dev/null && pwd) || PACA=${PACTE_BENCH_PACA:-}
FRANCE=$(cd "$PACTE_ROOT/../shared/geodata/france" 2>/dev/null && pwd) || FRANCE=${PACTE_BENCH_FRANCE:-}
[ -n "$PACA" ] && [ -n "$FRANCE" ] || die "the benchmark needs ../shared/geodata/{paca,france} (or PACTE_BENCH_PACA / PACTE_BENCH_FRANCE)"
build_jar
work=$(mktemp -d)
app=
cleanup() { [ -z "$app" ] || kill "$app" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# (c) all of France into a fresh database, as `make import` does it.
ensure_database "${PACTE_BENCH_FRANCE_DB_NAME:-pacte_bench_france}" --fresh
/usr/bin/time -f '%e %M' -o "$work/time" env PACTE_GEODATA="$FRANCE" java -Xmx256m -jar "$JAR" import >"$work/import.log" 2>&1 \
  || { cat "$work/import.log" >&2; die "the import of France failed"; }
grep -E 'geojson.*read' "$work/import.log" | sed 's/.*GeodataImporter *: /  /'
read -r wall rss <"$work/time"
printf 'import of all of France (-Xmx256m): %s s wall, %d MB peak RSS (target <= 90 s)\n' "$wall" $((rss / 1024))

# (a), (b): the app on PACA.
ensure_database "${PACTE_BENCH_DB_NAME:-pacte_bench}"
PACTE_GEODATA="$PACA" java -Xmx256m -jar "$JAR" import >"$work/paca.log" 2>&1 || { cat "$work/paca.log" >&2; die "the import of PACA failed"; }
port=${PACTE_BENCH_PORT:-${PORT:-8089}}
port_in_use "$port" && die "port $port is in use: make bench PORT=<free port>"
PORT=$port PACTE_GEODATA="$PACA" java -Xmx256m -jar "$JAR" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log" >&2; die "the app stopped"; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || die "the app did not answer on port $port"
unzip -p "$JAR" 'BOOT-INF/lib/postgresql-*.jar' >"$work/postgresql.jar"
java -cp "$work/postgresql.jar" "$PACTE_ROOT/scripts/bench/TerritoryBench.java" "http://127.0.0.1:$port" \
  "jdbc:postgresql://$PACTE_DB_HOST:$PACTE_DB_PORT/$PACTE_DB_NAME?user=$PACTE_DB_USER&password=$PACTE_DB_PASSWORD"
