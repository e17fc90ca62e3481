"""Serial-to-MMIO register bridge; bug: signed offset from the host, only the upper bound tested."""
import struct

import serial
from periphery import MMIO

WINDOW = 0x400


class RegBridge:
    def __init__(self, port: str, base: int):
        self.ser = serial.Serial(port, 921600, timeout=0.05)
        self.mmio = MMIO(base, WINDOW)
        self.size = WINDOW
        self.rejected = 0

    def pump(self) -> int:
        pkt = self.ser.read(6)
        if len(pkt) != 6:
            return 0
        off, val = struct.unpack("<hI", pkt)
        if 0 <= off and off + 4 <= self.size:
            self.mmio.write32(off, val)
            return 1
        self.rejected += 1
        return 0

    def close(self) -> None:
        self.mmio.close()
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
