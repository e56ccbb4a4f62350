#!/usr/bin/env bash
# make export-pacte PACTE=93-2024 [FILE=…]: write a stored pacte back as its document (YAML), to FILE or stdout.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

if [ -z "${1:-}" ]; then
  echo "[export-pacte] ERROR: give the pacte: make export-pacte PACTE=93-2024 [FILE=pacte.yaml]" >&2
  exit 1
fi
build_jar >&2
ensure_database "${PACTE_DB_NAME:-pacte}"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-$COMMAND_JAVA_OPTS} -jar "$JAR" export-pacte "$@"
