#!/usr/bin/env python3
"""Precision on the seeded samples of a study, before and after (not a test).

    python bench/sample_precision.py BEFORE/study.json [AFTER/study.json] [--triage FILE] [--seed 61] [--size 60]

Draws, for each C checker, ``random.Random(seed).sample()`` of ``size`` findings of the BEFORE study
(sorted by path, line and function first, as the triage of issue 10 did), reads their verdicts from the
triage CSV (matched by file under the tree, function, line and rule) and prints real / false / unsure and
precision.  With AFTER (a later study of the same tree), it also prints the same for the sampled findings
AFTER still reports (matched by file, function and rule: lines move when a message changes, functions do
not), which is the precision of the current checkers on the same draw.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKERS = ("sleep-in-atomic", "hotunplug-race", "null-return", "lock-imbalance", "user-pointer-deref")


def _findings(path: str) -> tuple[str, list[dict]]:
    study = json.loads(Path(path).read_text())
    tree = study["parameters"]["tree"]
    return tree, study["findings"]


def _relative(tree: str, path: str) -> str:
    """The finding's file as the triage names it: relative to the kernel source root."""
    full = Path(tree) / path
    parts = full.parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in ("drivers", "sound"):
            return str(Path(*parts[index:]))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?")
    parser.add_argument("--triage", default=str(ROOT / "corpus" / "triage" / "linux-6.1.csv"))
    parser.add_argument("--seed", type=int, default=61)
    parser.add_argument("--size", type=int, default=60)
    args = parser.parse_args()
    verdicts: dict[tuple, str] = {}
    with open(args.triage, newline="") as handle:
        for row in csv.DictReader(handle):
            verdicts.setdefault((row["file"], row["function"], int(row["line"]), row["rule"]), row["verdict"])
    tree, before = _findings(args.before)
    still: set[tuple] = set()
    if args.after:
        after_tree, after = _findings(args.after)
        still = {(_relative(after_tree, f["path"]), f["function"], f["rule_id"]) for f in after}
    print("| checker | sampled (of) | real/false/unsure | precision | still reported: real/false/unsure | precision |")
    print("|---|---|---|---|---|---|")
    for checker in CHECKERS:
        mine = sorted((f for f in before if f["rule_id"] == checker), key=lambda f: (f["path"], f["line"], f["function"]))
        if not mine:
            continue
        drawn = random.Random(args.seed).sample(mine, min(args.size, len(mine)))
        counts, kept = Counter(), Counter()
        for finding in drawn:
            where = _relative(tree, finding["path"])
            verdict = verdicts.get((where, finding["function"], finding["line"], checker), "untriaged")
            counts[verdict] += 1
            if (where, finding["function"], checker) in still:
                kept[verdict] += 1
        print(f"| {checker} | {len(drawn)} ({len(mine)}) | {_cell(counts)} | {_precision(counts)} | "
              f"{_cell(kept) if args.after else '-'} | {_precision(kept) if args.after else '-'} |")
    return 0


def _cell(counts: Counter) -> str:
    extra = f" (+{counts['untriaged']} untriaged)" if counts["untriaged"] else ""
    return f"{counts['real']}/{counts['false']}/{counts['unsure']}{extra}"


def _precision(counts: Counter) -> str:
    judged = counts["real"] + counts["false"]
    return f"{100 * counts['real'] / judged:.0f}%" if judged else "-"


if __name__ == "__main__":
    raise SystemExit(main())
