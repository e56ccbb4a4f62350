#!/usr/bin/env bash
# make run: build what is missing, prepare the database, start the app on http://localhost:${PORT:-8080}.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

export PORT=${PORT:-8080}
if port_in_use "$PORT"; then
  echo "[run] ERROR: port $PORT is already in use (another 'make run'?). Stop it, or choose another port: make run PORT=8081" >&2
  exit 1
fi
build_jar
ensure_database "${PACTE_DB_NAME:-pacte}"
default_geodata paca
echo "[run] starting on http://localhost:$PORT (migrations, then the data load if the database is empty)" >&2
# An explicit heap (the JVM would take a quarter of the machine's memory): every answer is bounded (README « Limits »),
# so 512 MB holds the service under load; past it the JVM exits (an orchestrator restarts it) rather than thrash.
exec java ${JAVA_OPTS:--Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError} -jar "$JAR" "$@"
