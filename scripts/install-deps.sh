#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/debian-packages.txt (and in
# any further list files given as arguments, e.g. bench/debian-packages.txt)
# that are missing, and the npm packages of web/ and tools/openapi-lint/ from
# their lock files. Quiet and fast when everything is already present:
# apt-get update runs only when a package is missing, npm ci only when a lock
# file changed.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t wanted < <(cat scripts/debian-packages.txt "$@" | sed -e 's/#.*//' -e 's/[[:space:]]//g' | grep -v '^$')
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  # A policy-rc.d that says no keeps packages such as nginx and postgresql
  # from starting system services: tests and benchmarks start their own.
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]]; then
    "${sudo_cmd[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
    trap '"${sudo_cmd[@]}" rm -f "$policy"' EXIT
  fi
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: the web app and the OpenAPI linter, each from its lock file.
for folder in web tools/openapi-lint; do
  [[ -f $folder/package-lock.json ]] || continue
  stamp=$folder/node_modules/.package-lock.stamp
  if [[ ! -f "$stamp" ]] || ! cmp -s "$folder/package-lock.json" "$stamp"; then
    echo "install-deps: npm ci in $folder/"
    # Playwright's browser download is off: the tests use Debian's chromium.
    (cd "$folder" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    cp "$folder/package-lock.json" "$stamp"
  fi
done
