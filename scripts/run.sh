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
# JAVA_OPTS replaces SERVICE_JAVA_OPTS (scripts/lib/common.sh).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-$SERVICE_JAVA_OPTS} -jar "$JAR" "$@"
