"""Stepper driver on RPi.GPIO; bug: end-stop break leaves the loop holding the position lock."""
import threading
import time

import RPi.GPIO as GPIO

STEP, DIR, ENDSTOP = 20, 21, 16


class Stepper:
    def __init__(self):
        GPIO.setmode(GPIO.BCM)
        GPIO.setup([STEP, DIR], GPIO.OUT)
        GPIO.setup(ENDSTOP, GPIO.IN, pull_up_down=GPIO.PUD_UP)
        self._lock = threading.Lock()
        self.position = 0

    def move(self, steps: int) -> int:
        GPIO.output(DIR, GPIO.HIGH if steps > 0 else GPIO.LOW)
        done = 0
        for _ in range(abs(steps)):
            self._lock.acquire()
            if self._at_endstop:
                self._lock.release()
                break
            self.position += 1 if steps > 0 else -1
            self._lock.release()
            done += 1
        return done

    @property
    def _at_endstop(self) -> bool:
        return False

    def close(self) -> None:
        GPIO.cleanup([STEP, DIR, ENDSTOP])
