"""Driver base classes: the methods the runtime calls, and in which context.

* ``probe()`` / ``remove()``: bind and unbind (process context).  ``remove()`` is also what the bus
  calls on hot-unplug: it must stop every interrupt handler, timer and thread that may touch the
  device, because once it returns the device is gone.
* ``request(req)``: a client request (process context) with an untrusted offset and length.
* :class:`NetDriver`: ``enable``, ``disable``, ``send(frame)``, ``suspend``, ``resume`` (process
  context), called in the order of :data:`~drvrt.protocol.NET_PROTOCOL`; ``self.netif`` reports back.
* :class:`SerialDriver`: ``open``, ``close``, ``write(data)``; ``self.port`` reports back.

Interrupt handlers (``drvrt.request_irq``) and timer callbacks (``drvrt.timer``) run in atomic context;
thread bodies (``drvrt.start_thread``) run in process context and ``yield`` the seconds to sleep.
Every handler takes no argument but ``self`` (bound methods), except ``request``, ``send``, ``write``."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import RequestError

if TYPE_CHECKING:
    from .client import Request
    from .protocol import NetInterface, SerialPort


class Driver:
    def probe(self) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        pass

    def request(self, req: "Request") -> Any:
        raise RequestError(f"request {req.op!r} not supported")


class NetDriver(Driver):
    netif: "NetInterface"

    def enable(self) -> None:
        pass

    def disable(self) -> None:
        pass

    def send(self, frame: bytes) -> None:
        raise NotImplementedError

    def suspend(self) -> None:
        pass

    def resume(self) -> None:
        pass


class SerialDriver(Driver):
    port: "SerialPort"

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def write(self, data: bytes) -> None:
        raise NotImplementedError
