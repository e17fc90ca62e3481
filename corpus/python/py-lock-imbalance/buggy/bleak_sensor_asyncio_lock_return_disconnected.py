"""BLE sensor over bleak; bug: asyncio.Lock kept on the disconnected early return."""
import asyncio
import struct

from bleak import BleakClient

TEMP_UUID = "00002a6e-0000-1000-8000-00805f9b34fb"


class BleThermo:
    def __init__(self, address: str):
        self.client = BleakClient(address)
        self._lock = asyncio.Lock()

    async def connect(self) -> None:
        await self.client.connect()

    async def temperature(self):
        await self._lock.acquire()
        if not self.client.is_connected:
            return None  # expect: py-lock-imbalance
        self._busy = True
        self._lock.release()
        data = await self.client.read_gatt_char(TEMP_UUID)
        return struct.unpack("<h", data[:2])[0] / 100.0

    async def disconnect(self) -> None:
        async with self._lock:
            await self.client.disconnect()

    async def __aenter__(self):
        await self.connect()
        return self

    async def __aexit__(self, *exc):
        await self.disconnect()
