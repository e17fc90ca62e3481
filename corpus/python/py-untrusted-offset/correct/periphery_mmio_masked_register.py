"""Register console on python-periphery; correct: the mask bounds the offset on both sides."""
import socket

from periphery import MMIO

BASE, SIZE = 0x3F200000, 0x1000


class RegConsole:
    def __init__(self):
        self.mmio = MMIO(BASE, SIZE)

    def handle(self, conn: socket.socket) -> None:
        data = conn.recv(4)
        if len(data) != 4:
            return
        req = int.from_bytes(data, "little", signed=True)
        # Any client value maps into the window, word-aligned.
        reg = req & 0xFFC
        value = self.mmio.read32(reg)
        conn.sendall(value.to_bytes(4, "little"))

    def close(self) -> None:
        self.mmio.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
