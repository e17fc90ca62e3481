#!/usr/bin/env python3
"""Benchmark of `drvlint study` against libclang's own parse time (not a test).

    eval "$(bench/kernel-tree.sh)"; python bench/study_bench.py [--jobs N] [--sample 200] [--seed 61] [--rounds 3]

On a fixed random sample of drivers/ (.c files, seeded) and on all of drivers/net/usb: libclang
parse-only time with exactly the flags drvlint chooses (run in the same isolated worker pool, same
--jobs, so the ratio compares like with like), `drvlint study` cold (empty cache) and warm (same
cache, nothing changed).  Prints medians per file, wall times, the ratios (targets: cold <= 1.3x
parse-only, warm <= 5% of cold), the peak resident memory of any worker (target < 1 GiB) and the
seconds per file on the first half of the sample against the whole (linear time: about equal).
Also printed: the CPU-time ratio of each round, the ratio of the rounds' summed walls (a machine whose
speed swings with a period of a few runs biases single rounds one way or the other), and, within each
cold round's workers, the files' whole analyses against their own libclang parses: both measured in the
same processes at the same moments, so no drift enters that ratio (it leaves out the pool's forks and
the whole-tree pass, which the wall ratios include).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import clang.cindex as ci

from drvlint.compilation import CompileOptions, setup_for
from drvlint.engine import Selection
from drvlint.rules import load_rules
from drvlint.study import StudyParams, largest_first, run_study
from drvlint.study_pool import run_isolated

OPTIONS = CompileOptions(kdir=os.environ.get("KDIR"))


def _parse_only(path: Path) -> float:
    setup = setup_for(path, OPTIONS, {})
    began = time.perf_counter()
    ci.Index.create().parse(str(path), args=setup.args, unsaved_files=setup.unsaved or None,
                            options=ci.TranslationUnit.PARSE_NONE)
    return time.perf_counter() - began


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def parse_only(files: list[Path], jobs: int) -> tuple[float, float, list[float]]:
    began, cpu = time.perf_counter(), _cpu()
    times = [o.value for o in run_isolated(largest_first(files), _parse_only, jobs, 300) if o.failed is None]
    return time.perf_counter() - began, _cpu() - cpu, times


def study(tree: Path, files: list[Path], jobs: int, cache: Path) -> tuple[float, float, list]:
    everything = sorted(tree.rglob("*.c")) == files
    include = () if everything else tuple(p.relative_to(tree).as_posix() for p in files)
    params = StudyParams(str(tree), str(cache.parent), jobs, 300.0, include=include, cache=str(cache))
    began, cpu = time.perf_counter(), _cpu()
    records = run_study(params, load_rules(), OPTIONS, Selection(), progress_stream=open(os.devnull, "w"))
    return time.perf_counter() - began, _cpu() - cpu, records


def measure(name: str, tree: Path, files: list[Path], jobs: int, rounds: int) -> None:
    """``rounds`` alternating parse-only and cold runs (a shared machine's speed drifts by 10-20% within
    minutes: alternating puts both sides of a ratio in the same minutes); the median ratio is the result."""
    parse_walls: list[float] = []
    cold_walls: list[float] = []
    cpu_ratios: list[float] = []
    worker_ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(rounds):
            parse_wall, parse_cpu, parse_times = parse_only(files, jobs)
            cache = Path(tmp) / f"cache{index}.sqlite"
            cold_wall, cold_cpu, records = study(tree, files, jobs, cache)
            parse_walls.append(parse_wall)
            cold_walls.append(cold_wall)
            cpu_ratios.append(cold_cpu / parse_cpu)
            worker_ratios.append(_in_workers(records)[2])
        warm_wall, _, warm = study(tree, files, jobs, cache)
        half = files[: len(files) // 2]
        half_wall, _, _ = study(tree, half, jobs, Path(tmp) / "half.sqlite")
    per_file = [r.result.seconds for r in records if r.result.failed is None]
    failed = sum(1 for r in records if r.result.failed)
    peak = max((r.peak_rss for r in records), default=0)
    findings = sum(len(r.result.findings) for r in records)
    ratios = [c / p for c, p in zip(cold_walls, parse_walls)]
    print(f"== {name}: {len(files)} files, {failed} failed, {findings} findings, jobs {jobs}, {rounds} round(s)")
    print(f"  parse-only: wall {_walls(parse_walls)}, median {statistics.median(parse_times):.3f} s/file (last round)")
    print(f"  study cold: wall {_walls(cold_walls)}, median {statistics.median(per_file):.3f} s/file (last round)")
    print(f"  cold / parse-only per round: {', '.join(f'{r:.2f}x' for r in ratios)} -> "
          f"median {statistics.median(ratios):.2f}x")
    print(f"  CPU seconds (workers and this process), cold / parse-only per round: "
          f"{', '.join(f'{r:.2f}x' for r in cpu_ratios)} -> median {statistics.median(cpu_ratios):.2f}x")
    print(f"  all rounds: cold {sum(cold_walls):.1f} s / parse-only {sum(parse_walls):.1f} s = "
          f"{sum(cold_walls) / sum(parse_walls):.2f}x")
    analysis_seconds, parse_seconds, _ = _in_workers(records)
    print(f"  in the workers, per cold round: {', '.join(f'{r:.2f}x' for r in worker_ratios)} -> median "
          f"{statistics.median(worker_ratios):.2f}x (last round: {analysis_seconds:.1f} s per-file analysis / "
          f"{parse_seconds:.1f} s of it in libclang's parse; same processes, same moments)")
    print(f"  study warm: wall {warm_wall:.2f} s -> {100 * warm_wall / cold_walls[-1]:.1f}% of cold "
          f"({sum(r.cached for r in warm)}/{len(warm)} from cache)")
    print(f"  peak worker RSS {peak / 2**20:.0f} MiB")
    print(f"  linearity: {half_wall / max(len(half), 1):.3f} s/file on {len(half)} files, "
          f"{cold_walls[-1] / len(files):.3f} s/file on {len(files)}")


def _in_workers(records: list) -> tuple[float, float, float]:
    """(seconds of the files' whole analyses, seconds of it in libclang's parse, their ratio) in one run."""
    analysed = [r.result for r in records if r.result.failed is None and r.result.timings.get("parse")]
    analysis = sum(result.seconds for result in analysed)
    parse = sum(result.timings["parse"] for result in analysed)
    return analysis, parse, analysis / parse if parse else float("nan")


def _walls(walls: list[float]) -> str:
    return " / ".join(f"{w:.1f} s" for w in walls) + (f" (median {statistics.median(walls):.1f} s)" if len(walls) > 1 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=61)
    parser.add_argument("--rounds", type=int, default=3, help="alternating parse-only/cold pairs per set")
    parser.add_argument("--only", choices=("sample", "net-usb"), help="measure one set only")
    args = parser.parse_args()
    ksrc = os.environ.get("KSRC")
    if not ksrc or not Path(ksrc, "drivers").is_dir():
        print('study_bench: set KSRC first: eval "$(bench/kernel-tree.sh)"', file=sys.stderr)
        return 2
    tree = Path(ksrc)
    drivers = sorted((tree / "drivers").rglob("*.c"))
    sample = sorted(random.Random(args.seed).sample(drivers, min(args.sample, len(drivers))))
    if args.only != "net-usb":
        measure(f"random sample of drivers/ (seed {args.seed})", tree / "drivers", sample, args.jobs, args.rounds)
    net_usb = tree / "drivers" / "net" / "usb"
    if args.only != "sample":
        measure("drivers/net/usb", net_usb, sorted(net_usb.rglob("*.c")), args.jobs, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
