#!/usr/bin/env python3
"""Re-check a triage file against the current checkers (not a test).

    eval "$(bench/kernel-tree.sh)"; python bench/triage_recheck.py [--rule RULE] [--jobs N] [-o OUTDIR]

Runs `drvlint study` on exactly the files the triage CSV names (corpus/triage/linux-6.1.csv by default)
and prints its `--triage` table: per checker, the findings the current code still reports on those
files, how many the verdicts cover, and the precision among those.  A row whose finding is gone no
longer counts; a finding without a row is new and needs a verdict.  Cross-file sleep chains need the
whole tree (phase 2 links only the files studied), so rows whose reason starts with "cross-file:" are
left out unless --cross-file is given.
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triage", default=str(ROOT / "corpus" / "triage" / "linux-6.1.csv"))
    parser.add_argument("--rule", action="append", default=[], help="only rows of this rule (repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cross-file", action="store_true", help="keep the cross-file rows")
    parser.add_argument("-o", "--outdir", default=str(Path.home() / ".cache" / "drvlint-study" / "triage-recheck"))
    args = parser.parse_args()
    ksrc, kdir = os.environ.get("KSRC"), os.environ.get("KDIR")
    if not ksrc or not kdir:
        print('triage_recheck: set KSRC and KDIR first: eval "$(bench/kernel-tree.sh)"', file=sys.stderr)
        return 2
    with open(args.triage, newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if (not args.rule or r["rule"] in args.rule)
                and (args.cross_file or not r["reason"].startswith("cross-file:"))]
    files = sorted({r["file"] for r in rows if (Path(ksrc) / r["file"]).is_file()})
    rules = sorted({r["rule"] for r in rows})
    command = [sys.executable, "-c", "from drvlint.cli import main; main()", "study", ksrc, "--kdir", kdir, "--jobs", str(args.jobs),
               "-o", args.outdir, "--triage", args.triage]
    for rule in rules:
        command += ["--select", rule]
    for name in files:
        command += ["--include", name]
    print(f"triage_recheck: {len(rows)} rows, {len(files)} files, rules {', '.join(rules)}", flush=True)
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
