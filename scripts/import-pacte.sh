#!/usr/bin/env bash
# make import-pacte FILE=…: load or replace one pacte from its document (YAML or JSON), in one transaction.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

if [ -z "${1:-}" ]; then
  echo "[import-pacte] ERROR: give the file: make import-pacte FILE=pactes/paca-2024.yaml" >&2
  exit 1
fi
build_jar
ensure_database "${PACTE_DB_NAME:-pacte}"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-$COMMAND_JAVA_OPTS} -jar "$JAR" import-pacte "$@"
