"""Command dispatcher; bug: blocking queue.Queue.get() in a coroutine."""
import asyncio
import queue

import serial


class Dispatcher:
    def __init__(self, port: str):
        self.ser = serial.Serial(port, 19200, timeout=0.5)
        self._commands = queue.Queue()
        self.sent = 0

    def submit(self, cmd: bytes) -> None:
        """Called from the GUI thread."""
        self._commands.put(cmd)

    async def run(self) -> None:
        while True:
            cmd = self._commands.get()  # expect: py-blocking-in-atomic
            if cmd is None:
                break
            await asyncio.to_thread(self.ser.write, cmd)
            self.sent += 1

    def close(self) -> None:
        self._commands.put(None)
        self.ser.close()


async def main(port: str) -> None:
    dispatcher = Dispatcher(port)
    dispatcher.submit(b"PING\r")
    dispatcher.submit(None)
    await dispatcher.run()
