#!/usr/bin/env bash
# make test: a fresh disposable test database with PostGIS, Chromium for the browser tests, then mvn verify.
source "$(dirname "$0")/lib/common.sh"
source "$PACTE_ROOT/scripts/lib/db.sh"

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  apt_install chromium chromium-driver \
    || die "the browser tests need Chromium and ChromeDriver: as root, apt-get install chromium chromium-driver"
}

# The tests' contours: France's 13 regions and 101 departments (a second region's pacte needs its outlines, and
# the PACA map must pick PACA's departments among all of them), with PACA's EPCI and communes. Links to
# ../shared/geodata in a temporary directory: nothing is copied.
test_geodata() {
  local shared="$PACTE_ROOT/../shared/geodata"
  [ -d "$shared/france" ] && [ -d "$shared/paca" ] \
    || die "the tests import ../shared/geodata/france and ../shared/geodata/paca; or set PACTE_GEODATA to a directory of contours"
  PACTE_GEODATA="${TMPDIR:-/tmp}/pacte-test-geodata-$(id -u)"
  rm -rf "$PACTE_GEODATA" && mkdir -p "$PACTE_GEODATA"
  ln -s "$(cd "$shared/france" && pwd)/regions.geojson.gz" "$(cd "$shared/france" && pwd)/departements.geojson.gz" \
    "$(cd "$shared/paca" && pwd)/epci.geojson" "$(cd "$shared/paca" && pwd)/communes.geojson" "$PACTE_GEODATA/"
  export PACTE_GEODATA
}

ensure_database "${PACTE_TEST_DB_NAME:-pacte_test}" --fresh
ensure_chromium
[ -n "${PACTE_GEODATA:-}" ] || test_geodata
export PACTE_TEST_NO_DOCKER=${PACTE_TEST_NO_DOCKER:-}
cd "$PACTE_ROOT"
exec mvn -B ${MAVEN_ARGS:-} verify
