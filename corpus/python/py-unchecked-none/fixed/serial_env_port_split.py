"""Serial bridge daemon; bug: os.environ.get() result split without a check."""
import os

import serial


class Bridge:
    def __init__(self):
        spec = os.environ.get("BRIDGE_PORTS", "/dev/ttyUSB0")
        self.ports = [p.strip() for p in spec.split(",")]
        self.links = []

    def open(self) -> None:
        for name in self.ports:
            self.links.append(serial.Serial(name, 115200, timeout=0.1))

    def fan_out(self, data: bytes) -> None:
        for link in self.links:
            link.write(data)

    def close(self) -> None:
        for link in self.links:
            link.close()
        self.links.clear()


if __name__ == "__main__":
    bridge = Bridge()
    bridge.open()
    bridge.fan_out(b"hello\n")
    bridge.close()
