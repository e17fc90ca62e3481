"""Data-ready pin on RPi.GPIO; correct: the edge callback only signals, the worker blocks."""
import queue
import threading
import time

import RPi.GPIO as GPIO
import spidev

DRDY = 25


class Adc:
    def __init__(self):
        self.spi = spidev.SpiDev()
        self.spi.open(0, 1)
        self.samples = queue.Queue(maxsize=64)
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._worker)
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(DRDY, GPIO.IN)
        self._thread.start()
        GPIO.add_event_detect(DRDY, GPIO.FALLING, callback=self._on_drdy)

    def _on_drdy(self, channel: int) -> None:
        self._ready.set()

    def _worker(self) -> None:
        while not self._stop.is_set():
            if self._ready.wait(0.5):
                self._ready.clear()
                raw = self.spi.xfer2([0x12, 0, 0, 0])
                self.samples.put(raw[1:])
                time.sleep(0.0005)

    def close(self) -> None:
        GPIO.remove_event_detect(DRDY)
        self._stop.set()
        self._thread.join()
        self.spi.close()
