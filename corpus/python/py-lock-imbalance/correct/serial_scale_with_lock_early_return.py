"""Serial scale; correct: `with` releases the lock on every return and exception."""
import threading

import serial


class Scale:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=0.3)
        self._lock = threading.Lock()

    def weight_g(self):
        with self._lock:
            self.ser.write(b"W\r\n")
            line = self.ser.readline()
            if not line:
                return None
            if not line.startswith(b"W "):
                raise ValueError(f"bad reply {line!r}")
            return float(line[2:].strip())

    def tare(self) -> None:
        with self._lock:
            self.ser.write(b"T\r\n")

    def close(self) -> None:
        with self._lock:
            self.ser.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
