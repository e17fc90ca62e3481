"""Serial reader started on demand; correct: the state-guarded join covers the started case."""
import threading

import serial


class LazyReader:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 57600, timeout=0.3)
        self.data = bytearray()
        self._stop = threading.Event()
        self._thread = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.data += self.ser.read(64)

    def close(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
