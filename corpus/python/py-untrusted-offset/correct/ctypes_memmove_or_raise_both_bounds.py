"""Capture via pyusb; correct: signed length rejected below 0 and above the buffer."""
import ctypes
import struct

import usb.core

BUF_SIZE = 4096


class Capture:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.buf = ctypes.create_string_buffer(BUF_SIZE)

    def grab(self) -> bytes:
        raw = bytes(self.dev.read(0x82, BUF_SIZE + 4, 1000))
        (length,) = struct.unpack("<i", raw[:4])
        if length < 0 or length > BUF_SIZE or length > len(raw) - 4:
            raise IOError(f"bad length {length}")
        ctypes.memmove(self.buf, raw[4:], length)
        return ctypes.string_at(self.buf, length)

    def close(self) -> None:
        self.dev = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
