"""pyusb dongle; correct: acquire() then try/finally release, with early return and raise inside."""
import threading

import usb.core

EP_IN, EP_OUT = 0x81, 0x01


class Dongle:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self._lock = threading.Lock()

    def transact(self, cmd: bytes) -> bytes:
        self._lock.acquire()
        try:
            self.dev.write(EP_OUT, cmd, 500)
            reply = bytes(self.dev.read(EP_IN, 64, 500))
            if not reply:
                return b""
            if reply[0] != cmd[0]:
                raise IOError("reply for another command")
            return reply[1:]
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self.dev = None


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
