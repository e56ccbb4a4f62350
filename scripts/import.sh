#!/usr/bin/env bash
# make import: (re)load the territory contours from PACTE_GEODATA (directory or base URL) into the database.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

build_jar
ensure_database "${PACTE_DB_NAME:-pacte}"
default_geodata paca
echo "[import] importing ${PACTE_GEODATA:-the official Etalab contours} into $PACTE_DB_NAME" >&2
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-$COMMAND_JAVA_OPTS} -jar "$JAR" import "$@"
