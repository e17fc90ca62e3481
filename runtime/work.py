"""Asynchronous driver work: interrupt lines, timers and threads.

Each has a registration (``rt.request_irq``, ``rt.timer(...).start``, ``rt.start_thread``) and a
synchronous stop (``rt.free_irq``, ``Timer.cancel``, ``Thread.stop``) a teardown must call before it
returns.  ``free_irq`` and ``Thread.stop`` wait for a running handler or thread to finish, so they are
blocking calls; ``Timer.cancel`` is not (the loop is serialised, so a cancelled timer cannot be
running)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Generator, Optional

from . import context

if TYPE_CHECKING:
    from .bus import Device
    from .runtime import Runtime


def _name(fn: Any) -> str:
    return getattr(fn, "__qualname__", None) or getattr(fn, "__name__", repr(fn))


class IrqLine:
    __slots__ = ("device", "handler", "active")

    def __init__(self, device: "Device", handler: Callable[[], Any]):
        self.device = device
        self.handler = handler
        self.active = True


class Timer:
    """A one-shot timer; ``start`` re-arms it (mod_timer).  Its callback runs in atomic context."""

    __slots__ = ("rt", "callback", "gen", "armed")

    def __init__(self, rt: "Runtime", callback: Callable[[], Any]):
        self.rt = rt
        self.callback = callback
        self.gen = 0
        self.armed = False

    def start(self, delay: float) -> None:
        self.gen += 1
        self.armed = True
        rt = self.rt
        rt.loop.post_at(rt.ctx.now + max(delay, 0.0), rt.fire_timer, (self, self.gen))

    def cancel(self) -> bool:
        """Disarm; True when it was armed."""
        was = self.armed
        self.gen += 1
        self.armed = False
        return was


class Thread:
    """A driver thread: a generator function run in steps; each ``yield SECONDS`` sleeps."""

    __slots__ = ("rt", "body", "gen", "alive", "name")

    def __init__(self, rt: "Runtime", body: Callable[[], Generator[Optional[float], None, None]]):
        self.rt = rt
        self.body = body
        self.name = _name(body)
        self.gen = body()
        self.alive = True

    def stop(self) -> None:
        """Stop the thread and wait for it (kthread_stop): a blocking call."""
        context.might_block("Thread.stop (waits for the thread)")
        if self.alive:
            self.alive = False
            self.gen.close()
