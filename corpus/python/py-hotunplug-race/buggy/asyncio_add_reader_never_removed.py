"""asyncio serial console; bug: the readiness callback is never removed before ser.close()."""
import asyncio

import serial


class Console:
    def __init__(self, port: str, loop: asyncio.AbstractEventLoop):
        self.ser = serial.Serial(port, 115200, timeout=0)
        self.loop = loop
        self.lines: asyncio.Queue = asyncio.Queue()
        self._buf = b""

    def open(self) -> None:
        self.loop.add_reader(self.ser.fileno(), self._on_readable)

    def _on_readable(self) -> None:
        self._buf += self.ser.read(self.ser.in_waiting or 1)
        while b"\n" in self._buf:
            line, self._buf = self._buf.split(b"\n", 1)
            self.lines.put_nowait(line)

    def close(self) -> None:
        self.ser.close()  # expect: py-hotunplug-race

    async def __aenter__(self):
        self.open()
        return self

    async def __aexit__(self, *exc):
        self.close()
