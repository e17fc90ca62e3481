"""A serial (UART-style) device.

Registers: ``data`` (write: transmit one byte; read: pop one received byte), ``status`` (STATUS_RX_READY
while received bytes wait, STATUS_TX_EMPTY always: transmission is instantaneous), ``ier`` (interrupt
enable: IER_RX raises an interrupt when bytes arrive).  Reading ``data`` with nothing received, or
writing a value that is not a byte, is a device-protocol error."""
from __future__ import annotations

from collections import deque

from ..bus import Device
from ..errors import DeviceProtocolError

STATUS_RX_READY = 0x1
STATUS_TX_EMPTY = 0x2
IER_RX = 0x1


class SerialDevice(Device):
    kind = "serial"

    def __init__(self, name: str = "serial0"):
        super().__init__(name)
        self.ier = 0
        self.rx: deque[int] = deque()
        self.wire = bytearray()  # everything transmitted

    def read(self, reg: str) -> int:
        if not self.present:
            raise self.gone(f"read of {reg}")
        if reg == "status":
            return STATUS_TX_EMPTY | (STATUS_RX_READY if self.rx else 0)
        if reg == "data":
            if not self.rx:
                raise DeviceProtocolError(f"{self.name}: read of data with no byte received")
            return self.rx.popleft()
        if reg == "ier":
            return self.ier
        raise DeviceProtocolError(f"{self.name}: no register {reg!r}")

    def write(self, reg: str, value: object) -> None:
        if not self.present:
            raise self.gone(f"write of {reg}")
        if reg == "data":
            if not isinstance(value, int) or not 0 <= value <= 255:
                raise DeviceProtocolError(f"{self.name}: data takes one byte, not {value!r}")
            self.wire.append(value)
        elif reg == "ier":
            self.ier = int(value)  # type: ignore[call-overload]
            if self.ier & IER_RX and self.rx:
                self.raise_irq()
        else:
            raise DeviceProtocolError(f"{self.name}: register {reg!r} is not writable")

    # ------------------------------------------------------------------ the line side
    def inject(self, data: bytes) -> None:
        """Bytes arrive on the line."""
        if self.present:
            self.rx.extend(data)
            if self.ier & IER_RX:
                self.raise_irq()
