# shellcheck shell=bash
# Shared by the scripts behind the Makefile targets.
set -euo pipefail
PACTE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PACTE_ROOT
JAR="$PACTE_ROOT/backend/target/pacte-carto.jar"
# How the service runs (make run, docker-compose.yml, the benchmarks): an explicit heap (the JVM would take a quarter
# of the machine's memory), grown as needed; every answer is bounded (README « Limits »), so 384 MB holds it under
# load, and past it the JVM exits (an orchestrator restarts it) rather than thrash. The serial collector: on 2 cores
# G1's concurrent marking and barriers took a third of the CPU of a cache-busting load, and its memory.
# Half the heap is young (NewRatio=1) and it keeps 20-40 % free after a collection: with a third and 10-30 % the old
# generation stayed just above what lives there, and the answers in flight that each young collection promoted
# set off a full collection every half second under 8 clients of a department's communes (half the service's
# CPU; 36 against 76 req/s, RSS 368 against 415 MB). Survivor spaces of a quarter of the young generation each
# (SurvivorRatio=2, instead of a tenth): the answers in flight stay there until they die, where 9 MB survivors
# overflowed at each young collection into the old generation (17 full collections in 10 s, half the GC's time;
# 60-70 against 98 req/s for a department's communes, the same heap). glibc's free native memory (the JIT's
# arenas) is given back every 5 s (TrimNativeHeapInterval, 30-40 MB of RSS).
SERVICE_JAVA_OPTS="-Xms64m -Xmx384m -XX:+UseSerialGC -XX:NewRatio=1 -XX:SurvivorRatio=2 -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError"
# The commands (import, import-pacte, export-pacte, user): they stream what they read; all of France imports in
# under 300 MB of RSS with these.
COMMAND_JAVA_OPTS="-Xmx192m -XX:+UseSerialGC"

# Development, tests, CI and benchmarks import the contours from ../shared/geodata when it is there;
# otherwise the application's default (the official Etalab download) applies.
default_geodata() { # default_geodata paca|france
  if [ -z "${PACTE_GEODATA:-}" ] && [ -d "$PACTE_ROOT/../shared/geodata/$1" ]; then
    PACTE_GEODATA=$(cd "$PACTE_ROOT/../shared/geodata/$1" && pwd)
    export PACTE_GEODATA
  fi
}

# build_jar: builds the application jar when it is missing or older than a source file.
build_jar() {
  if [ -f "$JAR" ] && [ -z "$(find "$PACTE_ROOT/pom.xml" "$PACTE_ROOT/backend/pom.xml" "$PACTE_ROOT/frontend/pom.xml" \
      "$PACTE_ROOT/backend/src/main" "$PACTE_ROOT/frontend/src" "$PACTE_ROOT/frontend/scripts" "$PACTE_ROOT/schema" "$PACTE_ROOT/pactes" \
      -type f -newer "$JAR" -print -quit)" ]; then
    return
  fi
  echo "[build] mvn package (tests are run by 'make test')" >&2
  (cd "$PACTE_ROOT" && mvn -B -q -DskipTests package) >&2
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
