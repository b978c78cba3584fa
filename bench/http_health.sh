#!/usr/bin/env bash
# GET /api/v1/health (one read transaction on SQLite, a small JSON answer)
# against nginx serving the same bytes as a static file: the cost of our
# whole request path — router, worker hand-off, database, headers, log line —
# over the fastest static server there is.
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

work=$(mktemp -d /tmp/dichtbij-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}

wait_for() {
  for _ in $(seq 100); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: $1 did not come up" >&2
  return 1
}

app_port=$(free_port)
DICHTBIJ_PORT=$app_port DICHTBIJ_DATABASE_URL="sqlite:$work/bench.db" DICHTBIJ_LOG_LEVEL=warn \
  "$build_dir/src/dichtbij" serve 2>"$work/dichtbij.log" &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/api/v1/health"

mkdir -p "$work/www"
curl -fsS "http://127.0.0.1:$app_port/api/v1/health" >"$work/www/health.json"
nginx_port=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_for "http://127.0.0.1:$nginx_port/health.json"

# Prints "requests_per_second p99_ms" for one wrk run.
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v)
      if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000
      p99 = v
    }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

: >"$work/app.txt"
: >"$work/nginx.txt"
for round in $(seq "$rounds"); do
  measure "http://127.0.0.1:$app_port/api/v1/health" >>"$work/app.txt"
  measure "http://127.0.0.1:$nginx_port/health.json" >>"$work/nginx.txt"
  echo "round $round: dichtbij $(tail -n1 "$work/app.txt")  nginx $(tail -n1 "$work/nginx.txt")  (req/s p99_ms)"
done

app_rps=$(cut -d' ' -f1 "$work/app.txt" | median)
app_p99=$(cut -d' ' -f2 "$work/app.txt" | median)
nginx_rps=$(cut -d' ' -f1 "$work/nginx.txt" | median)
nginx_p99=$(cut -d' ' -f2 "$work/nginx.txt" | median)
ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", a / n }')
echo
echo "GET /api/v1/health, wrk -t2 -c$connections -d${seconds}s, median of $rounds rounds"
echo "| server | req/s | p99 ms |"
echo "|---|---|---|"
echo "| dichtbij (SQLite) | $app_rps | $app_p99 |"
echo "| nginx static file | $nginx_rps | $nginx_p99 |"
echo "ratio dichtbij/nginx: $ratio"
