"""Serial driver with a thread sampling the line status; bug: remove() releases the device without
stopping the thread, which wakes up and reads the released device."""
import drvrt
from drvrt.devices.serial import STATUS_RX_READY


class StatusPollSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")
        self.samples = 0
        self.poller = drvrt.start_thread(self.sample_status)

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def sample_status(self):
        while True:
            status = self.dev.read("status")
            if status & STATUS_RX_READY:
                self.port.receive(bytes([self.dev.read("data")]))
            self.samples += 1
            yield 0.05

    def remove(self):
        self.dev.release()
