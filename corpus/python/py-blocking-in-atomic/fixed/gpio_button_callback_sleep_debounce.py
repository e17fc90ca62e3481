"""Button on RPi.GPIO; bug: long-press detection sleeps in the edge callback."""
import threading

import RPi.GPIO as GPIO

BUTTON = 27


class PowerButton:
    def __init__(self, on_long_press):
        self.on_long_press = on_long_press
        self.presses = 0
        self._timer = None
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(BUTTON, GPIO.IN, pull_up_down=GPIO.PUD_UP)
        GPIO.add_event_detect(BUTTON, GPIO.FALLING, callback=self._on_edge, bouncetime=30)

    def _on_edge(self, channel: int) -> None:
        self.presses += 1
        self._timer = threading.Timer(2.0, self._check_long_press)
        self._timer.start()

    def _check_long_press(self) -> None:
        if GPIO.input(BUTTON) == GPIO.LOW:
            self.on_long_press()

    def close(self) -> None:
        GPIO.remove_event_detect(BUTTON)
        if self._timer is not None:
            self._timer.cancel()
        GPIO.cleanup(BUTTON)
