"""The runtime's dynamic checks, as exceptions.

Every driver bug the runtime detects is a :class:`DriverFault` whose ``bug_class`` names the drvlint rule
that finds the same bug statically, so ``drvlint validate`` can compare the two halves without a mapping
table.  ``blame`` names driver functions to hold responsible besides the one executing when the fault was
raised: the function that took a lock a handler returned holding (the loop notices only after the
handler has returned, outside driver code), or the teardown method that let a timer, thread or
interrupt outlive an unplugged device (the other end of that race)."""
from __future__ import annotations

from typing import ClassVar, Optional


class DriverFault(Exception):
    """A driver broke a rule the runtime enforces."""

    bug_class: ClassVar[str] = "driver-fault"

    def __init__(self, message: str, *blame: Optional[str]):
        super().__init__(message)
        self.blame: tuple[str, ...] = tuple(dict.fromkeys(b for b in blame if b))


class LockImbalance(DriverFault):
    """A handler returned holding a lock, a lock was taken twice, or released when not held."""

    bug_class = "py-lock-imbalance"


class BlockingInAtomic(DriverFault):
    """``sleep()`` or another blocking call in an interrupt handler, timer callback or under a SpinLock."""

    bug_class = "py-blocking-in-atomic"


class NoneDevice(DriverFault):
    """A lookup's ``None`` (device absent) was passed on to the runtime as if it were a device."""

    bug_class = "py-unchecked-none"


class UncheckedClientValue(DriverFault):
    """A client-supplied offset or length was used without the bounds-checking accessor."""

    bug_class = "py-untrusted-offset"


class UseAfterUnplug(DriverFault):
    """A handler, timer or thread touched a device after it was hot-unplugged and torn down."""

    bug_class = "py-hotunplug-race"


class ProtocolViolation(DriverFault):
    """A call on a driver interface out of its OS protocol's order (send before enable...)."""

    bug_class = "os-protocol"


class DeviceProtocolError(DriverFault):
    """The driver programmed the simulated device against its register protocol."""

    bug_class = "device-protocol"


class NoDevice(Exception):
    """Raised by a driver's probe when its device is absent: a clean bind failure, not a bug."""


class RequestError(ValueError):
    """A client request was rejected (offset or length out of the shared region): the request fails with
    an error status, the driver goes on.  Raised by the checked accessors; drivers may raise it too."""


BUG_CLASSES: tuple[str, ...] = ("py-lock-imbalance", "py-blocking-in-atomic", "py-unchecked-none",
                                "py-untrusted-offset", "py-hotunplug-race")
