"""Serial reader; correct: stop, join, then close."""
import threading

import serial


class Reader:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 115200, timeout=0.2)
        self.lines = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            line = self.ser.readline()
            if line:
                self.lines.append(line)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
