#!/usr/bin/env bash
# make user ARGS="add --login alice --role ADMIN": accounts and API tokens (README, « Accounts »). The password is
# read from the terminal (or standard input), never from the command line.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

if [ "$#" -eq 0 ]; then
  echo "[user] ERROR: give a command: make user ARGS=\"add --login alice --role ADMIN\" (or list, disable, token…)" >&2
  exit 1
fi
build_jar
ensure_database "${PACTE_DB_NAME:-pacte}"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-$COMMAND_JAVA_OPTS} -jar "$JAR" user "$@"
