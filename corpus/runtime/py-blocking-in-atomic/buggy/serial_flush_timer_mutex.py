"""Serial driver that batches output and flushes it from a timer; bug: the timer callback (atomic
context) takes the output Lock, a sleeping lock."""
import drvrt

FLUSH_DELAY = 0.01


class BatchingSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")
        self.out_lock = drvrt.Lock()
        self.out = bytearray()
        self.flusher = drvrt.timer(self.flush)

    def write(self, data):
        with self.out_lock:
            self.out += data
        self.flusher.start(FLUSH_DELAY)

    def flush(self):
        with self.out_lock:
            pending = bytes(self.out)
            self.out.clear()
        for byte in pending:
            self.dev.write("data", byte)

    def remove(self):
        self.flusher.cancel()
        self.dev.release()
