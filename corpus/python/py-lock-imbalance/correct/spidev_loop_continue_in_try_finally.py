"""SPI LED strip; correct: `continue` inside try/finally still releases the per-frame lock."""
import threading

import spidev


class LedStrip:
    def __init__(self, count: int):
        self.spi = spidev.SpiDev()
        self.spi.open(0, 0)
        self._lock = threading.Lock()
        self.frames = [[0, 0, 0]] * count

    def push(self, frames) -> int:
        sent = 0
        for frame in frames:
            self._lock.acquire()
            try:
                if not frame:
                    continue
                self.spi.writebytes2(bytes(frame))
                sent += 1
            finally:
                self._lock.release()
        return sent

    def close(self) -> None:
        with self._lock:
            self.spi.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
