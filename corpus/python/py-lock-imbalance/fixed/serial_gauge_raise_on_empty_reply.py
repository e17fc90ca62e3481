"""Level gauge on a serial line; bug: raise between acquire() and release() leaks the port lock."""
import threading

import serial


class LevelGauge:
    """Answers `LVL?` with a line like `LVL 0123`."""

    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=0.5)
        self._lock = threading.Lock()
        self._last = b""

    def poll(self) -> None:
        with self._lock:
            self.ser.write(b"LVL?\r\n")
            self._last = self.ser.readline()

    def level_mm(self) -> int:
        with self._lock:
            reply = self._last
            if not reply.startswith(b"LVL "):
                raise TimeoutError("gauge did not answer")
            self._last = b""
        return int(reply[4:8])

    def close(self) -> None:
        with self._lock:
            self.ser.close()
