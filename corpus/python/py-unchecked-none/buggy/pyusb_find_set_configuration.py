"""USB LED sign via pyusb; bug: usb.core.find() result used without a None check."""
import usb.core
import usb.util

VID, PID = 0x1D34, 0x0013
EP_OUT = 0x02


class LedSign:
    def __init__(self):
        dev = usb.core.find(idVendor=VID, idProduct=PID)
        dev.set_configuration()  # expect: py-unchecked-none
        self.dev = dev
        self.brightness = 7

    def show(self, frame: bytes) -> int:
        return self.dev.write(EP_OUT, frame, 1000)

    def clear(self) -> None:
        self.show(bytes(64))

    def set_brightness(self, level: int) -> None:
        self.brightness = max(0, min(7, level))
        self.dev.ctrl_transfer(0x21, 0x09, 0x0200 | self.brightness, 0, b"\x00" * 8)

    def close(self) -> None:
        self.clear()
        usb.util.dispose_resources(self.dev)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
