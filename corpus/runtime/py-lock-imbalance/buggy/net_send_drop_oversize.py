"""Dummy-net driver that drops oversize frames; bug: the drop path returns with the SpinLock held."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT

MTU = 16


class OversizeDropNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.lock = drvrt.SpinLock()
        self.dropped = 0
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        self.lock.acquire()
        if len(frame) > MTU:
            self.dropped += 1
            self.netif.tx_done()
            return
        self.dev.write("data", frame)
        self.dev.write("ctrl", CTRL_SEND)
        self.lock.release()

    def on_interrupt(self):
        if self.dev.read("status") & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.netif.tx_done()

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
