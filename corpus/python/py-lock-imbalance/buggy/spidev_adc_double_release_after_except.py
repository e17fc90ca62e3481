"""SPI ADC over spidev; bug: the except handler releases, then the normal release runs again."""
import threading

import spidev


class Adc8:
    def __init__(self, bus: int = 0, cs: int = 0):
        self.spi = spidev.SpiDev()
        self.spi.open(bus, cs)
        self.spi.max_speed_hz = 1_000_000
        self._lock = threading.Lock()
        self.errors = 0

    def read_channel(self, ch: int):
        self._lock.acquire()
        try:
            raw = self.spi.xfer2([1, (8 + ch) << 4, 0])
        except OSError:
            self._lock.release()
            self.errors += 1
            raw = None
        self._lock.release()  # expect: py-lock-imbalance
        if raw is None:
            return None
        return ((raw[1] & 3) << 8) | raw[2]

    def close(self) -> None:
        with self._lock:
            self.spi.close()
