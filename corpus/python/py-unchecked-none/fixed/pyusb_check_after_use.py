"""USB scope via pyusb; bug: the None check comes after the first use."""
import sys

import usb.core

VID, PID = 0x04B5, 0x2020


class Scope:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.dev.set_configuration()

    def capture(self, n: int) -> bytes:
        self.dev.ctrl_transfer(0x40, 0xE3, 0, 0, bytes([1]))
        return bytes(self.dev.read(0x86, n, 2000))

    def close(self) -> None:
        self.dev.reset()


def open_scope() -> Scope:
    dev = usb.core.find(idVendor=VID, idProduct=PID)
    if dev is None:
        sys.exit("scope not found")
    dev.reset()
    return Scope(dev)


if __name__ == "__main__":
    scope = open_scope()
    print(len(scope.capture(1024)))
    scope.close()
