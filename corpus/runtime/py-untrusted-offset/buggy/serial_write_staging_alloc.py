"""Serial driver with a "write" client request staged through a bounce buffer; bug: the buffer is
allocated with the client's length before anything checked it."""
import drvrt


class StagingSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def request(self, req):
        if req.op != "write":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        staging = bytearray(req.length)
        staging[:] = req.region.read(req.offset, req.length)
        self.write(staging)
        return len(staging)

    def remove(self):
        self.dev.release()
