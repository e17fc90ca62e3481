"""Bootloader wait loop via pyusb; correct: the loop exits only with a device."""
import time

import usb.core

APP = (0x1209, 0x0001)
BOOT = (0x1209, 0x0002)


class Updater:
    def __init__(self):
        self.dev = None

    def wait_for_bootloader(self, poll: float = 0.5) -> None:
        dev = usb.core.find(idVendor=BOOT[0], idProduct=BOOT[1])
        while dev is None:
            time.sleep(poll)
            dev = usb.core.find(idVendor=BOOT[0], idProduct=BOOT[1])
        dev.set_configuration()
        self.dev = dev

    def reboot_app(self) -> None:
        self.dev.ctrl_transfer(0x40, 0x0F, 0, 0, None, 500)
        app = usb.core.find(idVendor=APP[0], idProduct=APP[1])
        if app is not None:
            print(app.serial_number)

    def close(self) -> None:
        self.dev = None


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
