"""Streaming capture on python-libusb1; bug: synchronous controlWrite() inside a transfer callback."""
import usb1

EP_IN = 0x82
REQ_ACK = 0x10


class Capture:
    def __init__(self, context: usb1.USBContext, handle: usb1.USBDeviceHandle):
        self.context = context
        self.handle = handle
        self.blocks = []
        self._acks = 0
        self._transfer = None

    def start(self) -> None:
        self._transfer = self.handle.getTransfer()
        self._transfer.setBulk(EP_IN, 16384, callback=self._on_transfer)
        self._transfer.submit()

    def _on_transfer(self, transfer: usb1.USBTransfer) -> None:
        if transfer.getStatus() != usb1.TRANSFER_COMPLETED:
            return
        self.blocks.append(bytes(transfer.getBuffer()[: transfer.getActualLength()]))
        self._acks += 1
        transfer.submit()

    def run_events(self) -> None:
        while self._transfer is not None and self._transfer.isSubmitted():
            self.context.handleEvents()
            while self._acks:
                self._acks -= 1
                self.handle.controlWrite(0x40, REQ_ACK, len(self.blocks), 0, b"", 100)

    def close(self) -> None:
        if self._transfer is not None:
            self._transfer.cancel()
