"""pyusb sensor poller; bug: dispose_resources() before the polling thread is joined."""
import threading

import usb.core
import usb.util

EP_IN = 0x81


class SensorPoller:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.latest = None
        self._stop = threading.Event()
        self._poller = threading.Thread(target=self._poll, daemon=True)

    def start(self) -> None:
        usb.util.claim_interface(self.dev, 0)
        self._poller.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                self.latest = bytes(self.dev.read(EP_IN, 8, 200))
            except usb.core.USBTimeoutError:
                continue

    def close(self) -> None:
        self._stop.set()
        self._poller.join()
        usb.util.release_interface(self.dev, 0)
        usb.util.dispose_resources(self.dev)
