"""Dummy-net driver that lets the device settle after acknowledging a send; bug: it sleeps in the
interrupt handler (atomic context)."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT

SETTLE_US = 20


class SettleNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        self.dev.write("data", frame)
        self.dev.write("ctrl", CTRL_SEND)

    def on_interrupt(self):
        if self.dev.read("status") & STATUS_SENT:
            self.dev.write("ctrl", 0)
            drvrt.sleep(SETTLE_US / 1e6)
            self.netif.tx_done()

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
