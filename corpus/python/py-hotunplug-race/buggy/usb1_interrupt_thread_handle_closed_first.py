"""python-libusb1 keypad reader thread; bug: handle closed before the reader thread is joined."""
import threading

import usb1

EP_INT = 0x81


class Keypad:
    def __init__(self, context: usb1.USBContext, vid: int, pid: int):
        self.context = context
        self.handle = context.openByVendorIDAndProductID(vid, pid)
        if self.handle is None:
            raise RuntimeError("keypad not found")
        self.handle.claimInterface(0)
        self.keys = []
        self._alive = True
        self._thread = threading.Thread(target=self._reader, daemon=True)
        self._thread.start()

    def _reader(self) -> None:
        while self._alive:
            try:
                report = self.handle.interruptRead(EP_INT, 8, 250)
            except usb1.USBErrorTimeout:
                continue
            self.keys.extend(k for k in report[2:] if k)

    def close(self) -> None:
        self.handle.releaseInterface(0)
        self.handle.close()  # expect: py-hotunplug-race
        self._alive = False
        self._thread.join()
