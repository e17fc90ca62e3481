"""drvrt: a small user-level driver runtime for Python drivers, the dynamic counterpart of drvlint's
Python checkers.

Why a separate package (``runtime/`` in the repository, imported as ``drvrt``): it is a library that
driver authors import and run, while drvlint is an analyser that must never import the code it
analyses.  Keeping the two apart means ``drvlint validate`` runs drivers only in child processes
(``python -m drvrt.harness``), and a driver depends on ``drvrt`` alone, not on libclang or the checkers.

What it offers (see each module's docstring for the why):

* a run-to-completion event loop delivering device interrupts, timer expiries, thread steps and client
  requests (:mod:`drvrt.loop`, :mod:`drvrt.runtime`);
* instrumented :class:`Lock` (a mutex: blocking) and :class:`SpinLock` (makes its holder atomic); a
  handler that returns holding a lock raises, and so does ``sleep()`` or any blocking call in an
  interrupt handler, a timer callback or under a SpinLock (:mod:`drvrt.locks`, :mod:`drvrt.context`);
* device lookup returning ``None`` when the device is absent, and hot-unplug: touching a device after
  its teardown raises :class:`UseAfterUnplug` (:mod:`drvrt.bus`);
* client requests with untrusted offset and length, usable only through the region's accessors that
  check both bounds (:mod:`drvrt.client`);
* OS protocol state machines for the network and serial driver interfaces (:mod:`drvrt.protocol`);
* simulated devices: the dummy network device and a serial device (:mod:`drvrt.devices`).
"""
from .api import find, find_class, free_irq, now, request_irq, start_thread, timer
from .bus import Bus, Device
from .client import Request, SharedRegion, Untrusted
from .context import delay, in_atomic, might_block, sleep
from .driver import Driver, NetDriver, SerialDriver
from .errors import (BUG_CLASSES, BlockingInAtomic, DeviceProtocolError, DriverFault, LockImbalance, NoDevice,
                     NoneDevice, ProtocolViolation, RequestError, UncheckedClientValue, UseAfterUnplug)
from .locks import Lock, SpinLock
from .protocol import NET_PROTOCOL, SERIAL_PROTOCOL, NetInterface, Protocol, SerialPort
from .runtime import Runtime
from .work import IrqLine, Thread, Timer

__all__ = [
    "BUG_CLASSES", "BlockingInAtomic", "Bus", "Device", "DeviceProtocolError", "Driver", "DriverFault",
    "IrqLine", "Lock", "LockImbalance", "NET_PROTOCOL", "NetDriver", "NetInterface", "NoDevice", "NoneDevice",
    "Protocol", "ProtocolViolation", "Request", "RequestError", "Runtime", "SERIAL_PROTOCOL", "SerialDriver",
    "SerialPort", "SharedRegion", "SpinLock", "Thread", "Timer", "UncheckedClientValue", "Untrusted",
    "UseAfterUnplug", "delay", "find", "find_class", "free_irq", "in_atomic", "might_block", "now",
    "request_irq", "sleep", "start_thread", "timer",
]
