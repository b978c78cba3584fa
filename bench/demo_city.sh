#!/usr/bin/env bash
# City-scale demo data (issue 5): `dichtbij demo --households 50000` into an
# empty SQLite file and into an empty database on a throwaway PostgreSQL
# server, each timed with GNU time: wall time and the peak resident memory
# of the dichtbij process (the PostgreSQL server's own memory is not in
# it). The bar: under 5 minutes and under 2 GB on each engine.
#   bench/demo_city.sh [BUILD_DIR] [HOUSEHOLDS] [SEED]
# PostgreSQL runs with fsync on (WITH_POSTGRES_DURABLE=1), as SQLite keeps
# synchronous=FULL: a commit that returned is on disk on both.
# Not part of `make test`; `make bench` does not run it either (it takes
# about ten minutes and writes several GB): run it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
households=${2:-50000}
seed=${3:-1}
binary="$build_dir/src/dichtbij"
[[ -x "$binary" ]] || { echo "demo_city: build $binary first" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "demo_city: needs GNU time (Debian package time)" >&2; exit 1; }

if [[ -z "${TEST_POSTGRES_URL:-}" ]]; then
  # Start a durable throwaway PostgreSQL and run this script again beside it.
  exec env WITH_POSTGRES_DURABLE=1 scripts/with-postgres.sh "$0" "$@"
fi

source bench/lib.sh

# run_demo LABEL DATABASE_URL: one timed run; sets row to "label | wall |
# cpu | rss" and prints dichtbij's summary line to stderr.
run_demo() {
  local label=$1 url=$2
  /usr/bin/time -v -o "$bench_work/time.txt" "$binary" demo --households "$households" \
    --seed "$seed" --database "$url" >"$bench_work/out.txt" 2>"$bench_work/err.txt" || {
    cat "$bench_work/err.txt" >&2
    exit 1
  }
  local wall user sys rss_kb
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$bench_work/time.txt")
  user=$(sed -n 's/.*User time (seconds): //p' "$bench_work/time.txt")
  sys=$(sed -n 's/.*System time (seconds): //p' "$bench_work/time.txt")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$bench_work/time.txt")
  echo "$label: $(grep '^demo data' "$bench_work/out.txt")" >&2
  row="| $label | $wall | ${user} s + ${sys} s | $((rss_kb / 1024)) MB"
}

echo "== dichtbij demo --households $households --seed $seed, $(nproc) cores," \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| engine | wall time | CPU user + system (dichtbij) | peak RSS (dichtbij) | database size |"
echo "|---|---|---|---|---|"
sqlite_file="$bench_work/demo.db"
run_demo SQLite "sqlite:$sqlite_file"
echo "$row | $(du -shc "$sqlite_file"* | tail -n1 | cut -f1) |"
rm -f "$sqlite_file"*

psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/psql
"$psql_bin" -q "$TEST_POSTGRES_URL/postgres" -c "CREATE DATABASE demo_city"
run_demo PostgreSQL "$TEST_POSTGRES_URL/demo_city"
size=$("$psql_bin" -At "$TEST_POSTGRES_URL/postgres" -c \
  "SELECT pg_size_pretty(pg_database_size('demo_city'))")
echo "$row | $size |"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
