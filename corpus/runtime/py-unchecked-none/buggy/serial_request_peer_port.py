"""Serial driver with a "mirror" client request that copies region bytes to a peer port as well; bug:
the peer lookup's None is used when the peer port is absent."""
import drvrt


class MirrorSerial(drvrt.SerialDriver):
    def probe(self):
        self.dev = drvrt.find("serial0")
        if self.dev is None:
            raise drvrt.NoDevice("serial0")

    def write(self, data):
        for byte in data:
            self.dev.write("data", byte)

    def request(self, req):
        if req.op != "mirror":
            raise drvrt.RequestError(f"unsupported request {req.op}")
        data = req.region.read(req.offset, req.length)
        self.write(data)
        peer = drvrt.find("serial1")
        for byte in data:
            peer.write("data", byte)
        return len(data)

    def remove(self):
        self.dev.release()
