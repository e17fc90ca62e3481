"""SPI display with a refresh timer and a touch IRQ; correct: both stopped before spi.close()."""
import threading

import RPi.GPIO as GPIO
import spidev

TOUCH_IRQ = 17


class Display:
    def __init__(self):
        self.spi = spidev.SpiDev()
        self.spi.open(0, 0)
        self.touches = []
        self._touched = threading.Event()
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(TOUCH_IRQ, GPIO.IN)
        GPIO.add_event_detect(TOUCH_IRQ, GPIO.FALLING, callback=self._on_touch)
        self._timer = threading.Timer(0.5, self._refresh)
        self._timer.start()

    def _on_touch(self, channel: int) -> None:
        self._touched.set()  # the touch controller is read by the refresh timer, off RPi.GPIO's callback thread

    def _refresh(self) -> None:
        if self._touched.is_set():
            self._touched.clear()
            self.touches.append(self.spi.xfer2([0x90, 0, 0]))
        self.spi.writebytes2(b"\x00" * 64)
        self._timer = threading.Timer(0.5, self._refresh)
        self._timer.start()

    def close(self) -> None:
        GPIO.remove_event_detect(TOUCH_IRQ)
        self._timer.cancel()
        self.spi.close()
        GPIO.cleanup(TOUCH_IRQ)
