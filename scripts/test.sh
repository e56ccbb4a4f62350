#!/usr/bin/env bash
# make test: a fresh disposable test database with PostGIS, Chromium for the browser tests, then mvn verify.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  apt_install chromium chromium-driver \
    || die "the browser tests need Chromium and ChromeDriver: as root, apt-get install chromium chromium-driver"
}

ensure_database "${PACTE_TEST_DB_NAME:-pacte_test}" --fresh
ensure_chromium
default_geodata paca
[ -n "${PACTE_GEODATA:-}" ] || die "the tests import ../shared/geodata/paca: set PACTE_GEODATA to a directory with the PACA contours"
export PACTE_TEST_NO_DOCKER=${PACTE_TEST_NO_DOCKER:-}
cd "$PACTE_ROOT"
exec mvn -B ${MAVEN_ARGS:-} verify
