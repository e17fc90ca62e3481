#!/usr/bin/env python3
"""Benchmark: drvlint's whole analysis against libclang's own parse time on the same files.

    python bench/parse_vs_analysis.py DIR_OR_FILE... [--builtin-headers] [--repeat N]

For each file: libclang parse-only with exactly the flags drvlint chooses (the floor), then drvlint's
full analysis (flags, parse, IR walk, CFGs, all checkers).  Prints medians per file, the phase split,
and the ratio of totals (target: at most 1.3x parse-only).  Run it on real kernel trees, not in tests.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import clang.cindex as ci

from drvlint.compilation import CompileOptions, setup_for
from drvlint.engine import Analyzer
from drvlint.rules import load_rules


def files_of(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        out.extend(sorted(path.rglob("*.c")) if path.is_dir() else [path])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--builtin-headers", action="store_true")
    parser.add_argument("--kdir")
    parser.add_argument("--repeat", type=int, default=1, help="take the minimum of N runs per file")
    args = parser.parse_args()
    options = CompileOptions(kdir=args.kdir, builtin_headers=args.builtin_headers)
    analyzer = Analyzer(load_rules(), options)
    index = ci.Index.create()
    parse_times, total_times = [], []
    phases: dict[str, list[float]] = {}
    findings = failed = 0
    for path in files_of(args.paths):
        setup = setup_for(path, options, {})
        best_parse = best_total = float("inf")
        result = None
        for _ in range(args.repeat):
            started = time.perf_counter()
            index.parse(str(path), args=setup.args, unsaved_files=setup.unsaved or None)
            best_parse = min(best_parse, time.perf_counter() - started)
            started = time.perf_counter()
            result = analyzer.analyze(path)
            best_total = min(best_total, time.perf_counter() - started)
        assert result is not None
        if result.failed:
            failed += 1
            continue
        findings += len(result.findings)
        parse_times.append(best_parse)
        total_times.append(best_total)
        for name, value in result.timings.items():
            phases.setdefault(name, []).append(value)
    if not parse_times:
        print("no file analysed", file=sys.stderr)
        return 2
    print(f"files: {len(parse_times)} analysed, {failed} failed; findings: {findings}")
    print(f"libclang parse only: median {statistics.median(parse_times):.3f} s/file, total {sum(parse_times):.1f} s")
    print(f"drvlint analysis:    median {statistics.median(total_times):.3f} s/file, total {sum(total_times):.1f} s")
    print(f"ratio of totals: {sum(total_times) / sum(parse_times):.2f}x; "
          f"median per-file ratio: {statistics.median(t / p for t, p in zip(total_times, parse_times)):.2f}x")
    print("phases (median s/file): " + ", ".join(f"{k} {statistics.median(v):.3f}" for k, v in phases.items()))
    print("phases (total s): " + ", ".join(f"{k} {sum(v):.1f}" for k, v in phases.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
