"""Execution context: virtual clock, atomic depth and held locks, as plain counters for speed.

There is one current :class:`Context` per process (set by the :class:`~drvrt.runtime.Runtime` that is
running), so that ``drvrt.sleep()`` and locks need no runtime argument, just as in kernel code."""
from __future__ import annotations

from typing import Any, Optional

from .errors import BlockingInAtomic


class Context:
    """What the code running now may do."""

    __slots__ = ("now", "atomic", "locks", "handler", "why_atomic")

    def __init__(self) -> None:
        self.now = 0.0  # virtual seconds
        self.atomic = 0  # > 0 in an interrupt handler, a timer callback or under a SpinLock
        self.locks: list[Any] = []  # locks held now, in acquisition order
        self.handler: Optional[str] = None  # the driver handler running now (for messages)
        self.why_atomic = ""  # "interrupt handler", "timer callback" (the outermost atomic reason)

    def atomic_reason(self) -> str:
        if self.why_atomic:
            return self.why_atomic
        return "holding a SpinLock"


current = Context()


def might_block(what: str) -> None:
    """Raise when the caller is in atomic context: every blocking runtime call starts with this."""
    ctx = current
    if ctx.atomic:
        raise BlockingInAtomic(f"{what} in atomic context ({ctx.atomic_reason()})")


def sleep(seconds: float) -> None:
    """Block for ``seconds`` of virtual time.  Process context only: nothing else runs meanwhile (the
    loop is run-to-completion), the clock just moves on."""
    ctx = current
    if ctx.atomic:
        raise BlockingInAtomic(f"sleep({seconds}) in atomic context ({ctx.atomic_reason()})")
    if seconds > 0:
        ctx.now += seconds


def delay(microseconds: float) -> None:
    """Busy-wait (udelay): allowed in atomic context, for short device settle times."""
    if microseconds > 0:
        current.now += microseconds / 1e6


def in_atomic() -> bool:
    return current.atomic > 0
