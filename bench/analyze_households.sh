#!/usr/bin/env bash
# bench/analyze_households.sh [BUILD_DIR] [HOUSEHOLDS] [SEED] [ROUNDS]
#
# All per-household measures of the city-scale demo (issue 6: 50,000
# households): `dichtbij analyze households` against networkx and
# python-igraph computing the same from the same GraphML export, in the same
# run. Each peer's results must equal Dichtbij's to 1e-9 (compare_measures.py)
# or the benchmark fails. Wall time: median of ROUNDS; peak memory (max RSS)
# from /usr/bin/time. The demo database is generated once with `dichtbij demo`
# and kept in BENCH_CACHE (default ~/.cache/dichtbij-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_dir=${1:-build}
households=${2:-50000}
seed=${3:-1}
rounds=${4:-3}
binary="$build_dir/src/dichtbij"
cache=${BENCH_CACHE:-$HOME/.cache/dichtbij-bench}
database="$cache/demo-$households-$seed.db"
day=${BENCH_DAY:-$(date -u +%F)}
mkdir -p "$cache"

if [[ ! -f "$database" ]]; then
  echo "analyze_households: generating $households demo households (seed $seed) into $database"
  DICHTBIJ_DATABASE_URL="sqlite:$database" DICHTBIJ_LOG_LEVEL=warn \
    "$binary" demo --households "$households" --seed "$seed"
fi
export DICHTBIJ_DATABASE_URL="sqlite:$database" DICHTBIJ_LOG_LEVEL=warn

# The export the peers read, written once (not timed).
export_file="$bench_work/households.graphml"
"$binary" analyze households --to "$day" --out "$bench_work/dichtbij.csv" --graphml "$export_file"
echo "analyze_households: $(($(wc -l <"$bench_work/dichtbij.csv") - 1)) households," \
  "export $(du -h "$export_file" | cut -f1), day $day"

# run NAME COMMAND…: ROUNDS timed runs; prints "NAME median_seconds peak_kib".
run() {
  local name=$1
  shift
  local times=() peak=0 i
  for ((i = 0; i < rounds; i++)); do
    /usr/bin/time -f "%e %M" -o "$bench_work/time" "$@" >/dev/null
    read -r seconds kib <"$bench_work/time"
    times+=("$seconds")
    ((kib > peak)) && peak=$kib
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((rounds + 1) / 2))p")
  echo "$name $median $peak"
}

results=()
results+=("$(run dichtbij "$binary" analyze households --to "$day" --out "$bench_work/timed.csv")")
results+=("$(run networkx /usr/bin/python3 bench/peers/households_networkx.py "$export_file" \
  "$bench_work/networkx.csv")")
results+=("$(run python-igraph /usr/bin/python3 bench/peers/households_igraph.py "$export_file" \
  "$bench_work/igraph.csv")")

/usr/bin/python3 bench/peers/compare_measures.py "$bench_work/dichtbij.csv" "$bench_work/networkx.csv"
/usr/bin/python3 bench/peers/compare_measures.py "$bench_work/dichtbij.csv" "$bench_work/igraph.csv"

read -r _ ours_seconds _ <<<"${results[0]}"
printf '\n| program | wall s (median of %d) | peak RSS MiB | dichtbij faster by |\n|---|---|---|---|\n' \
  "$rounds"
for line in "${results[@]}"; do
  read -r name seconds kib <<<"$line"
  ratio=$(awk -v a="$seconds" -v b="$ours_seconds" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')
  printf '| %s | %s | %d | %s |\n' "$name" "$seconds" $((kib / 1024)) "$ratio"
done
