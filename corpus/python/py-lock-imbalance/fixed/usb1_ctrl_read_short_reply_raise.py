"""Status reader over python-libusb1; bug: controlRead() raising and the short-reply raise leak the lock."""
import struct
import threading

import usb1

REQ_STATUS = 0x03


class BootDevice:
    def __init__(self, handle: usb1.USBDeviceHandle):
        self.handle = handle
        self._lock = threading.Lock()

    def status(self) -> int:
        self._lock.acquire()
        try:
            data = self.handle.controlRead(0xC0, REQ_STATUS, 0, 0, 4, 500)
            if len(data) != 4:
                raise IOError("short status reply")
        finally:
            self._lock.release()
        return struct.unpack("<I", data)[0]

    def reset(self) -> None:
        with self._lock:
            self.handle.controlWrite(0x40, 0x04, 0, 0, b"", 500)

    def close(self) -> None:
        with self._lock:
            self.handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
