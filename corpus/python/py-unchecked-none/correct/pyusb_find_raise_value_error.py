"""pyusb device open; correct: both lookups are tested before use."""
import usb.core
import usb.util

VID, PID = 0x2341, 0x8036


class Board:
    def __init__(self):
        dev = usb.core.find(idVendor=VID, idProduct=PID)
        if dev is None:
            raise ValueError("Device not found")
        dev.set_configuration()
        intf = dev.get_active_configuration()[(0, 0)]
        ep = usb.util.find_descriptor(
            intf,
            custom_match=lambda e: usb.util.endpoint_direction(e.bEndpointAddress)
            == usb.util.ENDPOINT_IN,
        )
        if ep is None:
            raise ValueError("no IN endpoint")
        self.dev = dev
        self.ep_in = ep.bEndpointAddress

    def read(self) -> bytes:
        return bytes(self.dev.read(self.ep_in, 64, 500))

    def close(self) -> None:
        usb.util.dispose_resources(self.dev)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
