"""Serial line logger; bug: close() clears the run flag but does not join the reader thread."""
import threading

import serial


class LineLogger:
    def __init__(self, port: str, sink):
        self.ser = serial.Serial(port, 115200, timeout=0.5)
        self.sink = sink
        self._running = False
        self._thread = None

    def open(self) -> None:
        self._running = True
        self._thread = threading.Thread(target=self._reader, daemon=True)
        self._thread.start()

    def _reader(self) -> None:
        while self._running:
            line = self.ser.readline()
            if line:
                self.sink(line.rstrip())

    def close(self) -> None:
        self._running = False
        self.ser.close()  # expect: py-hotunplug-race

    def __enter__(self):
        self.open()
        return self

    def __exit__(self, *exc):
        self.close()
