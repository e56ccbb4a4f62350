#!/usr/bin/env bash
# make bench: runs every benchmark scripts/bench/*.sh in turn; each prints its figures on stdout.
source "$(dirname "$0")/lib/common.sh"

build_jar
for bench in "$PACTE_ROOT"/scripts/bench/*.sh; do
  echo "== $(basename "$bench" .sh)"
  "$bench"
done
