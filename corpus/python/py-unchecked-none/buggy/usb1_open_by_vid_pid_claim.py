"""Bootloader flasher on python-libusb1; bug: openByVendorIDAndProductID() result unchecked."""
import usb1

VID, PID = 0x0483, 0xDF11


class Flasher:
    def __init__(self):
        self.context = usb1.USBContext()
        self.handle = None

    def open(self) -> None:
        handle = self.context.openByVendorIDAndProductID(VID, PID, skip_on_error=True)
        handle.claimInterface(0)  # expect: py-unchecked-none
        self.handle = handle

    def write_block(self, block: int, data: bytes) -> None:
        self.handle.controlWrite(0x21, 0x01, block, 0, data, 5000)

    def status(self) -> bytes:
        return self.handle.controlRead(0xA1, 0x03, 0, 0, 6, 5000)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.releaseInterface(0)
            self.handle.close()
            self.handle = None
        self.context.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
