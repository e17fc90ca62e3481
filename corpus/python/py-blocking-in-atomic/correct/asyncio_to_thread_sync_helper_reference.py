"""CO2 sensor; correct: the blocking helper is run in a thread from the coroutine."""
import asyncio

import serial


class Co2Sensor:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=1.0)
        self.ppm = None

    def _query(self, cmd: bytes) -> bytes:
        self.ser.write(cmd)
        return self.ser.readline()

    def read_once(self) -> bytes:
        return self._query(b"Z\r\n")

    async def poll_forever(self, period: float) -> None:
        while True:
            reply = await asyncio.to_thread(self._query, b"Z\r\n")
            if reply.startswith(b" Z "):
                self.ppm = int(reply[3:].strip())
            await asyncio.sleep(period)

    def close(self) -> None:
        self.ser.close()


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
