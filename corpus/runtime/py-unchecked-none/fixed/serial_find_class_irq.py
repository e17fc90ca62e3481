"""Serial driver that binds to the first serial device of the bus; the lookup's None (no serial device)
ends the probe with NoDevice before request_irq()."""
import drvrt
from drvrt.devices.serial import IER_RX, STATUS_RX_READY


class FirstPortSerial(drvrt.SerialDriver):
    def probe(self):
        dev = drvrt.find_class("serial")
        if dev is None:
            raise drvrt.NoDevice("no serial device")
        self.irq = drvrt.request_irq(dev, self.on_interrupt)
        self.dev = dev
        self.dev.write("ier", IER_RX)

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def on_interrupt(self):
        while self.dev.read("status") & STATUS_RX_READY:
            self.port.receive(bytes([self.dev.read("data")]))

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()
