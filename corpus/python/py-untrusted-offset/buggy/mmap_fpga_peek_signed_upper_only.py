"""FPGA register peek service over mmap; bug: signed client offset, only the upper bound checked."""
import mmap
import os
import socket
import struct

WINDOW = 0x10000


class FpgaPeek:
    def __init__(self, base: int):
        self.fd = os.open("/dev/mem", os.O_RDWR | os.O_SYNC)
        self.mm = mmap.mmap(self.fd, WINDOW, offset=base)

    def serve_one(self, conn: socket.socket) -> None:
        req = conn.recv(8)
        if len(req) != 8:
            return
        off, count = struct.unpack("<iI", req)
        if off + 4 > len(self.mm):
            conn.sendall(b"ERR")
            return
        word = self.mm[off:off + 4]  # expect: py-untrusted-offset
        conn.sendall(word)

    def close(self) -> None:
        self.mm.close()
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
