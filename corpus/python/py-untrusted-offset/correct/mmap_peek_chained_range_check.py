"""FPGA register peek; correct: chained comparison bounds the signed offset on both sides."""
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
        req = conn.recv(4)
        if len(req) != 4:
            return
        (off,) = struct.unpack("<i", req)
        if not 0 <= off <= len(self.mm) - 4:
            conn.sendall(b"ERR")
            return
        conn.sendall(self.mm[off:off + 4])

    def close(self) -> None:
        self.mm.close()
        os.close(self.fd)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
