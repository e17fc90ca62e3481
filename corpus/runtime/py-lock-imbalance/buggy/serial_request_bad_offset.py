"""Serial driver serving client reads from its receive buffer under a Lock; bug: when the region
accessor rejects the client's offset (RequestError), the exception leaves request() with the Lock held."""
import drvrt
from drvrt.devices.serial import IER_RX, STATUS_RX_READY


class BufferedSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")
        self.rx_lock = drvrt.SpinLock()
        self.req_lock = drvrt.Lock()
        self.rx = bytearray()
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)
        self.dev.write("ier", IER_RX)

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def on_interrupt(self):
        with self.rx_lock:
            while self.dev.read("status") & STATUS_RX_READY:
                self.rx.append(self.dev.read("data"))

    def request(self, req):
        if req.op != "read":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        self.req_lock.acquire()
        with self.rx_lock:
            data = bytes(self.rx)
        copied = req.region.write(req.offset, data, req.length)
        with self.rx_lock:
            del self.rx[:copied]
        self.req_lock.release()
        return copied

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.write("ier", 0)
        self.dev.release()
