"""Dummy-net driver; bug: probe uses the lookup's result without testing it, so an absent device
(None) is written to."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT


class EagerProbeNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        self.dev.write("ctrl", 0)
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        self.dev.write("data", frame)
        self.dev.write("ctrl", CTRL_SEND)

    def on_interrupt(self):
        if self.dev.read("status") & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.netif.tx_done()

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
