"""Dummy-net driver that drops oversize frames; the SpinLock is held in a with block, so the drop path (and an exception) releases it."""
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
        with self.lock:
            if len(frame) <= MTU:
                self.dev.write("data", frame)
                self.dev.write("ctrl", CTRL_SEND)
                return
            self.dropped += 1
        self.netif.tx_done()

    def on_interrupt(self):
        if self.dev.read("status") & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.netif.tx_done()

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
