"""Serial capture with a writer thread; correct: the thread never touches the port."""
import queue
import threading

import serial


class Capture:
    def __init__(self, port: str, path: str):
        self.ser = serial.Serial(port, 921600, timeout=0.1)
        self.out = open(path, "ab")
        self._q = queue.Queue()
        self._writer = threading.Thread(target=self._drain, daemon=True)
        self._writer.start()

    def _drain(self) -> None:
        while True:
            chunk = self._q.get()
            if chunk is None:
                break
            self.out.write(chunk)

    def pump(self) -> None:
        self._q.put(self.ser.read(4096))

    def close(self) -> None:
        self.ser.close()
        self._q.put(None)
        self._writer.join()
        self.out.close()
