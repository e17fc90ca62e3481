"""Coroutine poll through a blocking helper; bug: the helper's readline() runs on the loop."""
import asyncio

import serial


class Co2Sensor:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 9600, timeout=1.0)
        self.ppm = None

    def _query(self, cmd: bytes) -> bytes:
        self.ser.write(cmd)
        return self.ser.readline()

    async def poll_forever(self, period: float) -> None:
        while True:
            reply = await asyncio.to_thread(self._query, b"Z\r\n")
            if reply.startswith(b" Z "):
                self.ppm = int(reply[3:].strip())
            await asyncio.sleep(period)

    def close(self) -> None:
        self.ser.close()


async def main(port: str) -> None:
    sensor = Co2Sensor(port)
    try:
        await asyncio.wait_for(sensor.poll_forever(2.0), timeout=60)
    except asyncio.TimeoutError:
        pass
    finally:
        sensor.close()
