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
exec java ${JAVA_OPTS:--Xmx256m} -jar "$JAR" import-pacte "$@"
