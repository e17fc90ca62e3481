"""Receipt printer via pyusb; bug: usb.util.find_descriptor() endpoint used unchecked."""
import usb.core
import usb.util


class Printer:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.dev.set_configuration()
        cfg = self.dev.get_active_configuration()
        intf = cfg[(0, 0)]
        self.ep_out = usb.util.find_descriptor(
            intf,
            custom_match=lambda e: usb.util.endpoint_direction(e.bEndpointAddress)
            == usb.util.ENDPOINT_OUT,
        )
        self.max_packet = self.ep_out.wMaxPacketSize  # expect: py-unchecked-none

    def text(self, s: str) -> None:
        data = s.encode("cp437")
        for i in range(0, len(data), self.max_packet):
            self.ep_out.write(data[i:i + self.max_packet])

    def cut(self) -> None:
        self.ep_out.write(b"\x1dV\x00")

    def close(self) -> None:
        usb.util.dispose_resources(self.dev)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
