"""GPS reader daemon; bug: the reader thread is joined after the port is closed."""
import threading

import serial


class GpsReader:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=1.0)
        self.sentences = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gps-reader")
        self._thread.start()

    def _run(self) -> None:
        buf = b""
        while not self._stop.is_set():
            buf += self.ser.read(self.ser.in_waiting or 1)
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                self.sentences.append(line.strip())

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
