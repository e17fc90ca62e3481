"""Mapped BAR reader with ctypes; bug: signed channel index from the device reaches from_address()."""
import ctypes
import mmap
import os
import struct

import usb.core

CHANNELS = 16


class BarReader:
    def __init__(self, dev: usb.core.Device, resource: str):
        self.dev = dev
        self.fd = os.open(resource, os.O_RDWR | os.O_SYNC)
        self.mm = mmap.mmap(self.fd, 4 * CHANNELS)
        self.buf = (ctypes.c_char * (4 * CHANNELS)).from_buffer(self.mm)
        self.base = ctypes.addressof(self.buf)

    def alarm_value(self) -> int:
        report = bytes(self.dev.read(0x81, 8, 500))
        (idx,) = struct.unpack_from("<b", report, 1)
        if not 0 <= idx < CHANNELS:
            raise IOError(f"alarm on channel {idx}")
        word = ctypes.c_uint32.from_address(self.base + 4 * idx)
        return word.value

    def close(self) -> None:
        del self.buf
        self.mm.close()
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
