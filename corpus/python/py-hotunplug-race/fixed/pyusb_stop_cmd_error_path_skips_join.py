"""pyusb streamer; bug: the stop command's error path disposes the device without joining the thread."""
import logging
import threading

import usb.core
import usb.util

EP_IN, EP_OUT = 0x82, 0x02
log = logging.getLogger(__name__)


class Streamer:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.blocks = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._stream, daemon=True)
        self._thread.start()

    def _stream(self) -> None:
        while not self._stop.is_set():
            try:
                self.blocks.append(bytes(self.dev.read(EP_IN, 512, 100)))
            except usb.core.USBTimeoutError:
                pass

    def close(self) -> None:
        self._stop.set()
        try:
            self.dev.write(EP_OUT, b"\x00STOP", 200)
        except usb.core.USBError:
            log.warning("stop command failed, device probably unplugged")
        self._thread.join()
        usb.util.dispose_resources(self.dev)
