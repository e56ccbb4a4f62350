#!/usr/bin/env bash
# Front-end benchmark: time from navigation to the first coloured map, and bytes of HTML+JS+CSS+data
# transferred for the first view, measured in a fresh headless Chromium through chromedriver (the page's
# Performance API: the mark « pacte:first-coloured-map » and Resource Timing transfer sizes).
# Usage: scripts/bench/frontend.sh [URL] [RUNS]   (default: the app make bench started, else http://localhost:${PORT:-8080}/; 5 runs)
# Needs a running app (make run), chromium, chromedriver, curl and jq. Targets: ≤ 1000 ms, ≤ 300 KB.
set -euo pipefail

url="${1:-${PACTE_BENCH_URL:-http://localhost:${PORT:-8080}}/}"
runs="${2:-5}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
for tool in "$chromium" "$chromedriver" curl jq; do
  command -v "$tool" >/dev/null || { echo "frontend bench: $tool not found (install chromium, chromium-driver, curl, jq)" >&2; exit 1; }
done
curl -fsS -o /dev/null "$url" || { echo "frontend bench: nothing answers at $url (start it with make run)" >&2; exit 1; }

port=$(( 20000 + RANDOM % 20000 ))
work=$(mktemp -d)
"$chromedriver" --port="$port" >"$work/chromedriver.log" 2>&1 &
driver_pid=$!
trap 'kill "$driver_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
wd="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fsS "$wd/status" >/dev/null 2>&1 && break; sleep 0.1; done

# Waits for the mark, then reports its time and the bytes of every same-origin transfer so far.
measure='const done = arguments[arguments.length - 1];
const poll = () => {
  const mark = performance.getEntriesByName("pacte:first-coloured-map")[0];
  if (!mark) { if (performance.now() > 20000) done({ error: document.body.dataset.state }); else setTimeout(poll, 20); return; }
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
    .filter((e) => e.name.startsWith(location.origin));
  const bytes = entries.reduce((sum, e) => sum + e.transferSize, 0);
  const kinds = {};
  for (const e of entries) { const path = new URL(e.name).pathname; const k = path === "/graphql" || path === "/map/config" || path.startsWith("/queries/") ? "data" : path.endsWith(".js") ? "js" : path.endsWith(".css") ? "css" : "html"; kinds[k] = (kinds[k] || 0) + e.transferSize; }
  done({ ms: Math.round(mark.startTime), bytes, kinds });
};
poll();'

results=()
for run in $(seq "$runs"); do
  caps=$(jq -n --arg bin "$chromium" --arg dir "$work/profile-$run" '{capabilities: {alwaysMatch: {browserName: "chrome",
    "goog:chromeOptions": {binary: $bin, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--window-size=1280,800", ("--user-data-dir=" + $dir)]}}}}')
  session=$(curl -fsS -X POST "$wd/session" -H 'Content-Type: application/json' -d "$caps" | jq -r '.value.sessionId')
  curl -fsS -X POST "$wd/session/$session/timeouts" -H 'Content-Type: application/json' -d '{"script": 30000}' >/dev/null
  curl -fsS -X POST "$wd/session/$session/url" -H 'Content-Type: application/json' -d "$(jq -n --arg u "$url" '{url: $u}')" >/dev/null
  result=$(curl -fsS -X POST "$wd/session/$session/execute/async" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg s "$measure" '{script: $s, args: []}')" | jq -c '.value')
  curl -fsS -X DELETE "$wd/session/$session" >/dev/null
  if [ "$(jq -r '.ms // empty' <<<"$result")" = "" ]; then
    echo "frontend bench: the map never coloured (page state: $(jq -r '.error' <<<"$result"))" >&2; exit 1
  fi
  echo "run $run: first coloured map $(jq -r .ms <<<"$result") ms, $(jq -r .bytes <<<"$result") bytes $(jq -c .kinds <<<"$result")"
  results+=("$result")
done

printf '%s\n' "${results[@]}" | jq -s -r '
  def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  "median: first coloured map \(map(.ms) | median) ms (target ≤ 1000), first view \((map(.bytes) | median) / 1024 | . * 10 | round / 10) KB transferred (target ≤ 300)"'
