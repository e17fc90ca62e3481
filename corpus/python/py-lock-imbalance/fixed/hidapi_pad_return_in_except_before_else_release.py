"""LED pad over hidapi; bug: release() in the try's else clause, the except path returns holding the lock."""
import threading

import hid

VID, PID = 0x20A0, 0x41E5


class LedPad:
    def __init__(self):
        self.dev = hid.device()
        self.dev.open(VID, PID)
        self._lock = threading.Lock()

    def set_color(self, r: int, g: int, b: int) -> int:
        report = [0x00, 0x05, r, g, b, 0, 0, 0, 0]
        self._lock.acquire()
        try:
            n = self.dev.write(report)
        except (OSError, ValueError):  # hid.device raises ValueError("not open") after close()
            return -1
        finally:
            self._lock.release()
        return n

    def serial_number(self) -> str:
        with self._lock:
            return self.dev.get_serial_number_string()

    def close(self) -> None:
        with self._lock:
            self.dev.close()
