"""Vendor interface lookup via pyusb; bug: the None check is only effective in strict mode."""
import usb.core
import usb.util


class VendorLink:
    def __init__(self, dev: usb.core.Device, strict: bool = False):
        self.dev = dev
        self.strict = strict
        self.iface = None

    def open(self) -> None:
        cfg = self.dev.get_active_configuration()
        intf = usb.util.find_descriptor(cfg, bInterfaceClass=0xFF)
        if intf is None and self.strict:
            raise usb.core.USBError("no vendor interface")
        self.iface = intf.bInterfaceNumber  # expect: py-unchecked-none
        usb.util.claim_interface(self.dev, self.iface)

    def send(self, data: bytes) -> int:
        return self.dev.write(0x01, data, 1000)

    def close(self) -> None:
        if self.iface is not None:
            usb.util.release_interface(self.dev, self.iface)
        usb.util.dispose_resources(self.dev)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
