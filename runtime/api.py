"""The calls a driver makes, as module functions of ``drvrt`` acting on the running runtime.

Module functions rather than methods of an object passed around: a driver reads like kernel code
(``drvrt.find("dummynet0")``, ``drvrt.request_irq(dev, self.on_irq)``), and a static analyser can name
each call by its import path without inferring the receiver's type."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Generator, Optional

from . import context

if TYPE_CHECKING:
    from .bus import Device
    from .runtime import Runtime
    from .work import IrqLine, Thread, Timer

_current: Optional["Runtime"] = None


def set_current(rt: "Runtime") -> None:
    global _current
    _current = rt


def current() -> "Runtime":
    if _current is None:
        raise RuntimeError("no drvrt runtime is running (create drvrt.Runtime() first)")
    return _current


def find(name: str) -> Optional["Device"]:
    """The device called ``name``, or None when it is absent."""
    return current().bus.find(name)


def find_class(kind: str) -> Optional["Device"]:
    """The first device of a class ("net", "serial"), or None when there is none."""
    return current().bus.find_class(kind)


def request_irq(device: Optional["Device"], handler: Callable[[], Any]) -> "IrqLine":
    """Route the device's interrupt to ``handler``, which runs in atomic context (may block: process
    context only)."""
    return current().request_irq(device, handler)


def free_irq(line: Optional["IrqLine"]) -> None:
    """Stop the interrupt; waits for a running handler, so process context only."""
    current().free_irq(line)


def timer(callback: Callable[[], Any]) -> "Timer":
    """A timer whose expiry runs ``callback`` in atomic context; arm it with ``start(delay)``."""
    return current().timer(callback)


def start_thread(body: Callable[[], Generator[Optional[float], None, None]]) -> "Thread":
    """Run a generator function as a thread (process context); each ``yield SECONDS`` sleeps."""
    return current().start_thread(body)


def now() -> float:
    """Virtual time in seconds."""
    return context.current.now
