"""Serial modem; correct: try-lock and timed acquire results are checked before release."""
import threading

import serial


class Modem:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 115200, timeout=1.0)
        self._lock = threading.Lock()
        self.signal = None

    def refresh_signal(self) -> bool:
        if not self._lock.acquire(blocking=False):
            return False
        try:
            self.ser.write(b"AT+CSQ\r")
            self.signal = self.ser.read_until(b"OK\r\n")
        finally:
            self._lock.release()
        return True

    def hangup(self) -> None:
        if not self._lock.acquire(timeout=2.0):
            raise TimeoutError("modem busy")
        try:
            self.ser.write(b"ATH\r")
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self.ser.close()
