"""Dummy-net driver with a "stats" client request that stores its counters in the shared region; bug:
struct.pack_into() gets the client's offset unchecked."""
import struct

import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT

STATS = struct.Struct("<II")


class StatsNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.sent = 0
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def send(self, frame):
        self.dev.write("data", frame)
        self.dev.write("ctrl", CTRL_SEND)

    def on_interrupt(self):
        if self.dev.read("status") & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.sent += 1
            self.netif.tx_done()

    def request(self, req):
        if req.op != "stats":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        STATS.pack_into(req.region.buf, req.offset, self.sent, self.netif.rx_count)
        return STATS.size

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
