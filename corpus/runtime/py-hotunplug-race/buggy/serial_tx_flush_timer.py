"""Serial driver that coalesces output and transmits it from a flush timer; bug: remove() releases the
device with the flush timer still armed, and the timer writes to the released device."""
import drvrt

FLUSH_DELAY = 0.02


class CoalescingSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")
        self.lock = drvrt.SpinLock()
        self.out = bytearray()
        self.flusher = drvrt.timer(self.flush)

    def write(self, data):
        with self.lock:
            self.out += data
        self.flusher.start(FLUSH_DELAY)

    def flush(self):
        with self.lock:
            pending = bytes(self.out)
            self.out.clear()
        for byte in pending:
            self.dev.write("data", byte)

    def remove(self):
        self.dev.release()
