"""SPI ADC whose DRDY edge callback wakes a reader thread; bug: spi.close() before the edge detection is
removed and the reader stopped."""
import threading

import RPi.GPIO as GPIO
import spidev

DRDY = 25


class DrdyAdc:
    def __init__(self):
        self.spi = spidev.SpiDev()
        self.spi.open(0, 0)
        self.spi.max_speed_hz = 2_000_000
        self.samples = []
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read_samples)
        self._reader.start()
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(DRDY, GPIO.IN, pull_up_down=GPIO.PUD_UP)
        GPIO.add_event_detect(DRDY, GPIO.FALLING, callback=self._on_drdy)

    def _on_drdy(self, channel: int) -> None:
        self._ready.set()  # the SPI transfer runs on the reader thread, not on RPi.GPIO's callback thread

    def _read_samples(self) -> None:
        while not self._stop.is_set():
            if self._ready.wait(0.1):
                self._ready.clear()
                raw = self.spi.xfer2([0x01, 0x00, 0x00])
                self.samples.append((raw[1] << 8) | raw[2])

    def close(self) -> None:
        self.spi.close()  # expect: py-hotunplug-race
        GPIO.cleanup(DRDY)
        self._stop.set()
        self._reader.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
