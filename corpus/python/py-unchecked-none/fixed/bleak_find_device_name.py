"""BLE kitchen scale on bleak; bug: find_device_by_address() result used without a check."""
import asyncio

from bleak import BleakClient, BleakScanner

WEIGHT_UUID = "0000fff4-0000-1000-8000-00805f9b34fb"


class Scale:
    def __init__(self, address: str):
        self.address = address
        self.client = None
        self.name = ""

    async def connect(self) -> None:
        device = await BleakScanner.find_device_by_address(self.address, timeout=10.0)
        if device is None:
            raise RuntimeError(f"{self.address} not found")
        self.name = device.name or self.address
        self.client = BleakClient(device)
        await self.client.connect()

    async def weight_g(self) -> int:
        data = await self.client.read_gatt_char(WEIGHT_UUID)
        return int.from_bytes(data[1:3], "big")

    async def disconnect(self) -> None:
        if self.client is not None:
            await self.client.disconnect()


async def main(address: str) -> None:
    scale = Scale(address)
    await scale.connect()
    print(scale.name, await scale.weight_g())
    await scale.disconnect()
