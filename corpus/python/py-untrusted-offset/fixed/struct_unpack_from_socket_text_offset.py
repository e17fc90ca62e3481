"""Telemetry text server; bug: client offset from sock.recv() reaches struct.unpack_from() unchecked."""
import socket
import struct
import threading

SHADOW_SIZE = 256


class TelemetryServer:
    def __init__(self, host: str = "0.0.0.0", port: int = 5025):
        self.shadow = bytearray(SHADOW_SIZE)
        self._lock = threading.Lock()
        self.sock = socket.create_server((host, port))

    def handle(self, conn: socket.socket) -> None:
        line = conn.recv(64).decode("ascii", errors="replace").strip()
        verb, _, arg = line.partition(" ")
        if verb != "GET":
            conn.sendall(b"ERR verb\n")
            return
        off = int(arg, 0)
        if not 0 <= off <= len(self.shadow) - 2:
            conn.sendall(b"ERR range\n")
            return
        with self._lock:
            (value,) = struct.unpack_from("<H", self.shadow, off)
        conn.sendall(f"{value}\n".encode())

    def close(self) -> None:
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
