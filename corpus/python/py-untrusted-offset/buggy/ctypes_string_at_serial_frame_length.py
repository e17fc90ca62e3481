"""Serial frame logger with a ctypes buffer; bug: length byte from the device sizes string_at()."""
import ctypes

import serial

FRAME_MAX = 64


class FrameLogger:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 230400, timeout=0.2)
        self.buf = ctypes.create_string_buffer(FRAME_MAX)
        self.frames = []

    def read_frame(self):
        hdr = self.ser.read(2)
        if len(hdr) != 2 or hdr[0] != 0x7E:
            return None
        n = hdr[1]
        body = self.ser.read(min(n, FRAME_MAX))
        ctypes.memmove(self.buf, body, len(body))
        frame = ctypes.string_at(ctypes.addressof(self.buf), n)  # expect: py-untrusted-offset
        self.frames.append(frame)
        return frame

    def close(self) -> None:
        self.ser.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
