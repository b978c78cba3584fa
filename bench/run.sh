#!/usr/bin/env bash
# Runs every benchmark against the build in BUILD_DIR (default build/).
# Benchmarks are not part of `make test`: these machines are shared and
# noisy, so figures are ratios against a peer measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
scripts/install-deps.sh bench/debian-packages.txt
bench/http_health.sh "$build_dir"
bench/http_network.sh "$build_dir"
WITH_POSTGRES_DURABLE=1 scripts/with-postgres.sh bench/write_support_acts.sh "$build_dir"
bench/analyze_households.sh "$build_dir"
bench/analyze_acts.sh "$build_dir"
bench/web_pages.sh "$build_dir"
