#!/usr/bin/env bash
# Durable POST /api/v1/support-acts: acknowledged writes per second and p99
# at 64 connections, with group commit and with one transaction per write
# (the baseline), on SQLite and on a PostgreSQL server with fsync on —
# side by side in one run. After each run the number of stored acts is
# checked against the number of acknowledged (201) answers. An administrator
# sets up the practice and the people; the writes come from a signed-in
# professional on the household's team, as in bench/http_network.sh.
#
#   bench/write_support_acts.sh [BUILD_DIR] [ROUNDS] [SECONDS] [CONNECTIONS]
#
# Needs TEST_POSTGRES_URL of a durable server: bench/run.sh starts one with
# WITH_POSTGRES_DURABLE=1 scripts/with-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
rounds=${2:-3}
seconds=${3:-10}
connections=${4:-64}
source bench/lib.sh
[[ -n "${TEST_POSTGRES_URL:-}" ]] || { echo "bench: TEST_POSTGRES_URL is not set" >&2; exit 1; }

# run ENGINE GROUP_COMMIT: one round; prints "rps p99 non2xx stored acknowledged".
run() {
  local engine=$1 group_commit=$2 url port api household client helper
  if [[ $engine == sqlite ]]; then
    rm -f "$bench_work"/writes.db*
    url="sqlite:$bench_work/writes.db"
  else
    local name="bench_$RANDOM$RANDOM"
    psql -q "$TEST_POSTGRES_URL/postgres" -c "CREATE DATABASE $name"
    url="$TEST_POSTGRES_URL/$name"
  fi
  port=$(free_port)
  # Many worker threads, so that many writes wait at once and can share a commit.
  start_dichtbij "$build_dir" "$port" DICHTBIJ_DATABASE_URL="$url" DICHTBIJ_WORKER_THREADS=64 \
    DICHTBIJ_GROUP_COMMIT="$group_commit"
  api="http://127.0.0.1:$port/api/v1"
  # An administrator registers the practice and the people.
  sign_in "$build_dir" "$url" "$api" beheer admin
  post() {
    curl -fsS -X POST -H 'Content-Type: application/json' -H "Cookie: $bench_cookie" \
      -H "X-CSRF-Token: $bench_csrf" -d "$2" "$api$1" |
      sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p'
  }
  local practice worker
  practice=$(post /practices '{"name":"Bench","targetGroups":["other"]}')
  worker=$(post /persons '{"displayName":"Werker","roles":[{"role":"professional","from":"2020-01-01"}]}')
  client=$(post /persons '{"displayName":"Ontvanger"}')
  helper=$(post /persons '{"displayName":"Helper"}')
  # The real path of a user from here on: a professional on the household's
  # team, signed in; the need-to-know policy decides every write, and every
  # write appends an audit event.
  sign_in "$build_dir" "$url" "$api" bench professional --person "$worker"
  household=$(post /households "{\"kind\":\"person\",\"name\":\"Bench\",\"targetGroup\":\"other\",\"status\":\"active\",\"practiceIds\":[\"$practice\"],\"members\":[{\"personId\":\"$client\",\"from\":\"2025-01-01\"}],\"team\":[{\"personId\":\"$worker\",\"from\":\"2025-01-01\"}]}")
  [[ -n "$household" ]] || { echo "bench: the professional could not create the household" >&2; exit 1; }
  cat >"$bench_work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$bench_cookie"
wrk.headers["X-CSRF-Token"] = "$bench_csrf"
wrk.body = '{"date":"2026-11-01","householdId":"$household","providerId":"$helper","receiverId":"$client","supportType":"practical","mode":"inPerson","mobilisedBy":"network"}'
done = function(summary, latency, requests)
  io.stderr:write(string.format("acknowledged %d\n", summary.requests - summary.errors.status))
end
LUA
  local result acknowledged stored
  result=$(measure "$api/support-acts" "$connections" "$seconds" -s "$bench_work/post.lua" 2>"$bench_work/wrk.err")
  acknowledged=$(sed -n 's/acknowledged //p' "$bench_work/wrk.err")
  stored=$(curl -fsS -H "Cookie: $bench_cookie" "$api/support-acts?pageSize=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  stop_last
  echo "$result $stored $acknowledged"
}

printf '| engine | commit | req/s | p99 ms | acts stored | 201s counted by wrk |\n|---|---|---|---|---|---|\n' >"$bench_work/table.md"
for engine in sqlite postgresql; do
  for group_commit in false true; do
    : >"$bench_work/runs.txt"
    for round in $(seq "$rounds"); do
      line=$(run "$engine" "$group_commit")
      echo "$engine group_commit=$group_commit round $round: $line (req/s p99_ms non2xx stored acknowledged)"
      echo "$line" >>"$bench_work/runs.txt"
      read -r _ _ non2xx stored acknowledged <<<"$line"
      if [[ "$non2xx" != 0 || "$stored" -lt "$acknowledged" ]]; then
        echo "bench: an acknowledged write is missing or a write failed" >&2
        exit 1
      fi
    done
    rps=$(cut -d' ' -f1 "$bench_work/runs.txt" | median)
    p99=$(cut -d' ' -f2 "$bench_work/runs.txt" | median)
    stored=$(cut -d' ' -f4 "$bench_work/runs.txt" | median)
    acknowledged=$(cut -d' ' -f5 "$bench_work/runs.txt" | median)
    mode=$([[ $group_commit == true ]] && echo "group commit" || echo "one per write")
    echo "| $engine | $mode | $rps | $p99 | $stored | $acknowledged |" >>"$bench_work/table.md"
  done
done
echo
echo "POST /api/v1/support-acts, wrk -t2 -c$connections -d${seconds}s, medians of $rounds rounds"
cat "$bench_work/table.md"
