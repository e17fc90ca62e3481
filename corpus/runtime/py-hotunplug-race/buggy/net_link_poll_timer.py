"""Dummy-net driver that polls the link with a self-re-arming timer while enabled; bug: remove()
releases the device without cancelling the timer, whose next expiry reads a device that is gone."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT

LINK_POLL = 0.1


class LinkPollNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.polls = 0
        self.link_timer = drvrt.timer(self.on_link_poll)
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def enable(self):
        self.link_timer.start(LINK_POLL)

    def disable(self):
        self.link_timer.cancel()

    def on_link_poll(self):
        self.polls += 1
        self.dev.read("ctrl")
        self.link_timer.start(LINK_POLL)

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
