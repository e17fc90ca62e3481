"""Instrument with a keep-alive timer; bug: close() never cancels the re-arming Timer."""
import threading

import serial

PERIOD = 5.0


class Instrument:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 38400, timeout=0.5)
        self._lock = threading.Lock()
        self._timer = None
        self._arm()

    def _arm(self) -> None:
        self._timer = threading.Timer(PERIOD, self._keepalive)
        self._timer.daemon = True
        self._timer.start()

    def _keepalive(self) -> None:
        with self._lock:
            self.ser.write(b"KA\r")
        self._arm()

    def query(self, cmd: bytes) -> bytes:
        with self._lock:
            self.ser.write(cmd + b"\r")
            return self.ser.read_until(b"\r")

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            self.ser.close()
