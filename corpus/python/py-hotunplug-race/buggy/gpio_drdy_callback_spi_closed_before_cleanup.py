"""SPI ADC with a DRDY edge callback; bug: spi.close() before the edge detection is removed."""
import RPi.GPIO as GPIO
import spidev

DRDY = 25


class DrdyAdc:
    def __init__(self):
        self.spi = spidev.SpiDev()
        self.spi.open(0, 0)
        self.spi.max_speed_hz = 2_000_000
        self.samples = []
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(DRDY, GPIO.IN, pull_up_down=GPIO.PUD_UP)
        GPIO.add_event_detect(DRDY, GPIO.FALLING, callback=self._on_drdy)

    def _on_drdy(self, channel: int) -> None:
        raw = self.spi.xfer2([0x01, 0x00, 0x00])
        self.samples.append((raw[1] << 8) | raw[2])

    def close(self) -> None:
        self.spi.close()  # expect: py-hotunplug-race
        GPIO.cleanup(DRDY)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
