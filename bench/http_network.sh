#!/usr/bin/env bash
# GET /api/v1/households/{id}/network for a household with 30 network persons
# and a year of support acts, against nginx serving the same JSON as a
# static file, side by side.
#
#   bench/http_network.sh [BUILD_DIR] [ROUNDS] [SECONDS] [CONNECTIONS]
#
# BENCH_ENV="DICHTBIJ_WORKER_THREADS=64" (any VAR=VALUE words) configures
# the server beyond the defaults.
#
# Signed in, and every read an audit event committed before the answer.
# Bar (issue 3, before sign-in and auditing): ratio >= 0.5 and p99 <= 20 ms;
# (issue 4, with them): ratio >= 0.25, p99 <= 50 ms, audit verify passes.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
rounds=${2:-3}
seconds=${3:-15}
connections=${4:-64}
source bench/lib.sh

app_port=$(free_port)
# shellcheck disable=SC2086 # BENCH_ENV holds several words
start_dichtbij "$build_dir" "$app_port" DICHTBIJ_DATABASE_URL="sqlite:$bench_work/bench.db" ${BENCH_ENV:-}
api="http://127.0.0.1:$app_port/api/v1"
# An administrator registers the organisation, the practice and the people.
sign_in "$build_dir" "sqlite:$bench_work/bench.db" "$api" beheer admin

# post PATH JSON: creates and prints the new id.
post() {
  curl -fsS -X POST -H 'Content-Type: application/json' -H "Cookie: $bench_cookie" \
    -H "X-CSRF-Token: $bench_csrf" -d "$2" "$api$1" |
    sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p'
}

organisation=$(post /organisations '{"name":"Buurtteam","kind":"welfare","formal":true}')
practice=$(post /practices '{"name":"Maatjes","targetGroups":["severeLoneliness"]}')
worker=$(post /persons "{\"displayName\":\"Sem (buurtteam)\",\"roles\":[{\"role\":\"professional\",\"from\":\"2020-01-01\"}],\"memberships\":[{\"organisationId\":\"$organisation\",\"from\":\"2020-01-01\"}]}")
client=$(post /persons '{"displayName":"Meneer De Boer","roles":[{"role":"client","from":"2025-01-01"}]}')
network=()
relations=(child friend neighbour sibling volunteer mentor peer otherFamily)
for i in $(seq 30); do
  network+=("$(post /persons "{\"displayName\":\"Netwerk $i\",\"memberships\":[{\"organisationId\":\"$organisation\",\"from\":\"2024-01-01\"}]}")")
done
# The real path of a user from here on: a professional on the household's
# team, signed in; the need-to-know policy decides every request, and every
# read is an audit event.
sign_in "$build_dir" "sqlite:$bench_work/bench.db" "$api" bench professional --person "$worker"
household=$(post /households "{\"kind\":\"person\",\"name\":\"De Boer\",\"targetGroup\":\"severeLoneliness\",\"status\":\"active\",\"practiceIds\":[\"$practice\"],\"members\":[{\"personId\":\"$client\",\"from\":\"2025-01-01\"}],\"team\":[{\"personId\":\"$worker\",\"from\":\"2025-01-01\"}]}")
for i in $(seq 0 29); do
  closeness=$((i % 3 + 1))
  post "/households/$household/ties" "{\"personId\":\"${network[$i]}\",\"otherPersonId\":\"$client\",\"relationKind\":\"${relations[$((i % 8))]}\",\"supportTypes\":[\"emotional\",\"practical\"],\"closeness\":$closeness,\"direction\":\"gives\",\"quality\":\"ordinary\",\"from\":\"2025-01-01\"}" >/dev/null
done
for day in $(seq 0 364); do
  date=$(date -d "2025-11-01 + $day days" +%F)
  for n in 0 1; do
    provider=${network[$(((day * 2 + n) % 30))]}
    post /support-acts "{\"date\":\"$date\",\"householdId\":\"$household\",\"providerId\":\"$provider\",\"receiverId\":\"$client\",\"supportType\":\"practical\",\"mode\":\"inPerson\",\"mobilisedBy\":\"network\"}" >/dev/null
  done
done
url="$api/households/$household/network?date=2026-10-31"
mkdir -p "$bench_work/www"
curl -fsS -H "Cookie: $bench_cookie" "$url" >"$bench_work/www/network.json"
echo "network: $(grep -o '"kind":"person"' "$bench_work/www/network.json" | wc -l) network persons," \
  "$(wc -c <"$bench_work/www/network.json") bytes, 730 support acts"

nginx_port=$(free_port)
start_nginx "$bench_work/www" "$nginx_port"
wait_for "http://127.0.0.1:$nginx_port/network.json"

# audit_events: the number of events in a verified chain.
audit_events() {
  env DICHTBIJ_DATABASE_URL="sqlite:$bench_work/bench.db" DICHTBIJ_LOG_LEVEL=warn \
    "$build_dir/src/dichtbij" audit verify 2>&1 | tee "$bench_work/verify.txt" |
    sed -n 's/.*intact: \([0-9]*\) events.*/\1/p'
}
events_before=$(audit_events)
compare_with_nginx "GET …/network (30 persons, a year of acts), signed in and audited" "$url" \
  "http://127.0.0.1:$nginx_port/network.json" "$rounds" "$seconds" "$connections" \
  "Cookie: $bench_cookie"
events_after=$(audit_events)
echo "audit verify: $(cat "$bench_work/verify.txt")"
# One event per answer: wrk counts the answers it received; those still in
# flight when a run stops (at most one per connection) were audited but not
# counted.
answered=$(awk '{ s += $1 } END { print s }' "$bench_work/app_requests.txt")
added=$((events_after - events_before))
echo "audit events added: $added for $answered answers counted by wrk"
if [[ -z "$events_after" || $added -lt $answered || $added -gt $((answered + rounds * connections)) ]]; then
  echo "bench: the audit log does not hold one event per answered request" >&2
  exit 1
fi
# Every answer must have been the ecomap: a refusal is cheaper and would
# flatter the figures.
refused=$(awk '{ s += $3 } END { print s + 0 }' "$bench_work/app.txt")
if [[ $refused -ne 0 ]]; then
  echo "bench: $refused answers were not 2xx" >&2
  exit 1
fi
