"""Projector control over pyserial; bug: dict.get() result used without a check."""
import serial

COMMANDS = {
    "power_on": "PWR ON",
    "power_off": "PWR OFF",
    "hdmi1": "SOURCE 30",
    "hdmi2": "SOURCE A0",
}


class Projector:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=1.0)

    def send(self, name: str) -> bytes:
        cmd = COMMANDS.get(name)
        self.ser.write(cmd.encode("ascii") + b"\r")  # expect: py-unchecked-none
        return self.ser.read_until(b":")

    def power(self, on: bool) -> bytes:
        return self.send("power_on" if on else "power_off")

    def close(self) -> None:
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
