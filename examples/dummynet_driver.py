"""A correct driver for the dummy network device on drvrt.

Send: write the frame to ``data``, set ``ctrl``; the "sent" interrupt arrives, the handler clears
``ctrl`` (the acknowledgement) and completes the send.  Received frames are handed up from the same
handler.  A watchdog timer notices a send that never completes.  ``remove`` stops the interrupt and the
timer before it returns, because after that the device may be gone."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_RX, STATUS_SENT

WATCHDOG = 0.5  # seconds without a "sent" interrupt before a send is declared lost


class DummyNetDriver(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.lock = drvrt.SpinLock()
        self.tx_busy = False
        self.lost = 0
        self.watchdog = drvrt.timer(self.on_watchdog)
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def enable(self):
        self.dev.write("ctrl", 0)

    def disable(self):
        self.watchdog.cancel()
        with self.lock:
            self.tx_busy = False

    def send(self, frame):
        with self.lock:
            self.tx_busy = True
            self.dev.write("data", frame)
            self.dev.write("ctrl", CTRL_SEND)
        self.watchdog.start(WATCHDOG)

    def on_interrupt(self):
        status = self.dev.read("status")
        if status & STATUS_SENT:
            self.dev.write("ctrl", 0)
            with self.lock:
                done = self.tx_busy
                self.tx_busy = False
            if done:
                self.watchdog.cancel()
                self.netif.tx_done()
        while status & STATUS_RX:
            self.netif.receive(self.dev.read("rx"))
            status = self.dev.read("status")

    def on_watchdog(self):
        with self.lock:
            if not self.tx_busy:
                return
            self.tx_busy = False
            self.lost += 1
        self.dev.write("ctrl", 0)
        self.netif.tx_done()

    def request(self, req):
        """"xmit": send the frame the client placed in the shared region (offset, length)."""
        if req.op != "xmit":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        frame = req.region.read(req.offset, req.length)
        self.netif.os_send(frame)
        return len(frame)

    def remove(self):
        drvrt.free_irq(self.irq)
        self.watchdog.cancel()
        self.dev.release()
