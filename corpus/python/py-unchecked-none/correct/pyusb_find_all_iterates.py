"""Multi-device pyusb enumeration; correct: find_all=True and dict.get with a default are never None."""
import usb.core
import usb.util

NAMES = {0x0001: "relay-2ch", 0x0002: "relay-4ch"}


class RelayFarm:
    def __init__(self, vid: int = 0x16C0):
        self.devices = []
        for dev in usb.core.find(find_all=True, idVendor=vid):
            dev.set_configuration()
            self.devices.append(dev)

    def describe(self) -> list:
        out = []
        for dev in self.devices:
            name = NAMES.get(dev.idProduct, "unknown")
            out.append(name.upper() + f"@{dev.bus}:{dev.address}")
        return out

    def all_off(self) -> None:
        for dev in self.devices:
            dev.ctrl_transfer(0x21, 0x09, 0x0300, 0, bytes([0xFC, 0, 0, 0, 0, 0, 0, 0]))

    def close(self) -> None:
        for dev in self.devices:
            usb.util.dispose_resources(dev)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
