"""Serial driver serving client reads of received bytes; bug: it copies into the shared region with a
slice computed from the client's offset, never checked against the region's bounds."""
import drvrt
from drvrt.devices.serial import IER_RX, STATUS_RX_READY


class SliceCopySerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")
        self.lock = drvrt.SpinLock()
        self.rx = bytearray()
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)
        self.dev.write("ier", IER_RX)

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def on_interrupt(self):
        with self.lock:
            while self.dev.read("status") & STATUS_RX_READY:
                self.rx.append(self.dev.read("data"))

    def request(self, req):
        if req.op != "read":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        with self.lock:
            data = bytes(self.rx)
            self.rx.clear()
        req.region.buf[req.offset:req.offset + len(data)] = data
        return len(data)

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
