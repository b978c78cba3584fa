#!/usr/bin/env bash
# Builds Dichtbij twice — optimised, and with AddressSanitizer and
# UndefinedBehaviorSanitizer — and runs every test in both builds on SQLite
# and on a throwaway PostgreSQL server; then the web app's unit and browser
# tests against the optimised build (scripts/web-test.sh). Warnings are
# errors when CI is set.
# Prints how many tests ran on each engine, and fails when either engine ran
# none (a silently skipped PostgreSQL suite is a failure, not a pass).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
werror=OFF
[[ -n "${CI:-}" ]] && werror=ON

configure_and_build() {
  local dir=$1
  shift
  cmake -S . -B "$dir" -DDICHTBIJ_WERROR="$werror" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

started=$(date +%s)
configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DDICHTBIJ_SANITIZE=ON

# Runs the suite of one build and summarises it per engine.
run_suite() {
  local dir=$1
  local junit="$PWD/$dir/junit.xml"
  echo "== tests in $dir"
  # errexit does not hold inside a function called from an && list: check
  # ctest's status explicitly, or a failing test would pass make test.
  local status=0
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure --output-junit "$junit" || status=$?
  local sqlite postgres
  sqlite=$(grep -c 'name="[^"]*/sqlite[ "][^>]*status="run"' "$junit" || true)
  postgres=$(grep -c 'name="[^"]*/postgresql[ "][^>]*status="run"' "$junit" || true)
  echo "== $dir: $sqlite tests ran on sqlite, $postgres tests ran on postgresql"
  if [[ "$sqlite" -eq 0 || "$postgres" -eq 0 ]]; then
    echo "== $dir: an engine ran no tests" >&2
    return 1
  fi
  if [[ $status -ne 0 ]]; then
    echo "== $dir: tests failed" >&2
    return "$status"
  fi
}
export -f run_suite
export jobs

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
scripts/with-postgres.sh bash -c 'run_suite build && run_suite build-asan'
scripts/web-test.sh build
echo "== make test took $(($(date +%s) - started)) s"
