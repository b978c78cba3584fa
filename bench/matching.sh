#!/usr/bin/env bash
# bench/matching.sh [BUILD_DIR] [ROUNDS]: the matching of help requests to
# volunteers (issue 8, docs/matching.md).
#
# 1. The city: 5,000 open requests and 20,000 volunteers on the Amsterdam
#    buurt model (bench/matching/matching_bench.cpp), ROUNDS runs (default
#    5), each timing the optimal assignment (min-cost flow) and the greedy
#    baseline; medians of wall and CPU seconds and peak RSS, total score and
#    unmatched requests of both. Then a scarce city (5,000 requests, 2,500
#    volunteers), where the two differ most.
# 2. Optimality against scipy.optimize.linear_sum_assignment with capacities
#    expanded (bench/matching/scipy_check.py) on instances small enough for
#    scipy's dense matrix: 400 x 1,600, 1,000 x 500 (scarce) and 1,500 x
#    6,000, three seeds each.
#    Any difference fails the benchmark.
#
# The bar (issue 8): optimal, under 2 s for the city.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rounds=${2:-5}
python=/usr/bin/python3  # Debian's, with python3-scipy
cmake --build "$build" --target matching_bench >/dev/null
bench="$build/bench/matching_bench"
work=$(mktemp -d /tmp/dichtbij-matching.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "city: 5000 requests, 20000 volunteers, $rounds rounds" >&2
for round in $(seq "$rounds"); do
  "$bench" --requests 5000 --volunteers 20000 --seed 1 >>"$work/city.jsonl"
done

echo "scarce: 5000 requests, 2500 volunteers, $rounds rounds" >&2
for round in $(seq "$rounds"); do
  "$bench" --requests 5000 --volunteers 2500 --seed 1 >>"$work/scarce.jsonl"
done

echo "optimality against scipy" >&2
for size in "400 1600" "1000 500" "1500 6000"; do
  set -- $size
  for seed in 1 2 3; do
    "$bench" --requests "$1" --volunteers "$2" --seed "$seed" --export "$work/instance.txt" \
      >>"$work/small.jsonl"
    "$python" bench/matching/scipy_check.py "$work/instance.txt" >>"$work/scipy.jsonl"
  done
done

"$python" - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
med = lambda key, rows: statistics.median(r[key] for r in rows)
print(f"| instance | algorithm | wall s (median) | CPU s (median) | peak RSS MiB | total score | matched | unmatched |")
print(f"|---|---|---|---|---|---|---|---|")
for name in ("city", "scarce"):
    runs = [json.loads(l) for l in open(f"{work}/{name}.jsonl")]
    greedy = [r["greedy"] for r in runs]
    size = f"{runs[0]['requests']:,} × {runs[0]['volunteers']:,}"
    print(f"| {size} | min-cost flow (optimal) | {med('seconds', runs):.3f} | {med('cpuSeconds', runs):.3f} "
          f"| {med('peakRssMiB', runs):.1f} | {runs[0]['totalScore']:,} | {runs[0]['matched']:,} | {runs[0]['unmatched']:,} |")
    print(f"| {size} | greedy baseline | {med('seconds', greedy):.3f} | {med('cpuSeconds', greedy):.3f} | — "
          f"| {greedy[0]['totalScore']:,} | {greedy[0]['matched']:,} | {greedy[0]['unmatched']:,} |")
    assert len({r["totalScore"] for r in runs}) == 1, "not deterministic"
    print(f"<!-- {name}: feasible pairs {runs[0]['candidatePairs']:,}; pairs in the final flow "
          f"{runs[0]['pricedPairs']:,}; flows solved {runs[0]['rounds']}; input RSS "
          f"{med('inputRssMiB', runs):.1f} MiB; wall s {[r['seconds'] for r in runs]}; "
          f"CPU s {[r['cpuSeconds'] for r in runs]} -->")
small = [json.loads(l) for l in open(f"{work}/small.jsonl")]
scipy = [json.loads(l) for l in open(f"{work}/scipy.jsonl")]
print("\n| requests × volunteers | seed | dichtbij score | scipy score | dichtbij matched | scipy matched | greedy score | scipy s |")
print("|---|---|---|---|---|---|---|---|")
failed = False
for ours, theirs in zip(small, scipy):
    same = ours["totalScore"] == theirs["totalScore"]
    failed |= not same
    print(f"| {ours['requests']:,} × {ours['volunteers']:,} | {ours['seed']} | {ours['totalScore']:,} "
          f"| {theirs['totalScore']:,} | {ours['matched']:,} | {theirs['matched']:,} "
          f"| {ours['greedy']['totalScore']:,} | {theirs['seconds']} |" + ("" if same else " **DIFFERS**"))
if failed:
    sys.exit("the assignment is not optimal on some instance")
PY
