"""OS protocol state machines of the runtime's driver interfaces.

A :class:`Protocol` is a table ``operation -> {state: next state}``; an operation from a state the table
does not list raises :class:`~drvrt.errors.ProtocolViolation`.  Both directions go through it: what the
OS asks of the driver (enable, send...) and what the driver tells the OS (a received frame, a completed
send).  After the device is unplugged the interface is gone and any driver call on it is a
use-after-unplug."""
from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Mapping

from .errors import ProtocolViolation, UseAfterUnplug

if TYPE_CHECKING:
    from .runtime import Runtime


class Protocol:
    def __init__(self, name: str, initial: str, transitions: Mapping[str, Mapping[str, str]]):
        self.name = name
        self.initial = initial
        self.transitions = {op: dict(moves) for op, moves in transitions.items()}

    def next(self, state: str, op: str) -> str:
        moves = self.transitions.get(op)
        if moves is None:
            raise ProtocolViolation(f"{self.name}: unknown operation {op!r}")
        nxt = moves.get(state)
        if nxt is None:
            allowed = ", ".join(sorted(moves)) or "none"
            raise ProtocolViolation(f"{self.name}: {op} while {state} (allowed in: {allowed})")
        return nxt


NET_PROTOCOL = Protocol("net", "disabled", {
    "enable": {"disabled": "enabled"},
    "disable": {"enabled": "disabled", "suspended": "disabled"},
    "send": {"enabled": "enabled"},
    "tx_done": {"enabled": "enabled"},
    "receive": {"enabled": "enabled"},
    "suspend": {"enabled": "suspended"},
    "resume": {"suspended": "enabled"},
})

SERIAL_PROTOCOL = Protocol("serial", "closed", {
    "open": {"closed": "open"},
    "close": {"open": "closed"},
    "write": {"open": "open"},
    "receive": {"open": "open"},
})


class Interface:
    """One driver's instance of a protocol, owned by the runtime."""

    protocol: Protocol

    def __init__(self, rt: "Runtime", driver: Any):
        self.rt = rt
        self.driver = driver
        self.state = self.protocol.initial
        self.gone = False  # unregistered by hot-unplug

    def _step(self, op: str) -> None:
        if self.gone:
            raise UseAfterUnplug(f"{self.protocol.name} interface used ({op}) after its device was unplugged",
                                 self.rt.teardown_name)
        self.state = self.protocol.next(self.state, op)

    def _os_call(self, op: str, handler: Callable[..., Any], *args: Any) -> Any:
        """The OS invokes a driver operation: protocol check, then the handler in process context."""
        if self.gone or not self.rt.bound:
            return None  # the OS does not call into an unregistered (or never registered) interface
        self.state = self.protocol.next(self.state, op)
        return self.rt.call(handler, *args)


class NetInterface(Interface):
    """A network interface: the OS hands frames to ``send`` one at a time (queue depth one, as after
    netif_stop_queue); the driver reports ``tx_done()`` and hands up frames with ``receive()``."""

    protocol = NET_PROTOCOL

    def __init__(self, rt: "Runtime", driver: Any):
        super().__init__(rt, driver)
        self.tx_queue: deque[bytes] = deque()
        self.inflight = False
        self.sent = 0
        self.received: deque[bytes] = deque(maxlen=256)
        self.rx_count = 0

    # ------------------------------------------------------------------ the OS side
    def os_enable(self) -> None:
        self._os_call("enable", self.driver.enable)

    def os_disable(self) -> None:
        self._os_call("disable", self.driver.disable)
        self.tx_queue.clear()
        self.inflight = False

    def os_suspend(self) -> None:
        self._os_call("suspend", self.driver.suspend)

    def os_resume(self) -> None:
        self._os_call("resume", self.driver.resume)
        self.rt.loop.post(self._kick)

    def os_send(self, frame: bytes) -> None:
        if self.gone or not self.rt.bound:
            return
        self.protocol.next(self.state, "send")  # sending on a disabled interface is itself out of order
        self.tx_queue.append(frame)
        if not self.inflight:
            self._kick(None)

    def _kick(self, _: Any) -> None:
        if self.inflight or not self.tx_queue or self.state != "enabled" or self.gone:
            return
        frame = self.tx_queue.popleft()
        self.inflight = True
        rt = self.rt
        send = self.driver.send
        send(frame)
        if rt.ctx.locks:
            rt.returned_holding(send)

    # ------------------------------------------------------------------ the driver side
    def tx_done(self) -> None:
        """The driver's report that the frame handed to ``send`` has gone out."""
        if self.gone or self.state != "enabled":
            self._step("tx_done")
        if not self.inflight:
            raise ProtocolViolation("net: tx_done without a frame in flight")
        self.inflight = False
        self.sent += 1
        if self.tx_queue:
            self.rt.loop.post(self._kick)

    def receive(self, frame: bytes) -> None:
        """Hand a received frame to the OS."""
        self._step("receive")
        self.rx_count += 1
        self.received.append(frame)


class SerialPort(Interface):
    """A serial port (tty): the OS opens, closes and writes; the driver hands up received bytes."""

    protocol = SERIAL_PROTOCOL

    def __init__(self, rt: "Runtime", driver: Any):
        super().__init__(rt, driver)
        self.received = bytearray()

    def os_open(self) -> None:
        self._os_call("open", self.driver.open)

    def os_close(self) -> None:
        self._os_call("close", self.driver.close)

    def os_write(self, data: bytes) -> None:
        self._os_call("write", self.driver.write, data)

    def receive(self, data: bytes) -> None:
        """Hand received bytes to the OS."""
        self._step("receive")
        self.received += data
