# Sourced by scripts/web-test.sh and bench/web_pages.sh: `dichtbij serve`
# with the web app and demo data in a temporary SQLite file, on a free port,
# stopped (and its files removed) when the sourcing script exits.
#
#   start_demo_server BINARY   sets demo_url, demo_log and demo_server_pid

demo_scratch=$(mktemp -d)
demo_server_pid=
demo_log=$demo_scratch/serve.log
stop_demo_server() {
  if [[ -n $demo_server_pid ]] && kill -0 "$demo_server_pid" 2>/dev/null; then
    kill "$demo_server_pid"
    wait "$demo_server_pid" 2>/dev/null || true
  fi
  rm -rf "$demo_scratch"
}
trap stop_demo_server EXIT

start_demo_server() {
  local binary=$1
  "$binary" demo --households 300 --seed 1 --database "sqlite:$demo_scratch/demo.db" \
    >"$demo_scratch/demo.log" 2>&1 || {
    cat "$demo_scratch/demo.log" >&2
    return 1
  }
  DICHTBIJ_PORT=0 DICHTBIJ_DATABASE_URL="sqlite:$demo_scratch/demo.db" \
    DICHTBIJ_STATIC_DIR="$PWD/web/dist" "$binary" serve >"$demo_log" 2>&1 &
  demo_server_pid=$!
  demo_url=
  for _ in $(seq 1 300); do
    demo_url=$(grep -o 'listening on http://[0-9.:]*' "$demo_log" | head -n 1 | sed 's/listening on //' || true)
    [[ -n $demo_url ]] && return 0
    if ! kill -0 "$demo_server_pid" 2>/dev/null; then
      cat "$demo_log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "the demo server did not start" >&2
  cat "$demo_log" >&2
  return 1
}
