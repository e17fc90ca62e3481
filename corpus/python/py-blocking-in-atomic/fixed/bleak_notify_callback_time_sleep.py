"""BLE heart-rate logger; bug: time.sleep() inside a bleak notification callback."""
import asyncio
import time

from bleak import BleakClient

HR_UUID = "00002a37-0000-1000-8000-00805f9b34fb"


class HeartRateLogger:
    def __init__(self, address: str):
        self.client = BleakClient(address)
        self.samples = []
        self._last = 0.0

    async def start(self) -> None:
        await self.client.connect()
        await self.client.start_notify(HR_UUID, self._on_hr)

    def _on_hr(self, sender, data: bytearray) -> None:
        flags = data[0]
        bpm = data[1] if not flags & 1 else data[1] | (data[2] << 8)
        now = time.monotonic()
        if now - self._last >= 0.2:
            self.samples.append(bpm)
            self._last = now

    async def stop(self) -> None:
        await self.client.stop_notify(HR_UUID)
        await self.client.disconnect()


async def main(address: str) -> None:
    log = HeartRateLogger(address)
    await log.start()
    await asyncio.sleep(30)
    await log.stop()
