"""pyusb burst reader; correct: the blocking closure defined in the coroutine runs in a thread."""
import asyncio
import time

import usb.core

EP_IN = 0x81


class BurstReader:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev

    async def burst(self, count: int) -> list:
        def collect() -> list:
            out = []
            for _ in range(count):
                out.append(bytes(self.dev.read(EP_IN, 64, 200)))
                time.sleep(0.001)
            return out

        frames = await asyncio.to_thread(collect)
        await asyncio.sleep(0)
        return frames

    def close(self) -> None:
        self.dev = None


async def main(dev: usb.core.Device) -> None:
    reader = BurstReader(dev)
    frames = await reader.burst(100)
    print(len(frames))
    reader.close()
