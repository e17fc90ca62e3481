"""Dummy-net driver with a transmit watchdog timer; bug: when the watchdog fires with no send
pending (the interrupt completed it first) the callback returns holding the SpinLock."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT


class WatchdogNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.lock = drvrt.SpinLock()
        self.pending = False
        self.timeouts = 0
        self.watchdog = drvrt.timer(self.on_watchdog)
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        with self.lock:
            self.pending = True
            self.dev.write("data", frame)
            self.dev.write("ctrl", CTRL_SEND)
        self.watchdog.start(0.2)

    def on_interrupt(self):
        if self.dev.read("status") & STATUS_SENT:
            self.dev.write("ctrl", 0)
            with self.lock:
                self.pending = False
            self.netif.tx_done()

    def on_watchdog(self):
        self.lock.acquire()
        if not self.pending:
            return
        self.pending = False
        self.timeouts += 1
        self.lock.release()
        self.dev.write("ctrl", 0)
        self.netif.tx_done()

    def remove(self):
        self.watchdog.cancel()
        drvrt.free_irq(self.irq)
        self.dev.release()
