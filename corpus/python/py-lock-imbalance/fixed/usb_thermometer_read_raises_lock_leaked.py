"""Thermometer stick via pyusb; bug: dev.read() raising USBError leaks the lock."""
import struct
import threading

import usb.core

EP_IN = 0x82
EP_OUT = 0x02


class ThermoStick:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self._lock = threading.Lock()

    def _request(self) -> None:
        with self._lock:
            self.dev.write(EP_OUT, b"\x01\x80\x33\x01\x00\x00\x00\x00", 1000)

    def read_celsius(self) -> float:
        self._request()
        self._lock.acquire()
        try:
            raw = self.dev.read(EP_IN, 8, 1000)
        finally:
            self._lock.release()
        (centi,) = struct.unpack_from(">h", bytes(raw), 2)
        return centi / 256.0

    def close(self) -> None:
        with self._lock:
            self.dev = None

    def __repr__(self) -> str:
        return f"ThermoStick({self.dev!r})"
