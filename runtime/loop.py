"""The event loop: run-to-completion delivery of interrupts, timer expiries, thread steps and client
requests to driver handlers.

Events are ``(function, argument)`` pairs in a deque (ready now) or a heap ordered by virtual time
(timers, thread wake-ups, delayed device interrupts).  A handler never runs inside another: whatever a
handler triggers (a device interrupt, a completion) is appended and runs after it returns.  The hot path
is a ``popleft`` and a call, nothing else: no logging, no per-event objects beyond the tuple."""
from __future__ import annotations

import heapq
from collections import deque
from itertools import count
from typing import Any, Callable

from . import context


class EventLoop:
    def __init__(self, ctx: context.Context):
        self.ctx = ctx
        self.ready: deque[tuple[Callable[[Any], Any], Any]] = deque()
        self._timed: list[tuple[float, int, Callable[[Any], Any], Any]] = []
        self._seq = count()
        self.running = False
        self.delivered = 0  # events run so far

    def post(self, fn: Callable[[Any], Any], arg: Any = None) -> None:
        """Run ``fn(arg)`` after the current handler (and the events before it) complete."""
        self.ready.append((fn, arg))

    def post_at(self, when: float, fn: Callable[[Any], Any], arg: Any = None) -> None:
        """Run ``fn(arg)`` once the virtual clock reaches ``when``."""
        heapq.heappush(self._timed, (when, next(self._seq), fn, arg))

    def run_ready(self) -> int:
        """Deliver every ready event, including those they post, one at a time; return how many."""
        if self.running:
            raise RuntimeError("the event loop is already running (a handler may not run it)")
        self.running = True
        ready = self.ready
        pop = ready.popleft
        n = 0
        try:
            while ready:
                fn, arg = pop()
                n += 1
                fn(arg)
        finally:
            self.running = False
            self.delivered += n
        return n

    def advance(self, seconds: float) -> int:
        """Move the virtual clock on by ``seconds``, delivering what falls due on the way, in time order."""
        ctx = self.ctx
        target = ctx.now + max(seconds, 0.0)
        n = self.run_ready()
        timed = self._timed
        while timed and timed[0][0] <= target:
            when, _, fn, arg = heapq.heappop(timed)
            if when > ctx.now:
                ctx.now = when
            self.ready.append((fn, arg))
            n += self.run_ready()
        if target > ctx.now:
            ctx.now = target
        return n

    def pending(self) -> int:
        return len(self.ready) + len(self._timed)

    def next_due(self) -> float | None:
        return self._timed[0][0] if self._timed else None
