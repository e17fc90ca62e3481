"""python-libusb1 interrupt listener; correct: the callback only resubmits (non-blocking)."""
import usb1

EP_INT = 0x83


class Listener:
    def __init__(self, context: usb1.USBContext, handle: usb1.USBDeviceHandle):
        self.context = context
        self.handle = handle
        self.reports = []
        self._transfer = handle.getTransfer()

    def start(self) -> int:
        version = self.handle.controlRead(0xC0, 0x01, 0, 0, 2, 500)
        self._transfer.setInterrupt(EP_INT, 8, callback=self._on_report)
        self._transfer.submit()
        return version[0]

    def _on_report(self, transfer: usb1.USBTransfer) -> None:
        if transfer.getStatus() == usb1.TRANSFER_COMPLETED:
            self.reports.append(bytes(transfer.getBuffer()[: transfer.getActualLength()]))
            transfer.submit()

    def loop(self, seconds: float) -> None:
        self.context.handleEventsTimeout(seconds)

    def close(self) -> None:
        if self._transfer.isSubmitted():
            self._transfer.cancel()
