"""I2C fan controller over smbus2; bug: release() only in the error branch."""
import threading

from smbus2 import SMBus

ADDR = 0x2F
REG_DUTY = 0x30


class FanController:
    def __init__(self, bus: int = 1):
        self.bus = SMBus(bus)
        self._lock = threading.Lock()
        self._pending = {}

    def flush(self) -> None:
        with self._lock:
            for reg, val in self._pending.items():
                self.bus.write_byte_data(ADDR, reg, val)
            self._pending.clear()

    def set_duty(self, percent: int) -> bool:
        self._lock.acquire()
        if not 0 <= percent <= 100:
            self._lock.release()
            return False
        self._pending[REG_DUTY] = percent * 255 // 100
        return True  # expect: py-lock-imbalance

    def close(self) -> None:
        self.flush()
        self.bus.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
