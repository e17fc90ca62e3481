"""UIO DMA ring reader; bug: device-supplied descriptor offset/length slice the map unchecked."""
import mmap
import os
import struct

import usb.core

BUF_SIZE = 0x8000
REQ_DESC = 0x31


class RingReader:
    def __init__(self, dev: usb.core.Device, uio: str = "/dev/uio0"):
        self.dev = dev
        self.fd = os.open(uio, os.O_RDWR)
        self.mm = mmap.mmap(self.fd, BUF_SIZE)

    def next_packet(self) -> bytes:
        desc = bytes(self.dev.ctrl_transfer(0xC0, REQ_DESC, 0, 0, 4, 500))
        off, n = struct.unpack("<HH", desc)
        packet = bytes(self.mm[off:off + n])  # expect: py-untrusted-offset
        self.dev.ctrl_transfer(0x40, REQ_DESC, off, 0, None, 500)
        return packet

    def close(self) -> None:
        self.mm.close()
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
