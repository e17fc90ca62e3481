"""pyusb poller on the asyncio loop; bug: synchronous dev.read() in a call_later callback."""
import asyncio

import usb.core

EP_IN = 0x81
PERIOD = 0.05


class Poller:
    def __init__(self, dev: usb.core.Device, loop: asyncio.AbstractEventLoop):
        self.dev = dev
        self.loop = loop
        self.samples = []
        self._handle = None

    def start(self) -> None:
        self._handle = self.loop.call_later(PERIOD, self._tick)

    def _tick(self) -> None:
        self.loop.create_task(self._sample())

    async def _sample(self) -> None:
        data = await self.loop.run_in_executor(None, self.dev.read, EP_IN, 16, 100)
        self.samples.append(bytes(data))
        self._handle = self.loop.call_later(PERIOD, self._tick)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def close(self) -> None:
        self.stop()
        self.dev = None
