#!/usr/bin/env bash
# Tests the web app: type check and production build, the unit tests
# (Vitest), a check that web/src/api/schema.d.ts matches the server's
# OpenAPI document, and the browser tests (Playwright in Debian's Chromium)
# against a real `dichtbij serve` on a free port with demo data in a
# temporary SQLite file, stopped afterwards.
#
#   scripts/web-test.sh [BUILD_DIR]   default build; needs BUILD_DIR/src/dichtbij
#
# Extra arguments for Playwright go in PLAYWRIGHT_ARGS, e.g. a file name.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
binary=$PWD/$build_dir/src/dichtbij
if [[ ! -x $binary ]]; then
  echo "web-test: $binary is missing: build it first (cmake --build $build_dir --target dichtbij)" >&2
  exit 1
fi
if [[ ! -d web/node_modules ]]; then
  (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== web: type check and build"
(cd web && npm run --silent build)
echo "== web: unit tests"
(cd web && npx vitest run)

. scripts/demo-server.sh
echo "== web: demo data"
start_demo_server "$binary"
url=$demo_url
echo "== web: server at $url"

echo "== web: generated API types match the server"
node web/scripts/generate-api-types.mjs "$url" --check

echo "== web: browser tests"
status=0
(cd web && DICHTBIJ_WEB_URL=$url npx playwright test ${PLAYWRIGHT_ARGS:-}) 2>&1 | tee "$demo_scratch/playwright.log" ||
  status=${PIPESTATUS[0]}
if [[ $status -ne 0 ]]; then
  echo "== web: browser tests failed; the server's log:" >&2
  tail -n 40 "$demo_log" >&2
  # Last, so that a log that keeps only the tail of the output names them.
  echo "== web: the failed browser tests:" >&2
  grep -F '✘' "$demo_scratch/playwright.log" >&2 || true
  sed -n '/^  1) /,$p' "$demo_scratch/playwright.log" | tail -n 150 >&2
fi
exit "$status"
