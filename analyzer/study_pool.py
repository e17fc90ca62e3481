"""Run one analysis per file in its own forked process: a libclang crash, a MemoryError, a runaway
memory use or a hang costs that file only.

Why a fork per file rather than a long-lived pool: a worker that segfaults takes a
``ProcessPoolExecutor`` down with it (BrokenProcessPool) and every file in flight with it; a fork is
cheap next to a ~1 s parse (the parent's loaded rules and libclang are shared copy-on-write), and the
parent can time out and kill exactly the child that hangs."""
from __future__ import annotations

import faulthandler
import gc
import multiprocessing
import os
import signal
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator, Optional

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Outcome:
    """What happened to one task: its value, or why it failed; and the child's peak resident memory."""

    task: object
    value: object = None
    failed: Optional[str] = None
    peak_rss: int = 0  # bytes
    seconds: float = 0.0


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


# The cyclic collector in a child that lives for one file: everything inherited from the parent is
# frozen (a full collection would walk it, and write to every page it walks), and collections are rare,
# not every 700 allocations: a file's analysis allocates ~10^6 objects that mostly live to its end, and
# at the default thresholds re-walking them took 3% of drivers/net/usb's analysis time (r8152.c: 9%,
# 0.85 s in 5 full and 49 middle collections).  Cycles still get collected; the child's memory ends with it.
CHILD_GC_THRESHOLDS = (50_000, 20, 100)


def _child(work: Callable[[object], object], task: object, conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    faulthandler.disable()  # a crash is recorded as the file's failure, not dumped into the progress output
    gc.freeze()
    gc.set_threshold(*CHILD_GC_THRESHOLDS)
    try:
        conn.send(("ok", work(task)))
    except MemoryError:
        conn.send(("failed", "out of memory (MemoryError)"))
    except BaseException as exc:  # noqa: BLE001 - anything a file can provoke is that file's failure
        last = traceback.extract_tb(exc.__traceback__)[-1:] or [None]
        where = f" at {os.path.basename(last[0].filename)}:{last[0].lineno}" if last[0] else ""
        conn.send(("failed", f"internal error ({type(exc).__name__}: {exc}){where}"))
    finally:
        conn.close()


@dataclass
class _Running:
    task: object
    process: multiprocessing.Process
    conn: Connection
    started: float
    peak: int = 0
    message: Optional[tuple] = None


def run_isolated(tasks: Iterable[object], work: Callable[[object], object], jobs: int, timeout: float,
                 memory_limit: int = 0) -> Iterator[Outcome]:
    """Yield an Outcome per task as children finish (not in input order).  A finished child's slot is
    refilled before its outcome is handed over: what the caller does with it (store it, print progress)
    overlaps the next child's work instead of delaying it."""
    context = multiprocessing.get_context("fork")
    pending = iter(tasks)
    running: dict[int, _Running] = {}
    exhausted = False
    done: list[Outcome] = []  # outcomes to hand over once their slots are busy again
    try:
        while True:
            while not exhausted and len(running) < max(1, jobs):
                task = next(pending, None)
                if task is None:
                    exhausted = True
                    break
                reader, writer = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(work, task, writer), daemon=True)
                process.start()
                writer.close()
                running[process.pid] = _Running(task, process, reader, time.monotonic())
            yield from done
            done = []
            if not running:
                return
            ready = wait([r.conn for r in running.values()] + [r.process.sentinel for r in running.values()],
                         timeout=0.2)
            now = time.monotonic()
            for pid, slot in list(running.items()):
                slot.peak = max(slot.peak, _rss(pid))
                if slot.conn in ready and slot.message is None:
                    try:
                        slot.message = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.message = None
                finished = slot.message is not None or slot.process.sentinel in ready
                failure = None
                if not finished and timeout and now - slot.started > timeout:
                    failure = f"timed out after {timeout:g} s"
                elif not finished and memory_limit and slot.peak > memory_limit:
                    failure = f"exceeded the memory limit ({slot.peak >> 20} MiB > {memory_limit >> 20} MiB)"
                if failure is not None:
                    slot.process.kill()
                    slot.process.join()
                elif not finished:
                    continue
                else:
                    slot.process.join()
                    if slot.message is None:
                        code = slot.process.exitcode
                        failure = (f"worker crashed (signal {-code})" if code is not None and code < 0
                                   else f"worker exited with status {code}")
                del running[pid]
                slot.conn.close()
                outcome = Outcome(slot.task, peak_rss=slot.peak, seconds=now - slot.started)
                if failure is not None:
                    outcome.failed = failure
                elif slot.message[0] == "ok":
                    outcome.value = slot.message[1]
                else:
                    outcome.failed = slot.message[1]
                done.append(outcome)
    finally:
        for slot in running.values():  # Ctrl-C or an error in the caller: leave no orphans
            slot.process.kill()
            slot.process.join()
