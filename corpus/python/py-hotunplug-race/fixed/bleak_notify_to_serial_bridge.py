"""BLE-to-serial bridge; bug: the serial port is closed while notifications still arrive."""
import asyncio

import serial
from bleak import BleakClient

RX_UUID = "6e400003-b5a3-f393-e0a9-e50e24dcca9e"


class BleSerialBridge:
    def __init__(self, address: str, port: str):
        self.client = BleakClient(address)
        self.ser = serial.Serial(port, 115200, timeout=0, write_timeout=0)  # non-blocking: runs on the event loop
        self.forwarded = 0

    async def connect(self) -> None:
        await self.client.connect()
        await self.client.start_notify(RX_UUID, self._on_rx)

    def _on_rx(self, sender, data: bytearray) -> None:
        self.ser.write(bytes(data))
        self.forwarded += len(data)

    async def disconnect(self) -> None:
        await self.client.stop_notify(RX_UUID)
        self.ser.close()
        await self.client.disconnect()


async def main(address: str, port: str) -> None:
    bridge = BleSerialBridge(address, port)
    await bridge.connect()
    await asyncio.sleep(60)
    await bridge.disconnect()
