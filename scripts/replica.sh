#!/usr/bin/env bash
# make replica: a hot standby of the local PostgreSQL, streaming from it, for trying read replicas (README « Read
# replicas ») and for `make bench`. It listens on 127.0.0.1:$PACTE_REPLICA_PORT (5434) with its data in
# $PACTE_REPLICA_DIR (/var/tmp/pacte-replica, copied afresh at each start); `make replica ARGS=stop` stops it,
# `ARGS=drop` also removes it.
# Needs the local server's binaries and root (it runs the standby as the postgres user); the primary must accept
# replication connections from 127.0.0.1: when its pg_hba.conf has none, a line is added with the method its
# `host all all 127.0.0.1/32` line uses, and the configuration reloaded.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

REPLICA_PORT=${PACTE_REPLICA_PORT:-5434}
REPLICA_DIR=${PACTE_REPLICA_DIR:-/var/tmp/pacte-replica}

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

bin_dir() { # the binaries of the standby's version (its data directory's), else of the primary's
  local version
  if [ -f "$REPLICA_DIR/PG_VERSION" ]; then
    version=$(cat "$REPLICA_DIR/PG_VERSION")
  else
    version=$(pg_psql postgres -tAc "SHOW server_version_num")
    version=$((version / 10000))
  fi
  [ -x "/usr/lib/postgresql/$version/bin/pg_ctl" ] || die "no /usr/lib/postgresql/$version/bin/pg_ctl: the standby runs the primary's version"
  echo "/usr/lib/postgresql/$version/bin"
}

# Only a directory this script made (or an empty one) is ever removed.
check_dir() {
  if [ -d "$REPLICA_DIR" ] && [ ! -f "$REPLICA_DIR/standby.signal" ] && [ -n "$(ls -A "$REPLICA_DIR")" ]; then
    die "$REPLICA_DIR is not empty and holds no standby: set PACTE_REPLICA_DIR to a directory of its own"
  fi
}

stop_replica() {
  [ -f "$REPLICA_DIR/postmaster.pid" ] || return 0
  as_postgres "$(bin_dir)/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >&2
}

allow_replication() {
  local hba method
  hba=$(pg_psql postgres -tAc "SHOW hba_file")
  grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32' "$hba" && return
  is_root || die "$hba allows no replication connection from 127.0.0.1: add one (host replication all 127.0.0.1/32 ...)"
  method=$(awk '$1 == "host" && $2 == "all" && $3 == "all" && $4 == "127.0.0.1/32" { print $5; exit }' "$hba")
  [ -n "$method" ] || die "$hba has no 'host all all 127.0.0.1/32' line to take the method from: add a replication line"
  say "allowing replication connections from 127.0.0.1 ($method) in $hba"
  printf 'host replication all 127.0.0.1/32 %s\n' "$method" >>"$hba"
  pg_psql postgres -c "SELECT pg_reload_conf()" >/dev/null
}

case "${1:-start}" in
  stop) stop_replica; exit 0 ;;
  drop) check_dir; stop_replica; rm -rf "$REPLICA_DIR"; say "removed $REPLICA_DIR"; exit 0 ;;
  start) ;;
  *) die "usage: make replica [ARGS=start|stop|drop]" ;;
esac

have_client
ensure_server
if pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" -t 2; then
  [ "$(PGPASSWORD="$PACTE_DB_PASSWORD" psql -X -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PACTE_DB_USER" -d postgres -tAc "SELECT pg_is_in_recovery()")" = t ] \
    || die "127.0.0.1:$REPLICA_PORT answers but is not a standby: set PACTE_REPLICA_PORT to a free port"
  say "the standby on 127.0.0.1:$REPLICA_PORT is running"
  exit 0
fi
# A fresh copy at each start: a standby stopped for a while would need WAL the primary has recycled since (no
# replication slot holds it, so that a forgotten standby never fills the primary's disk).
check_dir
stop_replica
allow_replication
say "copying the primary into $REPLICA_DIR (pg_basebackup)"
rm -rf "$REPLICA_DIR" && mkdir -p "$REPLICA_DIR" && chown postgres: "$REPLICA_DIR" && chmod 700 "$REPLICA_DIR"
BIN=$(bin_dir)
as_postgres env PGPASSWORD="$PACTE_DB_PASSWORD" "$BIN/pg_basebackup" -h "$PACTE_DB_HOST" -p "$PACTE_DB_PORT" \
  -U "$PACTE_DB_USER" -D "$REPLICA_DIR" -R -X stream -c fast
# Debian keeps the configuration out of the data directory: the standby gets its own, minimal one.
as_postgres sh -c "cat > '$REPLICA_DIR/postgresql.conf'" <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
max_connections = 100
CONF
as_postgres cp "$(pg_psql postgres -tAc "SHOW hba_file")" "$REPLICA_DIR/pg_hba.conf"
say "starting the standby on 127.0.0.1:$REPLICA_PORT"
as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/standby.log" -w start >&2
say "streaming from $PACTE_DB_HOST:$PACTE_DB_PORT; use it with PACTE_REPLICA_HOST=127.0.0.1 PACTE_REPLICA_PORT=$REPLICA_PORT"
