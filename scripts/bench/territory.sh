#!/usr/bin/env bash
# Territory figures (issue 3): (a) size of the map's first view, (b) its HTTP latency beside the raw SQL
# returning the same rows, and /actuator/health under keep-alive, against the PACA contours in database
# ${PACTE_BENCH_DB_NAME:-pacte_bench}; (c) wall time and peak RSS of importing all of France into the
# disposable database ${PACTE_BENCH_FRANCE_DB_NAME:-pacte_bench_france}.
source "$(dirname "$0")/../lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"
source "$PACTE_ROOT/scripts/lib/bench.sh"

FRANCE=$(cd "$PACTE_ROOT/../shared/geodata/france" 2>/dev/null && pwd) || FRANCE=${PACTE_BENCH_FRANCE:-}
[ -n "$FRANCE" ] || die "the benchmark needs ../shared/geodata/france (or PACTE_BENCH_FRANCE)"
build_jar
work=$(mktemp -d)
cleanup() { stop_bench_app; rm -rf "$work"; }
trap cleanup EXIT

# (c) all of France into a fresh database, as `make import` does it.
ensure_database "${PACTE_BENCH_FRANCE_DB_NAME:-pacte_bench_france}" --fresh
/usr/bin/time -f '%e %M' -o "$work/time" env PACTE_GEODATA="$FRANCE" java $COMMAND_JAVA_OPTS -jar "$JAR" import >"$work/import.log" 2>&1 \
  || { cat "$work/import.log" >&2; die "the import of France failed"; }
grep -E 'geojson.*read' "$work/import.log" | sed 's/.*GeodataImporter *: /  /'
read -r wall rss <"$work/time"
printf 'import of all of France (%s): %s s wall, %d MB peak RSS (targets <= 60 s, <= 300 MB)\n' "$COMMAND_JAVA_OPTS" "$wall" $((rss / 1024))

# (a), (b): the app on PACA (started by make bench, or here when this script runs alone).
start_bench_app
ensure_database "${PACTE_BENCH_DB_NAME:-pacte_bench}"
unzip -p "$JAR" 'BOOT-INF/lib/postgresql-*.jar' >"$work/postgresql.jar"
java -cp "$work/postgresql.jar" "$PACTE_ROOT/scripts/bench/TerritoryBench.java" "$PACTE_BENCH_URL" \
  "jdbc:postgresql://$PACTE_DB_HOST:$PACTE_DB_PORT/$PACTE_DB_NAME?user=$PACTE_DB_USER&password=$PACTE_DB_PASSWORD"
