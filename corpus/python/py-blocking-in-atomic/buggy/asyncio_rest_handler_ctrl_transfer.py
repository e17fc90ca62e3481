"""Coroutine command handler for a pyusb device; bug: ctrl_transfer() directly in async def."""
import asyncio
import json

import usb.core

REQ_SET_MODE = 0x01


class ModeService:
    def __init__(self, vid: int, pid: int):
        self.dev = usb.core.find(idVendor=vid, idProduct=pid)
        if self.dev is None:
            raise RuntimeError("device not found")

    def _set_mode_sync(self, mode: int) -> int:
        return self.dev.ctrl_transfer(0x40, REQ_SET_MODE, mode, 0, None, 1000)

    async def handle(self, body: bytes) -> bytes:
        request = json.loads(body)
        mode = int(request.get("mode", 0))
        result = self.dev.ctrl_transfer(0x40, REQ_SET_MODE, mode, 0, None, 1000)  # expect: py-blocking-in-atomic
        return json.dumps({"ok": True, "result": result}).encode()

    def close(self) -> None:
        self.dev = None


async def serve(service: ModeService, requests: asyncio.Queue) -> None:
    while True:
        body, reply = await requests.get()
        reply.set_result(await service.handle(body))
