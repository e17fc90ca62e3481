#!/usr/bin/env python3
"""Recall on real code by seeded bugs in copies of real driver files.

    python bench/mutation_recall.py FILE.c... [--checker CHECKER] [--max-per-file N]

lock-imbalance: delete one error-path unlock (an unlock call whose next statement is a `return` or `goto`).
sleep-in-atomic: insert `msleep(1);` right after a spin/rw lock call, or as the first statement of a
hard IRQ handler (a function declared `irqreturn_t name(int irq, void *...)`: found by the text, not by
drvlint's own registration logic).
null-return: delete the NULL check (`if (!p)` and its one-line `return`/`goto`) right after an allocation
`p = kzalloc(...)`-style line, when the next statement uses `p->`.
hotunplug-race: delete one synchronous stop (`usb_kill_urb(...)`, `del_timer_sync(...)`, `cancel_work_sync(...)`,
`free_irq(...)`, `tasklet_kill(...)`, `kthread_stop(...)`...) written as its own statement inside a function
whose name says teardown (disconnect, remove, stop, close); not every deletion is a bug (the object may not
have been started, or nothing is freed after), so the rate is a lower bound on recall.
A mutant counts as caught when the checker reports a new finding.
Each mutant is analysed separately.  It is written beside the original (hidden name, deleted at once) so
that the driver's own headers and structs are where the driver's are; nothing is written to this repository.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from drvlint.compilation import CompileOptions
from drvlint.engine import Analyzer, Selection
from drvlint.rules import load_rules

UNLOCK = re.compile(r"^\s*(spin_unlock\w*|mutex_unlock|up|up_read|up_write|read_unlock\w*|write_unlock\w*|"
                    r"rcu_read_unlock)\s*\(.*\);\s*$")
EXIT = re.compile(r"^\s*(return\b|goto\b)")
ATOMIC_LOCK = re.compile(r"^\s*(spin_lock|spin_lock_irq|spin_lock_irqsave|spin_lock_bh|read_lock\w*|write_lock\w*)"
                         r"\s*\(.*\);\s*$")
IRQ_HANDLER = re.compile(r"^(?:static\s+)?irqreturn_t\s+\w+\s*\(\s*int\s+\w+\s*,\s*void\s*\*\s*\w+\s*\)\s*$")


def unlock_removals(lines: list[str]):
    for i, line in enumerate(lines[:-1]):
        if UNLOCK.match(line) and EXIT.match(lines[i + 1]):
            yield i + 1, lines[:i] + ["\n"] + lines[i + 1:]


def sleep_insertions(lines: list[str]):
    for i, line in enumerate(lines[:-1]):
        if ATOMIC_LOCK.match(line):
            yield i + 2, lines[:i + 1] + ["\tmsleep(1);\n"] + lines[i + 1:]
        elif IRQ_HANDLER.match(line) and lines[i + 1].strip() == "{":
            body = i + 2
            while body < len(lines) and re.match(r"^\s+[\w\s\*]+[\w\]]\s*(=.*)?;\s*$", lines[body]) \
                    and not re.match(r"^\s*(return|goto|break)\b", lines[body]):
                body += 1  # after the declarations
            yield body + 1, lines[:body] + ["\tmsleep(1);\n"] + lines[body:]


ALLOC = re.compile(r"^\s*([A-Za-z_][\w>.-]*)\s*=\s*(kzalloc|kmalloc|kcalloc|kmemdup|devm_kzalloc|devm_kcalloc|"
                   r"usb_alloc_urb|alloc_etherdev|alloc_skb|netdev_alloc_skb|kstrdup|vzalloc|vmalloc)\(.*;\s*$")


def check_removals(lines: list[str]):
    for i, line in enumerate(lines[:-3]):
        match = ALLOC.match(line)
        if not match:
            continue
        target = re.escape(match.group(1))
        if re.match(r"^\s*if\s*\(\s*(!\s*" + target + r"|" + target + r"\s*==\s*NULL)\s*\)\s*$", lines[i + 1]) \
                and EXIT.match(lines[i + 2]) and (match.group(1) + "->") in "".join(lines[i + 3:i + 6]):
            yield i + 4, lines[:i + 1] + ["\n", "\n"] + lines[i + 3:]


STOP = re.compile(r"^\s*(usb_kill_urb|usb_poison_urb|usb_kill_anchored_urbs|del_timer_sync|hrtimer_cancel|"
                  r"cancel_work_sync|cancel_delayed_work_sync|flush_work|tasklet_kill|free_irq|kthread_stop)\s*\(.*\);\s*$")
FUNCTION_HEAD = re.compile(r"^[A-Za-z_].*\b(\w+)\s*\([^;]*$")
TEARDOWN_NAME = re.compile(r"disconnect|remove|_stop\b|_close\b|_stop$|_close$")


def stop_removals(lines: list[str]):
    function = ""
    for i, line in enumerate(lines):
        head = FUNCTION_HEAD.match(line)
        if head:
            function = head.group(1)
        elif STOP.match(line) and TEARDOWN_NAME.search(function):
            yield i + 1, lines[:i] + ["\n"] + lines[i + 1:]


GENERATORS = {"lock-imbalance": unlock_removals, "sleep-in-atomic": sleep_insertions, "null-return": check_removals,
              "hotunplug-race": stop_removals}


def mutants(path: Path, checker: str, limit: int):
    lines = path.read_text(errors="replace").splitlines(keepends=True)
    for count, (line, text) in enumerate(GENERATORS[checker](lines)):
        if count >= limit:
            return
        yield line, "".join(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--max-per-file", type=int, default=3)
    parser.add_argument("--checker", choices=sorted(GENERATORS), default="lock-imbalance")
    args = parser.parse_args()
    caught = total = 0
    misses = []
    for name in args.files:
        path = Path(name).resolve()
        analyzer = Analyzer(load_rules(), CompileOptions(includes=[str(path.parent)]), Selection((args.checker,)))
        baseline = {(f.function, f.line) for f in analyzer.analyze(path).findings}
        for line, text in mutants(path, args.checker, args.max_per_file):
            copy = path.parent / f".drvlint-mutant-{path.name}"
            try:
                copy.write_text(text)
                result = analyzer.analyze(copy)
            finally:
                copy.unlink(missing_ok=True)
            new = [f for f in result.findings if (f.function, f.line) not in baseline]
            total += 1
            if new:
                caught += 1
            else:
                misses.append(f"{path.name}:{line}")
    print(f"{args.checker}: seeded bugs caught: {caught}/{total}")
    for miss in misses:
        print(f"  missed: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
