"""USB DAQ via pyusb; bug: usb.core.find() stored in self.dev and used unchecked."""
import usb.core
import usb.util

VID, PID = 0x09DB, 0x0081
EP_IN = 0x81


class Daq:
    def __init__(self):
        self.dev = usb.core.find(idVendor=VID, idProduct=PID)
        if self.dev is None:
            raise ValueError("DAQ not connected")
        if self.dev.is_kernel_driver_active(0):
            self.dev.detach_kernel_driver(0)
        self.dev.set_configuration()
        usb.util.claim_interface(self.dev, 0)

    def sample(self) -> list:
        """Little-endian 16-bit samples, one per channel."""
        raw = self.dev.read(EP_IN, 64, 500)
        return [raw[i] | (raw[i + 1] << 8) for i in range(0, len(raw), 2)]

    def close(self) -> None:
        usb.util.release_interface(self.dev, 0)
        usb.util.dispose_resources(self.dev)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
