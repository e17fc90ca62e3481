"""Shared register file over mmap; bug: signed client offset, only `off >= size` rejected."""
import mmap
import socket
import struct

SIZE = 4096


class RegisterFile:
    def __init__(self, path: str):
        self.f = open(path, "r+b")
        self.mm = mmap.mmap(self.f.fileno(), SIZE)
        self.size = SIZE

    def handle_write(self, conn: socket.socket) -> bool:
        msg = conn.recv(8)
        if len(msg) < 8:
            return False
        off, val = struct.unpack("<iI", msg)
        if off >= self.size:
            return False
        struct.pack_into("<I", self.mm, off, val)  # expect: py-untrusted-offset
        self.mm.flush()
        return True

    def close(self) -> None:
        self.mm.close()
        self.f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
