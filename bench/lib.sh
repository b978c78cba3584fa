# Shared by the benchmark scripts: free ports, servers that stop with the
# script, wrk runs and medians. Source it; it sets a trap on EXIT.

# The peers and tools the benchmarks run (quiet when they are there).
scripts/install-deps.sh bench/debian-packages.txt

bench_work=$(mktemp -d /tmp/dichtbij-bench.XXXXXX)
chmod 755 "$bench_work"
bench_pids=()
bench_cleanup() {
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$bench_work"
}
trap bench_cleanup EXIT

free_port() {
  local p
  # Below the ephemeral range (32768-60999): a client socket there can hold a
  # port that nothing listens on.
  for p in $(shuf -i 20000-32000 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}

wait_for() {
  for _ in $(seq 200); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "bench: $1 did not come up" >&2
  return 1
}

# start_dichtbij BUILD_DIR PORT [VAR=VALUE…]: serves in the background.
start_dichtbij() {
  local build_dir=$1 port=$2
  shift 2
  env DICHTBIJ_PORT="$port" DICHTBIJ_LOG_LEVEL=warn "$@" "$build_dir/src/dichtbij" serve \
    2>>"$bench_work/dichtbij.log" &
  bench_pids+=($!)
  wait_for "http://127.0.0.1:$port/api/v1/health"
}

# sign_in BUILD_DIR DATABASE_URL API [USERNAME [ROLE [USER_ADD_ARGS…]]]:
# adds the account (as `dichtbij user add` does; default "bench", a
# professional) and signs in; sets bench_cookie ("dichtbij_session=…") and
# bench_csrf, which every request then carries.
sign_in() {
  local build_dir=$1 url=$2 api=$3 username=${4:-bench} role=${5:-professional}
  local password="wrk load passphrase" answer
  shift $(($# < 5 ? $# : 5))
  printf '%s\n' "$password" |
    env DICHTBIJ_DATABASE_URL="$url" DICHTBIJ_LOG_LEVEL=warn "$build_dir/src/dichtbij" \
      user add "$username" --role "$role" "$@" >/dev/null
  answer=$(curl -fsS -D "$bench_work/session.headers" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$username\",\"password\":\"$password\"}" "$api/session")
  bench_csrf=$(echo "$answer" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
  bench_cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: \(dichtbij_session=[^;]*\).*/\1/p' \
    "$bench_work/session.headers")
  [[ -n "$bench_csrf" && -n "$bench_cookie" ]] || { echo "bench: cannot sign in" >&2; exit 1; }
}

# stop_last: stops the server started last.
stop_last() {
  local pid=${bench_pids[-1]}
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
  unset 'bench_pids[-1]'
}

# start_nginx ROOT PORT: serves ROOT's files with the JSON MIME type.
start_nginx() {
  local root=$1 port=$2
  cat >"$bench_work/nginx.conf" <<CONF
worker_processes auto;
pid $bench_work/nginx.pid;
error_log $bench_work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server {
    listen 127.0.0.1:$port;
    root $root;
  }
}
CONF
  nginx -p "$bench_work" -c "$bench_work/nginx.conf" -g 'daemon off;' &
  bench_pids+=($!)
}

# measure URL CONNECTIONS SECONDS [wrk args…]: prints "requests_per_second
# p99_ms non_2xx" for one wrk run, and leaves the number of answers wrk
# counted in $bench_work/last_requests.
measure() {
  local url=$1 connections=$2 seconds=$3
  shift 3
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url" |
    awk -v requests_file="$bench_work/last_requests" '
    /Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    / requests in / { print $1 > requests_file }
    $1 == "99%" {
      v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v)
      if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000
      p99 = v
    }
    END { printf "%.0f %.2f %d\n", rps, p99, bad }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# compare_with_nginx TITLE APP_URL NGINX_URL ROUNDS SECONDS CONNECTIONS
# [APP_HEADER]: alternates wrk runs on the two URLs (the app's with the
# header, e.g. its session cookie), then prints the medians as a table and
# the ratio.
compare_with_nginx() {
  local title=$1 app_url=$2 nginx_url=$3 rounds=$4 seconds=$5 connections=$6 app_header=${7:-}
  local app_args=()
  [[ -n "$app_header" ]] && app_args=(-H "$app_header")
  : >"$bench_work/app.txt"
  : >"$bench_work/app_requests.txt"
  : >"$bench_work/nginx.txt"
  for round in $(seq "$rounds"); do
    measure "$app_url" "$connections" "$seconds" "${app_args[@]}" >>"$bench_work/app.txt"
    cat "$bench_work/last_requests" >>"$bench_work/app_requests.txt"
    measure "$nginx_url" "$connections" "$seconds" >>"$bench_work/nginx.txt"
    echo "round $round: dichtbij $(tail -n1 "$bench_work/app.txt")  nginx $(tail -n1 "$bench_work/nginx.txt")  (req/s p99_ms non2xx)"
  done
  local app_rps app_p99 nginx_rps nginx_p99
  app_rps=$(cut -d' ' -f1 "$bench_work/app.txt" | median)
  app_p99=$(cut -d' ' -f2 "$bench_work/app.txt" | median)
  nginx_rps=$(cut -d' ' -f1 "$bench_work/nginx.txt" | median)
  nginx_p99=$(cut -d' ' -f2 "$bench_work/nginx.txt" | median)
  echo
  echo "$title, wrk -t2 -c$connections -d${seconds}s, median of $rounds rounds"
  echo "| server | req/s | p99 ms |"
  echo "|---|---|---|"
  echo "| dichtbij (SQLite) | $app_rps | $app_p99 |"
  echo "| nginx static file | $nginx_rps | $nginx_p99 |"
  echo "ratio dichtbij/nginx: $(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", a / n }')"
}
