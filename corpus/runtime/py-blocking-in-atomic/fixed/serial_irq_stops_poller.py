"""Serial driver that polls the line until the first receive interrupt shows interrupts work; the interrupt
handler only clears the flag the thread tests (the thread ends itself), since Thread.stop() blocks."""
import drvrt
from drvrt.devices.serial import IER_RX, STATUS_RX_READY


class PollThenIrqSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")
        self.polling = True
        self.poller = drvrt.start_thread(self.poll)
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)
        self.dev.write("ier", IER_RX)

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def drain(self):
        got = bytearray()
        while self.dev.read("status") & STATUS_RX_READY:
            got.append(self.dev.read("data"))
        if got:
            self.port.receive(bytes(got))

    def poll(self):
        while self.polling:
            self.drain()
            yield 0.05

    def on_interrupt(self):
        self.polling = False
        self.drain()

    def remove(self):
        self.poller.stop()
        drvrt.free_irq(self.irq)
        self.dev.release()
