"""USB relay board over pyusb; bug: early return while detached keeps the lock."""
import threading

import usb.core
import usb.util

VID, PID = 0x16C0, 0x05DF


class RelayBoard:
    def __init__(self):
        self.dev = usb.core.find(idVendor=VID, idProduct=PID)
        if self.dev is None:
            raise ValueError("relay board not found")
        self._lock = threading.Lock()
        self.state = 0

    def detach(self) -> None:
        with self._lock:
            usb.util.dispose_resources(self.dev)
            self.dev = None

    def set_relay(self, index: int, on: bool) -> bool:
        self._lock.acquire()
        dev = self.dev
        if dev is None:
            self._lock.release()
            return False
        mask = 1 << index
        self.state = (self.state | mask) if on else (self.state & ~mask)
        report = bytes([0xFF if on else 0xFD, index + 1, 0, 0, 0, 0, 0, 0])
        self._lock.release()
        dev.ctrl_transfer(0x21, 0x09, 0x0300, 0, report)
        return True
