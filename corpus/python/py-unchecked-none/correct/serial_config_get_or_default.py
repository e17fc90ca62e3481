"""Serial logger configuration; correct: every dict.get() result is narrowed or defaulted."""
import os

import serial


class Logger:
    def __init__(self, cfg: dict):
        baud = cfg.get("baud")
        rate = int(baud) if baud is not None else 115200
        port = os.environ.get("LOGGER_PORT") or "/dev/ttyACM0"
        self.ser = serial.Serial(port.strip(), rate, timeout=0.5)
        prefix = cfg.get("prefix")
        if prefix is None:
            prefix = "log"
        self.prefix = prefix.lower()

    def line(self) -> str:
        """One prefixed log line (empty payload on a read timeout)."""
        raw = self.ser.readline()
        return f"{self.prefix}: {raw.decode(errors='replace').rstrip()}"

    def close(self) -> None:
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
