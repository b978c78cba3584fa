#!/usr/bin/env bash
# Page load of the web app on the demo data (issue 7's bar: usable within
# 1 s): Playwright in Debian's Chromium drives the production build served
# by `dichtbij serve`, from navigation until a page's main content is on
# screen (web/tests/bench/page-load.spec.ts). Prints the median of ROUNDS
# runs per page, and the size of the JavaScript bundle.
#
#   bench/web_pages.sh [BUILD_DIR] [ROUNDS]   defaults: build, 5
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
rounds=${2:-5}
binary=$PWD/$build_dir/src/dichtbij
[[ -x $binary ]] || { echo "bench: $binary is missing: run make build" >&2; exit 1; }

(cd web && npm run --silent build)
. scripts/demo-server.sh
start_demo_server "$binary"

results=web/test-results/page-load.jsonl
rm -f "$results"
(cd web && DICHTBIJ_WEB_URL=$demo_url npx playwright test --config playwright.bench.config.ts \
  --repeat-each "$rounds" --reporter=dot)

echo "page load on the demo data, median of $rounds runs (ms):"
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const byName = {};
for (const { name, ms } of lines.map(JSON.parse)) (byName[name] ??= []).push(ms);
for (const [name, all] of Object.entries(byName)) {
  all.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(20)} ${String(all[all.length >> 1]).padStart(6)}   (${all.join(" ")})`);
}' "$results"

js_bytes=0
js_gzip=0
for file in web/dist/assets/*.js; do
  js_bytes=$((js_bytes + $(wc -c <"$file")))
  js_gzip=$((js_gzip + $(gzip -9c "$file" | wc -c)))
done
echo "JavaScript bundle: $((js_bytes / 1024)) KiB, $((js_gzip / 1024)) KiB gzipped (all chunks)"
