"""Serial driver with a "write" client request staged through a bounce buffer; the client's offset
and length are checked by the region first, and the buffer is sized from the checked length."""
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
        offset, length = req.region.check(req.offset, req.length)
        staging = bytearray(length)
        staging[:] = req.region.read(offset, length)
        self.write(staging)
        return len(staging)

    def remove(self):
        self.dev.release()
