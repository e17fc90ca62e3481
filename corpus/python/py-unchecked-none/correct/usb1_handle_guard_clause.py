"""python-libusb1 and bleak lookups; correct: guard clauses before every use."""
import usb1
from bleak import BleakClient, BleakScanner


class Gateway:
    def __init__(self, vid: int, pid: int, ble_address: str):
        self.context = usb1.USBContext()
        handle = self.context.openByVendorIDAndProductID(vid, pid)
        if handle is None:
            raise RuntimeError("USB side not connected")
        handle.claimInterface(0)
        self.handle = handle
        self.ble_address = ble_address
        self.client = None

    async def attach_ble(self) -> bool:
        device = await BleakScanner.find_device_by_address(self.ble_address)
        if device is None:
            return False
        self.client = BleakClient(device)
        await self.client.connect()
        return device.name is not None

    def close(self) -> None:
        self.handle.releaseInterface(0)
        self.handle.close()
        self.context.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
