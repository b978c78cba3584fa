#!/usr/bin/python3
"""Compares a peer's CSV of household measures with Dichtbij's, on the
peer's columns, to 1e-9; exits 1 listing the first differences.

    compare_measures.py DICHTBIJ.csv PEER.csv
"""
import csv
import math
import sys


def main(ours, theirs):
    with open(ours, newline="") as f:
        rows = {row["household"]: row for row in csv.DictReader(f)}
    problems, compared, households = [], 0, 0
    with open(theirs, newline="") as f:
        for row in csv.DictReader(f):
            households += 1
            mine = rows.get(row["household"])
            if mine is None:
                problems.append(f"{row['household']}: not in {ours}")
                continue
            for column, value in row.items():
                if column == "household":
                    continue
                compared += 1
                a, b = mine[column], value
                same = a == b if "" in (a, b) else math.isclose(
                    float(a), float(b), rel_tol=0.0, abs_tol=1e-9)
                if not same:
                    problems.append(f"{row['household']} {column}: dichtbij {a!r}, peer {b!r}")
    if households != len(rows):
        problems.append(f"{households} households in {theirs}, {len(rows)} in {ours}")
    for problem in problems[:20]:
        print(problem)
    print(f"compare: {households} households, {compared} values, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
