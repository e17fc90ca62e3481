"""pyusb streamer; correct: the stop helper joins the thread before dispose_resources()."""
import threading

import usb.core
import usb.util


class Streamer:
    def __init__(self, dev: usb.core.Device):
        self.dev = dev
        self.blocks = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._stream, daemon=True)
        self._thread.start()

    def _stream(self) -> None:
        while not self._stop.is_set():
            self.blocks.append(bytes(self.dev.read(0x82, 512, 100)))

    def _stop_io(self) -> None:
        self._stop.set()
        self._thread.join()

    def pause(self) -> None:
        self._stop_io()

    def close(self) -> None:
        self._stop_io()
        usb.util.dispose_resources(self.dev)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
