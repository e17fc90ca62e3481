"""Serial daemon; bug: Thread.join() called from a coroutine."""
import asyncio
import threading

import serial


class Daemon:
    def __init__(self, port: str, loop: asyncio.AbstractEventLoop):
        self.ser = serial.Serial(port, 57600, timeout=0.2)
        self.loop = loop
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._reader, daemon=True)
        self.lines: asyncio.Queue = asyncio.Queue()

    def start(self) -> None:
        self._thread.start()

    def _reader(self) -> None:
        while not self._stop.is_set():
            line = self.ser.readline()
            if line:
                self.loop.call_soon_threadsafe(self.lines.put_nowait, line)

    async def shutdown(self) -> None:
        self._stop.set()
        self._thread.join()  # expect: py-blocking-in-atomic
        self.ser.close()


async def main(port: str) -> None:
    daemon = Daemon(port, asyncio.get_running_loop())
    daemon.start()
    print(await daemon.lines.get())
    await daemon.shutdown()
