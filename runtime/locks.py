"""Instrumented locks.  ``Lock`` sleeps when contended (a mutex): taking it is a blocking call, refused in
atomic context.  ``SpinLock`` makes its holder atomic.  Both track their holder so that the event loop
can refuse a handler that returns with a lock still held, and both refuse a second acquire (a
self-deadlock in a serialised runtime) and a release of a lock that is not held."""
from __future__ import annotations

import sys
from typing import Optional

from . import context
from .errors import BlockingInAtomic, LockImbalance


def _caller(depth: int) -> str:
    code = sys._getframe(depth).f_code
    return getattr(code, "co_qualname", code.co_name)


class _BaseLock:
    __slots__ = ("name", "locked", "holder")
    kind = "lock"

    def __init__(self, name: str = "") -> None:
        self.name = name
        self.locked = False
        self.holder: Optional[str] = None  # driver function that took it

    def __repr__(self) -> str:
        return f"<{self.label()} {'held by ' + str(self.holder) if self.locked else 'free'}>"

    def label(self) -> str:
        return f"{self.kind} {self.name}" if self.name else self.kind

    def _taken_twice(self) -> LockImbalance:
        return LockImbalance(f"{self.label()} taken twice (already held by {self.holder})")

    def _not_held(self) -> LockImbalance:
        return LockImbalance(f"{self.label()} released but not held")


class Lock(_BaseLock):
    """A sleeping lock (mutex)."""

    __slots__ = ()
    kind = "Lock"

    def acquire(self) -> None:
        self._acquire(_caller(2))

    def _acquire(self, holder: str) -> None:
        ctx = context.current
        if ctx.atomic:
            raise BlockingInAtomic(f"{self.label()} taken (may sleep) in atomic context ({ctx.atomic_reason()})")
        if self.locked:
            raise self._taken_twice()
        self.locked = True
        self.holder = holder
        ctx.locks.append(self)

    def release(self) -> None:
        if not self.locked:
            raise self._not_held()
        self.locked = False
        context.current.locks.remove(self)

    def __enter__(self) -> "Lock":
        self._acquire(_caller(2))
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class SpinLock(_BaseLock):
    """A spinning lock: its holder is in atomic context until it releases it."""

    __slots__ = ()
    kind = "SpinLock"

    def acquire(self) -> None:
        self._acquire(_caller(2))

    def _acquire(self, holder: str) -> None:
        if self.locked:
            raise self._taken_twice()
        ctx = context.current
        self.locked = True
        self.holder = holder
        ctx.atomic += 1
        ctx.locks.append(self)

    def release(self) -> None:
        if not self.locked:
            raise self._not_held()
        ctx = context.current
        self.locked = False
        ctx.atomic -= 1
        ctx.locks.remove(self)

    def __enter__(self) -> "SpinLock":
        self._acquire(_caller(2))
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
