"""BLE/serial gateway; correct: notifications and the fd reader are stopped before ser.close()."""
import asyncio

import serial
from bleak import BleakClient

RX_UUID = "6e400003-b5a3-f393-e0a9-e50e24dcca9e"


class Gateway:
    def __init__(self, address: str, port: str, loop: asyncio.AbstractEventLoop):
        self.client = BleakClient(address)
        self.ser = serial.Serial(port, 115200, timeout=0, write_timeout=0)  # non-blocking: runs on the event loop
        self.loop = loop
        self.uplink = []

    async def start(self) -> None:
        await self.client.connect()
        await self.client.start_notify(RX_UUID, self._on_ble)
        self.loop.add_reader(self.ser.fileno(), self._on_serial)

    def _on_ble(self, sender, data: bytearray) -> None:
        self.ser.write(bytes(data))

    def _on_serial(self) -> None:
        self.uplink.append(self.ser.read(self.ser.in_waiting or 1))

    async def close(self) -> None:
        self.loop.remove_reader(self.ser.fileno())
        await self.client.stop_notify(RX_UUID)
        self.ser.close()
        await self.client.disconnect()
