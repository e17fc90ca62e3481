"""Dummy-net driver whose interrupt handler serialises with send(); bug: a spurious interrupt
(status 0, a shared line) returns early with the SpinLock still held."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_RX, STATUS_SENT


class SpuriousIrqNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.lock = drvrt.SpinLock()
        self.spurious = 0
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        with self.lock:
            self.dev.write("data", frame)
            self.dev.write("ctrl", CTRL_SEND)

    def on_interrupt(self):
        self.lock.acquire()
        status = self.dev.read("status")
        if not status:
            self.spurious += 1
            return
        if status & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.netif.tx_done()
        if status & STATUS_RX:
            self.netif.receive(self.dev.read("rx"))
        self.lock.release()

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
