"""Serial bridge; correct: blocking reads are handed to a worker thread, not called on the loop."""
import asyncio

import serial


class SerialBridge:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 115200, timeout=None)
        self.rx: asyncio.Queue = asyncio.Queue()

    async def pump(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            head = await asyncio.to_thread(self.ser.read, 2)
            body = await loop.run_in_executor(None, self.ser.read, head[1])
            await self.rx.put(head + body)

    async def send(self, data: bytes) -> None:
        await asyncio.to_thread(self.ser.write, data)

    def close(self) -> None:
        self.ser.close()


async def main(port: str) -> None:
    bridge = SerialBridge(port)
    task = asyncio.create_task(bridge.pump())
    await asyncio.sleep(5)
    task.cancel()
    bridge.close()
