"""Serial bootloader client; bug: device-announced length sizes bytearray() unchecked."""
import serial

MAX_CHUNK = 1 << 16


class BootClient:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 115200, timeout=2.0)

    def read_chunk(self) -> bytearray:
        hdr = self.ser.read(6)
        if len(hdr) != 6 or hdr[:2] != b"\xa5\x5a":
            raise IOError("bad chunk header")
        n = int.from_bytes(hdr[2:6], "little")
        chunk = bytearray(n)  # expect: py-untrusted-offset
        view = memoryview(chunk)
        got = 0
        while got < n:
            part = self.ser.read(n - got)
            if not part:
                raise TimeoutError("chunk truncated")
            view[got:got + len(part)] = part
            got += len(part)
        return chunk

    def close(self) -> None:
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
