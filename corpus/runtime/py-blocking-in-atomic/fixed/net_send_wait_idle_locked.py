"""Dummy-net driver that waits for the transmitter before programming a frame; it waits (a blocking
poll) before taking the SpinLock."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT


class WaitIdleNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.lock = drvrt.SpinLock()
        self.stalls = 0
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        if not self.dev.wait_idle(0.01):
            self.stalls += 1
        with self.lock:
            self.dev.write("data", frame)
            self.dev.write("ctrl", CTRL_SEND)

    def on_interrupt(self):
        with self.lock:
            if self.dev.read("status") & STATUS_SENT:
                self.dev.write("ctrl", 0)
                self.netif.tx_done()

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
