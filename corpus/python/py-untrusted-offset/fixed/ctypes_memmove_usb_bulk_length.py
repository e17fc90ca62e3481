"""USB capture via pyusb into a ctypes buffer; bug: header length passed to memmove() unchecked."""
import ctypes
import struct

import usb.core

EP_IN = 0x82
BUF_SIZE = 4096


class Capture:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.buf = (ctypes.c_ubyte * BUF_SIZE)()

    def grab(self) -> bytes:
        raw = bytes(self.dev.read(EP_IN, 512 + 4, 1000))
        (length,) = struct.unpack("<I", raw[:4])
        if length > len(raw) - 4 or length > BUF_SIZE:
            raise IOError(f"bad length {length}")
        payload = ctypes.create_string_buffer(raw[4:])
        ctypes.memmove(self.buf, payload, length)
        return bytes(self.buf[:length])

    def reset(self) -> None:
        self.dev.ctrl_transfer(0x40, 0x01, 0, 0, None, 500)

    def close(self) -> None:
        self.dev = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
