"""NMEA reader on loop.add_reader; bug: readline() on a blocking port in the readiness callback."""
import asyncio

import serial


class NmeaReader:
    def __init__(self, port: str, loop: asyncio.AbstractEventLoop):
        self.ser = serial.Serial(port, 9600, timeout=0)
        self.loop = loop
        self.sentences: asyncio.Queue = asyncio.Queue()
        self._buf = b""

    def open(self) -> None:
        self.loop.add_reader(self.ser.fileno(), self._on_readable)

    def _on_readable(self) -> None:
        line = self.ser.read(self.ser.in_waiting or 1)
        self._buf += line
        while b"\n" in self._buf:
            sentence, self._buf = self._buf.split(b"\n", 1)
            self.sentences.put_nowait(sentence.strip())

    def close(self) -> None:
        self.loop.remove_reader(self.ser.fileno())
        self.ser.close()

    async def next_fix(self) -> bytes:
        while True:
            s = await self.sentences.get()
            if s.startswith(b"$GPGGA"):
                return s
