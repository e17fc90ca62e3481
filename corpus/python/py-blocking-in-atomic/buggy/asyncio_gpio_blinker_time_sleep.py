"""Heartbeat LED coroutine; bug: time.sleep() inside async def."""
import asyncio
import time

import RPi.GPIO as GPIO

LED = 17


class Heartbeat:
    def __init__(self, period: float = 1.0):
        self.period = period
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(LED, GPIO.OUT)
        self._stop = asyncio.Event()

    async def run(self) -> None:
        while not self._stop.is_set():
            GPIO.output(LED, GPIO.HIGH)
            time.sleep(self.period / 10)  # expect: py-blocking-in-atomic
            GPIO.output(LED, GPIO.LOW)
            await asyncio.sleep(self.period)

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        GPIO.cleanup(LED)


async def main() -> None:
    hb = Heartbeat()
    task = asyncio.create_task(hb.run())
    await asyncio.sleep(5)
    hb.stop()
    await task
    hb.close()
