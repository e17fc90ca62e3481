"""Run drvlint's Python checkers over real user-level driver packages from PyPI.

The packages are installed (``pip install --no-deps --target``) into a cache directory outside the
repository (default ``~/.cache/drvlint-pypkgs``, or ``$DRVLINT_PYPKGS``) and only *parsed* by drvlint:
their code is never imported or run, and never committed.  Prints one CSV row per finding in the
columns of ``corpus/triage/python-real.csv`` with an empty verdict, plus a summary, so that a new run
can be compared with the triage.

    python bench/python_real_code.py [--cache DIR] [--json FILE] [PACKAGE==VERSION ...]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

# pyusb/pyserial/libusb1 themselves, and drivers built on them (USB-serial bridges, FTDI, HID, BLE,
# instrument and board drivers).  Pinned so that the triage stays reproducible.
PACKAGES = [
    "pyusb==1.2.1",
    "pyserial==3.5",
    "libusb1==3.1.0",
    "pyftdi==0.55.4",
    "hidapi==0.14.0.post2",
    "pyvisa-py==0.7.2",
    "python-periphery==2.4.1",
    "smbus2==0.4.3",
    "bleak==0.22.3",
    "pymodbus==3.6.9",
    "pyudev==0.24.3",
    "nfcpy==1.0.4",
]


def install(cache: Path, specs: list[str]) -> dict[str, Path]:
    """Each package in its own target directory (so its files can be told apart); skip installed ones."""
    out: dict[str, Path] = {}
    for spec in specs:
        target = cache / spec.replace("==", "-")
        if not (target / ".installed").exists():
            target.mkdir(parents=True, exist_ok=True)
            proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
                                   "--target", str(target), spec], capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"# {spec}: install failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                continue
            (target / ".installed").write_text(spec)
        out[spec] = target
    return out


def sources(target: Path) -> list[Path]:
    """The package's own modules: not its metadata, tests or bundled examples."""
    files = []
    for path in sorted(target.rglob("*.py")):
        rel = path.relative_to(target).parts
        if any(p.endswith((".dist-info", ".egg-info")) or p in ("tests", "test", "__pycache__", "bin") for p in rel):
            continue
        files.append(path)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=os.environ.get("DRVLINT_PYPKGS", str(Path.home() / ".cache" / "drvlint-pypkgs")))
    parser.add_argument("--json", help="write the findings as JSON here too")
    parser.add_argument("packages", nargs="*", default=PACKAGES)
    args = parser.parse_args()
    from drvlint.compilation import CompileOptions
    from drvlint.engine import Analyzer
    from drvlint.rules import load_rules

    cache = Path(args.cache).expanduser()
    installed = install(cache, args.packages)
    analyzer = Analyzer(load_rules(), CompileOptions())
    writer = csv.writer(sys.stdout)
    writer.writerow(["file", "function", "line", "rule", "verdict", "reason"])
    rows, failed, files, started = [], 0, 0, time.perf_counter()
    for spec, target in installed.items():
        for path in sources(target):
            files += 1
            result = analyzer.analyze(path)
            if result.failed:
                failed += 1
                print(f"# {path}: {result.failed}", file=sys.stderr)
            for f in result.findings:
                rel = f"{spec.replace('==', '-')}/{path.relative_to(target)}"
                rows.append({"file": rel, "function": f.function, "line": f.line, "rule": f.rule_id,
                             "message": f.message})
                writer.writerow([rel, f.function, f.line, f.rule_id, "", f.message])
    seconds = time.perf_counter() - started
    print(f"# {len(installed)} packages, {files} files, {failed} failed, {len(rows)} findings, {seconds:.1f} s",
          file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
