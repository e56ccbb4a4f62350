#!/usr/bin/env bash
# Mutation figures (issue 12): updateAction latency p50/p99 over HTTP with an API token, and pairs of concurrent
# updates of the same version (exactly one wins each time), against the app of make bench (database
# ${PACTE_BENCH_DB_NAME:-pacte_bench}). The token belongs to the account bench-admin (API tokens only, no
# password), made here if missing; it expires in a day and is revoked at the end.
source "$(dirname "$0")/../lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"
source "$PACTE_ROOT/scripts/lib/bench.sh"

trap stop_bench_app EXIT
start_bench_app
export PACTE_DB_NAME=${PACTE_BENCH_DB_NAME:-pacte_bench}
user() { java -Xmx128m -jar "$JAR" user "$@" </dev/null 2>&1; }
user list | grep -q '^  bench-admin ' || user add --login bench-admin --role ADMIN --no-password >/dev/null \
  || die "cannot create the account bench-admin"
line=$(user token --login bench-admin --name mutation-bench --days 1) || die "cannot create a token: $line"
token=${line##* }
id=$(echo "$line" | sed -n 's/^\[user\] token \([0-9]*\) .*/\1/p')
status=0
java "$PACTE_ROOT/scripts/bench/MutationBench.java" "$PACTE_BENCH_URL" "$token" || status=$?
user revoke --id "$id" >/dev/null || true
exit $status
