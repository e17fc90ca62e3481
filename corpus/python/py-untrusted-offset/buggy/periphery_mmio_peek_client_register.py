"""Register console on python-periphery MMIO; bug: client register offset unchecked."""
import socket

from periphery import MMIO

BASE, SIZE = 0x3F200000, 0x1000


class RegConsole:
    def __init__(self):
        self.mmio = MMIO(BASE, SIZE)

    def handle(self, conn: socket.socket) -> None:
        parts = conn.recv(128).decode(errors="replace").split()
        if len(parts) != 2 or parts[0] != "peek":
            conn.sendall(b"usage: peek <reg>\n")
            return
        reg = int(parts[1], 0)
        value = self.mmio.read32(reg)  # expect: py-untrusted-offset
        conn.sendall(f"{reg:#06x}: {value:#010x}\n".encode())

    def close(self) -> None:
        self.mmio.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


if __name__ == "__main__":
    with RegConsole() as console, socket.create_server(("127.0.0.1", 7001)) as srv:
        conn, _ = srv.accept()
        console.handle(conn)
