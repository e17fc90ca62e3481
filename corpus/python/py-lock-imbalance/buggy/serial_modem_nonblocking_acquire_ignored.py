"""AT-command modem over pyserial; bug: acquire(blocking=False) result ignored, release may not be held."""
import threading

import serial


class Modem:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 115200, timeout=1.0)
        self._lock = threading.Lock()
        self.signal = None

    def command(self, cmd: bytes) -> bytes:
        with self._lock:
            self.ser.reset_input_buffer()
            self.ser.write(cmd + b"\r")
            return self.ser.read_until(b"OK\r\n")

    def refresh_signal(self) -> bool:
        """Called from a UI timer: skip the refresh when a command is running."""
        self._lock.acquire(blocking=False)
        try:
            self.ser.write(b"AT+CSQ\r")
            self.signal = self.ser.read_until(b"OK\r\n")
        finally:
            self._lock.release()  # expect: py-lock-imbalance
        return True

    def close(self) -> None:
        with self._lock:
            self.ser.close()
