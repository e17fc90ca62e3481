"""Non-blocking serial on loop.add_reader; correct: timeout=0 makes read() return at once."""
import asyncio

import serial


class Console:
    def __init__(self, port: str, loop: asyncio.AbstractEventLoop):
        self.ser = serial.Serial(port, 115200, timeout=0)
        self.loop = loop
        self.lines: asyncio.Queue = asyncio.Queue()
        self._buf = bytearray()

    def open(self) -> None:
        self.loop.add_reader(self.ser.fileno(), self._on_readable)

    def _on_readable(self) -> None:
        self._buf += self.ser.read(self.ser.in_waiting or 1)
        while b"\n" in self._buf:
            line, _, rest = bytes(self._buf).partition(b"\n")
            self._buf = bytearray(rest)
            self.lines.put_nowait(line)

    def close(self) -> None:
        self.loop.remove_reader(self.ser.fileno())
        self.ser.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
