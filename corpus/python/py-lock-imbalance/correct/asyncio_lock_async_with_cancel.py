"""BLE light over bleak; correct: `async with` releases the asyncio.Lock on every exit."""
import asyncio

from bleak import BleakClient

CTRL_UUID = "0000ffe9-0000-1000-8000-00805f9b34fb"


class BleLight:
    def __init__(self, address: str):
        self.client = BleakClient(address)
        self._lock = asyncio.Lock()

    async def set_rgb(self, r: int, g: int, b: int) -> bool:
        async with self._lock:
            if not self.client.is_connected:
                return False
            await self.client.write_gatt_char(CTRL_UUID, bytes([0x56, r, g, b, 0, 0xF0, 0xAA]))
            return True

    async def close(self) -> None:
        async with self._lock:
            await self.client.disconnect()

    async def __aenter__(self):
        await self.client.connect()
        return self

    async def __aexit__(self, *exc):
        await self.close()
