#!/usr/bin/env python3
"""What the hot-unplug checker sees on real drivers: teardown entry points found, asynchronous objects
started by setup, stops and frees on teardown paths, findings, and the checker's time against parse time.

    python bench/unplug_coverage.py DIR_OR_FILE... [--builtin-headers]

A coverage measure for the closing notes and for recall work (a file with a remove but no started object
is one the model does not understand yet); not a test.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from drvlint.asyncmodel import AsyncModel, Free, Stop
from drvlint.compilation import CompileOptions, setup_for
from drvlint.checkers.hotunplug_race import HotunplugRaceChecker
from drvlint.flow_rules import FlowRules
from drvlint.parse_c import parse_file
from drvlint.rules import load_rules
from drvlint.unit import Unit
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--builtin-headers", action="store_true")
    args = parser.parse_args()
    files = [f for p in map(Path, args.paths) for f in (sorted(p.rglob("*.c")) if p.is_dir() else [p])]
    rules = load_rules()
    checker = HotunplugRaceChecker(rules)
    options = CompileOptions(builtin_headers=args.builtin_headers)
    totals = dict(files=0, with_teardown=0, teardown_entries=0, started=0, kinds={}, findings=0, failed=0)
    parse_times, check_times = [], []
    for path in files:
        try:
            tu = parse_file(path, setup_for(path, options, {}))
        except Exception as exc:  # a file the front end cannot take is counted, not fatal
            totals["failed"] += 1
            print(f"{path}: skipped ({exc})", file=sys.stderr)
            continue
        totals["files"] += 1
        unit = Unit(tu, FlowRules.from_rules(rules))
        unit.cfgs
        began = time.perf_counter()
        model = AsyncModel.of(unit, rules)
        found = list(checker.check(unit))
        check_times.append(time.perf_counter() - began)
        parse_times.append(tu.timings.get("parse", 0.0))
        if model.teardown:
            totals["with_teardown"] += 1
            totals["teardown_entries"] += len(model.teardown)
        totals["started"] += len(model.started)
        for key in model.started:
            kind = model.resources[key].kind
            totals["kinds"][kind] = totals["kinds"].get(kind, 0) + 1
        totals["findings"] += len(found)
        for finding in found:
            print(f"{finding.path}:{finding.line}: {finding.function}: {finding.message}")
    print(f"files analysed {totals['files']} (skipped {totals['failed']}); with a teardown entry point "
          f"{totals['with_teardown']} ({totals['teardown_entries']} entry points); asynchronous objects started "
          f"by setup {totals['started']} {dict(sorted(totals['kinds'].items()))}; findings {totals['findings']}")
    if parse_times:
        print(f"libclang parse median {statistics.median(parse_times):.3f} s/file, total {sum(parse_times):.1f} s; "
              f"hotunplug-race (model + check) median {statistics.median(check_times) * 1000:.1f} ms/file, "
              f"total {sum(check_times):.2f} s = {sum(check_times) / sum(parse_times) * 100:.1f}% of parse time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
