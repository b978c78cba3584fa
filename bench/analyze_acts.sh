#!/usr/bin/env bash
# bench/analyze_acts.sh [BUILD_DIR] [HOUSEHOLDS] [SEED] [ROUNDS]
#
# Mobilisation and collaboration over every support act of the city-scale
# demo (issue 6: 10 million acts, bar 2 s each): `dichtbij analyze
# mobilisation|collaboration` against the sqlite3 command line running the
# equivalent GROUP BY (bench/sql/*.sql, the same SQL as store/analysis_query)
# on the same file. Uses the demo database of bench/analyze_households.sh.
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
from=${BENCH_FROM:-2000-01-01}
to=${BENCH_TO:-$(date -u +%F)}
mkdir -p "$cache"
if [[ ! -f "$database" ]]; then
  DICHTBIJ_DATABASE_URL="sqlite:$database" DICHTBIJ_LOG_LEVEL=warn \
    "$binary" demo --households "$households" --seed "$seed"
fi
export DICHTBIJ_DATABASE_URL="sqlite:$database" DICHTBIJ_LOG_LEVEL=warn
echo "analyze_acts: $(sqlite3 "$database" 'SELECT COUNT(*) FROM support_acts') support acts," \
  "$from … $to"

median() { sort -g | sed -n "$(((rounds + 1) / 2))p"; }
timed() {
  local i
  for ((i = 0; i < rounds; i++)); do
    /usr/bin/time -f "%e" -o "$bench_work/time" "$@" >/dev/null
    cat "$bench_work/time"
  done | median
}

printf '| analysis | dichtbij s | sqlite3 CLI s |\n|---|---|---|\n'
for analysis in mobilisation collaboration; do
  ours=$(timed "$binary" analyze "$analysis" --from "$from" --to "$to" --out "$bench_work/$analysis.csv")
  sed -e "s/:from/'$from'/g" -e "s/:to/'$to'/g" "bench/sql/$analysis.sql" >"$bench_work/$analysis.sql"
  theirs=$(timed sqlite3 "$database" ".read $bench_work/$analysis.sql")
  printf '| %s | %s | %s |\n' "$analysis" "$ours" "$theirs"
done
