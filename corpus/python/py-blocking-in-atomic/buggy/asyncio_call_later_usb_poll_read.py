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
        data = self.dev.read(EP_IN, 16, 100)  # expect: py-blocking-in-atomic
        self.samples.append(bytes(data))
        self._handle = self.loop.call_later(PERIOD, self._tick)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def close(self) -> None:
        self.stop()
        self.dev = None
