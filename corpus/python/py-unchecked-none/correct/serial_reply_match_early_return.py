"""Serial thermometer; correct: regex results are tested (truthiness and walrus) before use."""
import re

import serial


class Thermometer:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=0.5)

    def _ask(self, cmd: bytes) -> str:
        self.ser.write(cmd)
        return self.ser.readline().decode(errors="replace").strip()

    def celsius(self):
        m = re.match(r"T=(-?\d+\.\d)", self._ask(b"T?\n"))
        if not m:
            return None
        return float(m.group(1))

    def firmware(self) -> str:
        if (m := re.fullmatch(r"FW (\S+)", self._ask(b"V?\n"))) is not None:
            return m.group(1)
        return "unknown"

    def close(self) -> None:
        self.ser.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
