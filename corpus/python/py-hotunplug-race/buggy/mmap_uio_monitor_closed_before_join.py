"""UIO status monitor; bug: the mmap is closed before the monitor thread is joined."""
import mmap
import os
import struct
import threading
import time

MAP_SIZE = 0x1000


class UioMonitor:
    def __init__(self, path: str = "/dev/uio0"):
        self.fd = os.open(path, os.O_RDWR | os.O_SYNC)
        self.mm = mmap.mmap(self.fd, MAP_SIZE)
        self.status = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._monitor)
        self._thread.start()

    def _monitor(self) -> None:
        while not self._stop.is_set():
            (self.status,) = struct.unpack_from("<I", self.mm, 0x10)
            time.sleep(0.01)

    def close(self) -> None:
        self._stop.set()
        self.mm.close()  # expect: py-hotunplug-race
        self._thread.join()
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
