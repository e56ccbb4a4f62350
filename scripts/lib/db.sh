# shellcheck shell=bash
# Makes sure a PostGIS database is reachable, for `make run` (database pacte) and `make test` (pacte_test).
# Sourced by scripts/run.sh, scripts/test.sh, scripts/import.sh and scripts/bench.sh. Order of choice:
#   1. PACTE_DB_HOST (and PACTE_DB_PORT/USER/PASSWORD) given in the environment: use that server;
#   2. a PostgreSQL listening on 127.0.0.1:5432;
#   3. PostgreSQL installed but stopped: start it (pg_ctlcluster);
#   4. no PostgreSQL: install it from the OS packages (root on Debian/Ubuntu), or `docker compose up -d db`.
# It never drops a database, except the disposable test database when asked (--fresh).

say() { printf '[db] %s\n' "$*" >&2; }
die() { printf '[db] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  have apt-get && is_root || return 1
  if [ -z "${PACTE_APT_UPDATED:-}" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    export PACTE_APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

pg_psql() { # pg_psql DB SQL...
  local db=$1; shift
  PGPASSWORD="$PACTE_DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PACTE_DB_HOST" -p "$PACTE_DB_PORT" \
    -U "$PACTE_DB_USER" -d "$db" "$@"
}

pg_ready() {
  if have pg_isready; then
    pg_isready -q -h "$PACTE_DB_HOST" -p "$PACTE_DB_PORT" -t 3
  else
    (exec 3<>"/dev/tcp/$PACTE_DB_HOST/$PACTE_DB_PORT") 2>/dev/null
  fi
}

wait_ready() {
  local i
  for i in $(seq 1 60); do pg_ready && return 0; sleep 1; done
  return 1
}

start_local_cluster() {
  have pg_lsclusters || return 1
  local line ver name
  # The cluster configured for the port asked for (5432 unless PACTE_DB_PORT says otherwise).
  line=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PACTE_DB_PORT" '$3 == port' | head -n 1)
  [ -n "$line" ] || return 1
  ver=$(awk '{print $1}' <<<"$line"); name=$(awk '{print $2}' <<<"$line")
  say "PostgreSQL $ver/$name is installed but not running: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >&2 || pg_ctlcluster "$ver" "$name" start >&2 || return 1
  wait_ready
}

install_local_postgres() {
  [ -r /etc/debian_version ] || return 1
  apt_install postgresql postgresql-client || return 1
  local ver
  ver=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  [ -n "$ver" ] || return 1
  # Same as the machines this project targets: trust on loopback for local development.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "/etc/postgresql/$ver/main/pg_hba.conf"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "/etc/postgresql/$ver/main/pg_hba.conf"
  fi
  start_local_cluster
}

docker_db() {
  have docker && docker info >/dev/null 2>&1 || return 1
  say "no local PostgreSQL: starting the PostGIS service of docker-compose.yml"
  docker compose -f "$PACTE_ROOT/docker-compose.yml" up -d db >&2 || return 1
  export PACTE_DB_PASSWORD=${PACTE_DB_PASSWORD:-pacte}
  PACTE_VIA_DOCKER=1
  wait_ready
}

ensure_server() {
  if [ -n "${PACTE_DB_HOST:-}" ]; then
    export PACTE_DB_PORT=${PACTE_DB_PORT:-5432} PACTE_DB_USER=${PACTE_DB_USER:-postgres} PACTE_DB_PASSWORD=${PACTE_DB_PASSWORD:-}
    wait_ready || die "cannot reach PostgreSQL at $PACTE_DB_HOST:$PACTE_DB_PORT (from PACTE_DB_HOST/PACTE_DB_PORT). Start it, or unset PACTE_DB_HOST to use a local one."
    return
  fi
  export PACTE_DB_HOST=127.0.0.1 PACTE_DB_PORT=${PACTE_DB_PORT:-5432} PACTE_DB_USER=${PACTE_DB_USER:-postgres} PACTE_DB_PASSWORD=${PACTE_DB_PASSWORD:-}
  pg_ready && return
  start_local_cluster && return
  if ! have pg_lsclusters; then
    install_local_postgres && return
    docker_db && return
  fi
  die "no PostgreSQL on 127.0.0.1:$PACTE_DB_PORT and none could be started. Install PostgreSQL 15+ with PostGIS 3 (Debian: apt-get install postgresql postgresql-15-postgis-3), or start Docker and run 'docker compose up -d db', or set PACTE_DB_HOST/PACTE_DB_PORT/PACTE_DB_USER/PACTE_DB_PASSWORD to a server that has PostGIS."
}

have_client() {
  have psql && return 0
  apt_install postgresql-client && return 0
  die "psql (the PostgreSQL client) is needed: install postgresql-client"
}

ensure_postgis_available() {
  local avail major
  avail=$(pg_psql postgres -tAc "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")
  [ "$avail" = 1 ] && return 0
  major=$(pg_psql postgres -tAc "SHOW server_version_num" | cut -c1-2)
  case "$PACTE_DB_HOST" in
    127.0.0.1|localhost|::1) ;;
    *) die "PostGIS is not installed on the server $PACTE_DB_HOST:$PACTE_DB_PORT: install postgresql-$major-postgis-3 there" ;;
  esac
  [ -z "${PACTE_VIA_DOCKER:-}" ] || die "the database container has no PostGIS"
  say "the PostGIS extension is missing: installing postgresql-$major-postgis-3"
  apt_install "postgresql-$major-postgis-3" \
    || die "PostGIS is missing and could not be installed: as root, run apt-get install postgresql-$major-postgis-3"
}

# ensure_database NAME [--fresh]: server up, database NAME exists with PostGIS; --fresh recreates it first.
ensure_database() {
  local name=$1 fresh=${2:-}
  have_client
  ensure_server
  ensure_postgis_available
  local exists
  exists=$(pg_psql postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
  if [ "$fresh" = --fresh ] && [ "$exists" = 1 ]; then
    say "recreating the disposable database $name"
    pg_psql postgres -c "DROP DATABASE \"$name\" WITH (FORCE)" >&2
    exists=
  fi
  if [ "$exists" != 1 ]; then
    say "creating database $name"
    pg_psql postgres -c "CREATE DATABASE \"$name\"" >&2
  fi
  pg_psql "$name" -c "CREATE EXTENSION IF NOT EXISTS postgis" >&2
  export PACTE_DB_NAME=$name
  say "using postgresql://$PACTE_DB_USER@$PACTE_DB_HOST:$PACTE_DB_PORT/$PACTE_DB_NAME (PostGIS $(pg_psql "$name" -tAc 'SELECT postgis_lib_version()'))"
}
