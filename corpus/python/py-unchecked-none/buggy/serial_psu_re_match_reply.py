"""Bench PSU over pyserial; bug: re.match() on the device reply used without a check."""
import re
import threading

import serial


class PowerSupply:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=0.5)
        self._lock = threading.Lock()

    def _query(self, cmd: str) -> str:
        with self._lock:
            self.ser.write(cmd.encode() + b"\n")
            return self.ser.readline().decode(errors="replace").strip()

    def voltage(self) -> float:
        reply = self._query("VOUT1?")
        m = re.match(r"^(\d+\.\d+)V?$", reply)
        return float(m.group(1))  # expect: py-unchecked-none

    def set_voltage(self, volts: float) -> None:
        self._query(f"VSET1:{volts:05.2f}")

    def close(self) -> None:
        with self._lock:
            self.ser.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
