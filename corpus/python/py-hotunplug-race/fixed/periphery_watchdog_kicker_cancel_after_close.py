"""Watchdog kicker over python-periphery MMIO; bug: the mapping is closed before the timer is cancelled."""
import threading

from periphery import MMIO

WDT_BASE, WDT_SIZE = 0x4804_2000, 0x100
WDT_KICK = 0x30


class Watchdog:
    def __init__(self, period: float = 1.0):
        self.mmio = MMIO(WDT_BASE, WDT_SIZE)
        self.period = period
        self.kicks = 0
        self._timer = threading.Timer(self.period, self._kick)
        self._timer.start()

    def _kick(self) -> None:
        self.mmio.write32(WDT_KICK, 0x5555)
        self.mmio.write32(WDT_KICK, 0xAAAA)
        self.kicks += 1
        self._timer = threading.Timer(self.period, self._kick)
        self._timer.start()

    def close(self) -> None:
        self._timer.cancel()
        self.mmio.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
