"""Dummy-net driver on a device whose "sent" interrupt comes a little after the send; remove() frees the
interrupt (dropping one still pending) before it releases the device."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_RX, STATUS_SENT


class LateIrqNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        self.dev.write("data", frame)
        self.dev.write("ctrl", CTRL_SEND)

    def on_interrupt(self):
        status = self.dev.read("status")
        if status & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.netif.tx_done()
        if status & STATUS_RX:
            self.netif.receive(self.dev.read("rx"))

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.write("ctrl", 0)
        self.dev.release()
