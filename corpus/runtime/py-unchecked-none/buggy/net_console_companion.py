"""Dummy-net driver that logs link events to an optional debug console (a serial device); bug:
enable() writes to the console without testing whether the lookup found one."""
import drvrt
from drvrt.devices.dummynet import CTRL_SEND, STATUS_SENT


class ConsoleLoggingNet(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.irq = drvrt.request_irq(self.dev, self.on_interrupt)

    def log(self, console, text):
        for byte in text.encode():
            console.write("data", byte)

    def enable(self):
        self.dev.write("ctrl", 0)
        console = drvrt.find("console0")
        console.write("data", ord("+"))
        self.log(console, "link up\n")

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
