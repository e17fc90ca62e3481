"""GPIO status LED; correct: the release is guarded by the stored acquire result."""
import threading

import RPi.GPIO as GPIO

LED = 18


class StatusLed:
    def __init__(self):
        GPIO.setmode(GPIO.BCM)
        GPIO.setup(LED, GPIO.OUT)
        self._lock = threading.Lock()
        self.blinks = 0

    def blink_once(self) -> bool:
        locked = self._lock.acquire(blocking=False)
        try:
            if locked:
                self.blinks += 1
            GPIO.output(LED, GPIO.HIGH)
            GPIO.output(LED, GPIO.LOW)
        finally:
            if locked:
                self._lock.release()
        return locked

    def close(self) -> None:
        with self._lock:
            GPIO.cleanup(LED)


    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
