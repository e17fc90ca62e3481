"""Fan controller; correct: asyncio.sleep in the coroutine, time.sleep only in the worker thread."""
import asyncio
import threading
import time

from smbus2 import SMBus


class Fan:
    def __init__(self):
        self.bus = SMBus(1)
        self.rpm = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tach_worker, daemon=True)

    def _tach_worker(self) -> None:
        while not self._stop.is_set():
            self.rpm = self.bus.read_word_data(0x2F, 0x3E)
            time.sleep(0.5)

    async def ramp(self, target: int) -> None:
        for duty in range(0, target, 10):
            await asyncio.to_thread(self.bus.write_byte_data, 0x2F, 0x30, duty)
            await asyncio.sleep(0.1)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.bus.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
