#!/usr/bin/env bash
# GET /api/v1/health (one read transaction on SQLite, a small JSON answer)
# against nginx serving the same bytes as a static file: the cost of our
# whole request path — router, worker hand-off, database, headers — over
# the fastest static server there is.
#
#   bench/http_health.sh [BUILD_DIR] [ROUNDS] [SECONDS] [CONNECTIONS]
#
# Rounds alternate between the two servers; the medians are reported.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
rounds=${2:-3}
seconds=${3:-10}
connections=${4:-64}
source bench/lib.sh

app_port=$(free_port)
start_dichtbij "$build_dir" "$app_port" DICHTBIJ_DATABASE_URL="sqlite:$bench_work/bench.db"
mkdir -p "$bench_work/www"
curl -fsS "http://127.0.0.1:$app_port/api/v1/health" >"$bench_work/www/health.json"
nginx_port=$(free_port)
start_nginx "$bench_work/www" "$nginx_port"
wait_for "http://127.0.0.1:$nginx_port/health.json"

compare_with_nginx "GET /api/v1/health" "http://127.0.0.1:$app_port/api/v1/health" "http://127.0.0.1:$nginx_port/health.json" "$rounds" "$seconds" "$connections"
