"""The dummy network device.

Registers: ``data`` (the frame to send), ``ctrl`` (write CTRL_SEND to send ``data``; the driver writes
0 to acknowledge), ``status`` (read-only: STATUS_SENT while a sent frame is unacknowledged, STATUS_RX
while received frames wait in ``rx``), ``rx`` (read pops the oldest received frame).  Sending raises
the "sent" interrupt; a received frame raises the receive interrupt.  Setting CTRL_SEND again before
the driver cleared ctrl is a device-protocol error (the previous frame would be lost)."""
from __future__ import annotations

from collections import deque
from typing import Optional

from ..bus import Device
from ..errors import DeviceProtocolError

CTRL_SEND = 0x1
STATUS_SENT = 0x1
STATUS_RX = 0x2


class DummyNet(Device):
    kind = "net"

    def __init__(self, name: str = "dummynet0"):
        super().__init__(name)
        self.ctrl = 0
        self.data: Optional[bytes] = None
        self.rx: deque[bytes] = deque()
        self.wire: deque[bytes] = deque(maxlen=64)  # the last frames sent
        self.frames_sent = 0

    def read(self, reg: str) -> object:
        if not self.present:
            raise self.gone(f"read of {reg}")
        if reg == "status":
            return (STATUS_SENT if self.ctrl & CTRL_SEND else 0) | (STATUS_RX if self.rx else 0)
        if reg == "ctrl":
            return self.ctrl
        if reg == "rx":
            return self.rx.popleft() if self.rx else None
        if reg == "data":
            return self.data
        raise DeviceProtocolError(f"{self.name}: no register {reg!r}")

    def write(self, reg: str, value: object) -> None:
        if not self.present:
            raise self.gone(f"write of {reg}")
        if reg == "data":
            self.data = value  # type: ignore[assignment]
        elif reg == "ctrl":
            if value == CTRL_SEND:
                if self.ctrl & CTRL_SEND:
                    raise DeviceProtocolError(f"{self.name}: CTRL_SEND while the previous frame is "
                                              "unacknowledged (ctrl not cleared)")
                if self.data is None:
                    raise DeviceProtocolError(f"{self.name}: CTRL_SEND with nothing in data")
                self.ctrl = CTRL_SEND
                self.wire.append(self.data)
                self.frames_sent += 1
                self.raise_irq()
            elif value == 0:
                self.ctrl = 0
            else:
                raise DeviceProtocolError(f"{self.name}: bad ctrl value {value!r}")
        else:
            raise DeviceProtocolError(f"{self.name}: register {reg!r} is not writable")

    def busy(self) -> bool:
        return bool(self.ctrl & CTRL_SEND)

    # ------------------------------------------------------------------ the wire side
    def inject(self, frame: bytes) -> None:
        """A frame arrives from the network."""
        if self.present:
            self.rx.append(frame)
            self.raise_irq()
