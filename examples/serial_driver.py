"""A correct driver for the serial device on drvrt.

Received bytes arrive by interrupt; the handler drains the FIFO into a bounded buffer under a SpinLock
and hands them to the port when it is open.  Clients read buffered bytes into the shared region with a
"read" request (offset and length checked by the region's accessor) and write bytes from it with a
"write" request.  A polling thread samples the line status; ``remove`` stops the thread and the
interrupt before it returns."""
import drvrt
from drvrt.devices.serial import IER_RX, STATUS_RX_READY

RX_LIMIT = 1024


class SerialDriver(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find_class("serial")
        if self.dev is None:
            raise drvrt.NoDevice("no serial device")
        self.lock = drvrt.SpinLock()
        self.rx = bytearray()
        self.opened = False
        self.polls = 0
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)
        self.poller = drvrt.start_thread(self.poll_status)
        self.dev.write("ier", IER_RX)

    def open(self):
        self.opened = True

    def close(self):
        self.opened = False

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def on_interrupt(self):
        got = bytearray()
        while self.dev.read("status") & STATUS_RX_READY:
            got.append(self.dev.read("data"))
        with self.lock:
            room = RX_LIMIT - len(self.rx)
            self.rx += got[:room]
        if self.opened and got:
            self.port.receive(bytes(got))

    def poll_status(self):
        while True:
            self.polls += 1
            self.dev.read("status")
            yield 0.1

    def request(self, req):
        if req.op == "read":
            with self.lock:
                data = bytes(self.rx)
            copied = req.region.write(req.offset, data, req.length)
            with self.lock:
                del self.rx[:copied]
            return copied
        if req.op == "write":
            data = req.region.read(req.offset, req.length)
            self.write(data)
            return len(data)
        raise drvrt.RequestError(f"unsupported request {req.op}")

    def remove(self):
        self.poller.stop()
        drvrt.free_irq(self.irq)
        self.dev.write("ier", 0)
        self.dev.release()
