"""Named-register server over mmap; correct: offsets come from the driver's own table."""
import mmap
import os
import socket

REGS = {"ctrl": 0x00, "status": 0x04, "temp": 0x08, "fan": 0x0C}
SIZE = 0x100


class NamedRegs:
    def __init__(self, path: str = "/dev/uio1"):
        self.fd = os.open(path, os.O_RDWR)
        self.mm = mmap.mmap(self.fd, SIZE)

    def handle(self, conn: socket.socket) -> None:
        verb, _, rest = conn.recv(64).decode(errors="replace").strip().partition(" ")
        name, _, payload = rest.partition(" ")
        off = REGS.get(name)
        if off is None:
            conn.sendall(b"ERR name\n")
            return
        if verb == "GET":
            conn.sendall(self.mm[off:off + 4].hex().encode() + b"\n")
        elif verb == "SET":
            data = bytes.fromhex(payload)[:4]
            self.mm[off:off + len(data)] = data

    def close(self) -> None:
        self.mm.close()
        os.close(self.fd)
