"""UIO ring reader; correct: unsigned fields need only the upper bound, here on their sum."""
import mmap
import os
import struct

import usb.core

BUF_SIZE = 0x8000


class RingReader:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.fd = os.open("/dev/uio0", os.O_RDWR)
        self.mm = mmap.mmap(self.fd, BUF_SIZE)

    def next_packet(self):
        desc = bytes(self.dev.ctrl_transfer(0xC0, 0x31, 0, 0, 4, 500))
        off, n = struct.unpack("<HH", desc)
        if off + n > BUF_SIZE:
            return None
        return bytes(self.mm[off:off + n])

    def close(self) -> None:
        self.mm.close()
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
