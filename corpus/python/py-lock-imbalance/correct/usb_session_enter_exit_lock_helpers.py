"""pyusb session object; correct: __enter__ acquires and __exit__ releases by design."""
import threading

import usb.core
import usb.util


class Session:
    _bus_lock = threading.Lock()

    def __init__(self, dev: usb.core.Device):
        self.dev = dev

    def __enter__(self) -> "Session":
        self._bus_lock.acquire()
        usb.util.claim_interface(self.dev, 0)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            usb.util.release_interface(self.dev, 0)
        finally:
            self._bus_lock.release()

    def send(self, data: bytes) -> int:
        return self.dev.write(0x01, data, 1000)


def upload(dev: usb.core.Device, blob: bytes) -> int:
    with Session(dev) as s:
        return s.send(blob)
