"""Dummy-net driver sending frames clients place in the shared region; the frame is read through the
region accessor, which checks the client's offset and length on both sides."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT


class RegionXmitNet(drvrt.NetDriver):
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
            self.netif.tx_done()

    def request(self, req):
        if req.op != "xmit":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        frame = req.region.read(req.offset, req.length)
        self.netif.os_send(frame)
        return len(frame)

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
