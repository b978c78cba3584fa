#!/usr/bin/python3
"""Checks the matching benchmark's optimum against scipy.

Reads an instance exported by matching_bench --export (every feasible pair's
points, every volunteer place's spreading points), expands each volunteer's
capacity into one column per free place, adds one "unmatched" column per
request, and solves the assignment with scipy.optimize.linear_sum_assignment
(dense: keep the instance small enough for requests x columns doubles).
Prints the optimum; matching.sh compares it with Dichtbij's total score.

  scipy_check.py INSTANCE
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main(path):
    requests = []  # per request: [(volunteer, points)]
    places = {}  # volunteer -> [spreading points of place 0, 1, ...]
    with open(path) as instance:
        for line in instance:
            parts = line.split()
            if parts[0] == "r":
                requests.append([tuple(map(int, p.split(":"))) for p in parts[2:]])
            else:
                places[int(parts[1])] = [int(p) for p in parts[2:]]
    columns = {}  # (volunteer, place) -> column
    for volunteer in sorted(places):
        for k in range(len(places[volunteer])):
            columns[(volunteer, k)] = len(columns)
    unmatched_first = len(columns)
    n_rows = len(requests)
    n_columns = unmatched_first + n_rows
    # Maximise: scipy minimises cost, so points are negated. A pair that
    # breaks a hard constraint has no entry; it costs more than staying
    # unmatched (0), so it is never chosen.
    forbidden = 1.0e9
    cost = np.full((n_rows, n_columns), forbidden)
    cost[:, unmatched_first:] = 0.0
    for r, pairs in enumerate(requests):
        for volunteer, points in pairs:
            for k, spreading in enumerate(places[volunteer]):
                cost[r, columns[(volunteer, k)]] = -(points + spreading)
    start = time.perf_counter()
    rows, cols = linear_sum_assignment(cost)
    seconds = time.perf_counter() - start
    chosen = cost[rows, cols]
    assert (chosen < forbidden).all()
    total = int(round(-chosen.sum()))
    matched = int((cols < unmatched_first).sum())
    print(json.dumps({"requests": n_rows, "columns": n_columns, "totalScore": total,
                      "matched": matched, "seconds": round(seconds, 3)}))


if __name__ == "__main__":
    main(sys.argv[1])
