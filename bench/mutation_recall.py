#!/usr/bin/env python3
"""Recall on real code by seeded bugs: delete one error-path unlock in a copy of a real driver file
and check that lock-imbalance reports the function.

    python bench/mutation_recall.py FILE.c... [--max-per-file N]

An "error-path unlock" is an unlock call whose next statement is a `return` or `goto`.  Each mutant is
analysed separately (the copy lives in a temporary directory; the original directory is added with -I
so local headers resolve).  Prints caught / total and the misses.  Nothing is written to the tree.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from drvlint.compilation import CompileOptions
from drvlint.engine import Analyzer, Selection
from drvlint.rules import load_rules

UNLOCK = re.compile(r"^\s*(spin_unlock\w*|mutex_unlock|up|up_read|up_write|read_unlock\w*|write_unlock\w*|"
                    r"rcu_read_unlock)\s*\(.*\);\s*$")
EXIT = re.compile(r"^\s*(return\b|goto\b)")


def mutants(path: Path, limit: int):
    lines = path.read_text(errors="replace").splitlines(keepends=True)
    count = 0
    for i, line in enumerate(lines[:-1]):
        if UNLOCK.match(line) and EXIT.match(lines[i + 1]):
            yield i + 1, "".join(lines[:i] + ["\n"] + lines[i + 1:])
            count += 1
            if count >= limit:
                return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--max-per-file", type=int, default=3)
    args = parser.parse_args()
    caught = total = 0
    misses = []
    for name in args.files:
        path = Path(name).resolve()
        analyzer = Analyzer(load_rules(), CompileOptions(includes=[str(path.parent)]), Selection(("lock-imbalance",)))
        baseline = {(f.function, f.line) for f in analyzer.analyze(path).findings}
        for line, text in mutants(path, args.max_per_file):
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / path.name
                copy.write_text(text)
                result = analyzer.analyze(copy)
            new = [f for f in result.findings if (f.function, f.line) not in baseline]
            total += 1
            if new:
                caught += 1
            else:
                misses.append(f"{path.name}:{line}")
    print(f"seeded error-path unlock removals caught: {caught}/{total}")
    for miss in misses:
        print(f"  missed: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
