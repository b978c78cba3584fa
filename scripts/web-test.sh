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

scratch=$(mktemp -d)
server_pid=
stop_server() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap stop_server EXIT

echo "== web: demo data"
"$binary" demo --households 300 --seed 1 --database "sqlite:$scratch/demo.db" >"$scratch/demo.log" 2>&1 || {
  cat "$scratch/demo.log" >&2
  exit 1
}
DICHTBIJ_PORT=0 DICHTBIJ_DATABASE_URL="sqlite:$scratch/demo.db" DICHTBIJ_STATIC_DIR="$PWD/web/dist" \
  "$binary" serve >"$scratch/serve.log" 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 300); do
  url=$(grep -o 'listening on http://[0-9.:]*' "$scratch/serve.log" | head -n 1 | sed 's/listening on //' || true)
  [[ -n $url ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$scratch/serve.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "web-test: the server did not start" >&2
  cat "$scratch/serve.log" >&2
  exit 1
fi
echo "== web: server at $url"

echo "== web: generated API types match the server"
node web/scripts/generate-api-types.mjs "$url" --check

echo "== web: browser tests"
status=0
(cd web && DICHTBIJ_WEB_URL=$url npx playwright test ${PLAYWRIGHT_ARGS:-}) || status=$?
if [[ $status -ne 0 ]]; then
  echo "== web: browser tests failed; the server's log:" >&2
  tail -n 40 "$scratch/serve.log" >&2
fi
exit "$status"
