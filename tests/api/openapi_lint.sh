#!/usr/bin/env bash
# Lints the served OpenAPI document with the Dutch government's API Design
# Rules (Spectral, ruleset in ../shared/standards/adr-spectral.yml). Fails on
# any error-level finding.
#   tests/api/openapi_lint.sh PATH_TO_DICHTBIJ
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=$1
ruleset="$repo/../shared/standards/adr-spectral.yml"
spectral="$repo/tools/openapi-lint/node_modules/.bin/spectral"
# The ruleset comes with the project's shared/ folder beside the checkout (CI
# has it). A checkout without it skips this test rather than failing it.
if [[ ! -f "$ruleset" ]]; then
  echo "openapi-lint: skipped: no ruleset at $ruleset" >&2
  exit 77
fi
[[ -x "$spectral" ]] || { echo "openapi-lint: run scripts/install-deps.sh first" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

DICHTBIJ_PORT=0 DICHTBIJ_DATABASE_URL="sqlite:$work/lint.db" "$binary" serve 2>"$work/server.log" &
server=$!
port=""
# Up to a minute: migrations on a loaded CI machine can take a while.
for _ in $(seq 1200); do
  port=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\).*|\1|p' "$work/server.log")
  [[ -n "$port" ]] && break
  sleep 0.05
done
[[ -n "$port" ]] || { cat "$work/server.log" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/api/v1/openapi.json" -o "$work/openapi.json"
"$spectral" lint --quiet --fail-severity=error -r "$ruleset" "$work/openapi.json"
echo "openapi-lint: no errors against the API Design Rules"
