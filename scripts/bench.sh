#!/usr/bin/env bash
# make bench: starts the app once on the PACA contours (database pacte_bench), then runs every benchmark
# scripts/bench/*.sh in turn against it; each prints its figures on stdout.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"
source "$PACTE_ROOT/scripts/lib/bench.sh"

trap stop_bench_app EXIT
start_bench_app
for bench in "$PACTE_ROOT"/scripts/bench/*.sh; do
  echo "== $(basename "$bench" .sh)"
  "$bench"
done
