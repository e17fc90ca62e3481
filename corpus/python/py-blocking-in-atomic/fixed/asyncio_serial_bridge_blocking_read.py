"""Serial bridge task; bug: blocking pyserial read inside async def."""
import asyncio

import serial


class SerialBridge:
    def __init__(self, port: str, sink: asyncio.Queue):
        self.ser = serial.Serial(port, 115200, timeout=None)
        self.sink = sink
        self._running = True

    async def pump(self) -> None:
        while self._running:
            chunk = await asyncio.to_thread(self.ser.read, 64)
            if chunk:
                await self.sink.put(chunk)

    async def send(self, data: bytes) -> None:
        await asyncio.to_thread(self.ser.write, data)

    def stop(self) -> None:
        self._running = False

    def close(self) -> None:
        self.stop()
        self.ser.close()


async def main(port: str) -> None:
    q: asyncio.Queue = asyncio.Queue()
    bridge = SerialBridge(port, q)
    task = asyncio.create_task(bridge.pump())
    await asyncio.sleep(10)
    bridge.stop()
    await task
