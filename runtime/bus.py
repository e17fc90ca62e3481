"""The simulated bus: devices, lookup, and hot-unplug.

A lookup returns ``None`` when the device is absent (never plugged in, or unplugged), like
``usb.core.find``.  :meth:`Bus.unplug` may be posted at any point between handlers: it runs the bound
driver's ``remove()``, then the device is gone and every register access raises
:class:`~drvrt.errors.UseAfterUnplug` naming the teardown that let its user outlive it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from . import context
from .errors import UseAfterUnplug

if TYPE_CHECKING:
    from .runtime import Runtime
    from .work import IrqLine


class Device:
    """Base of simulated devices: presence, interrupt line, register interface."""

    kind = "device"

    def __init__(self, name: str):
        self.name = name
        self.present = True
        self.rt: Optional["Runtime"] = None
        self.irq: Optional["IrqLine"] = None
        self.irq_latency = 0.0  # seconds between the device event and its interrupt
        self.released = False  # the driver gave up its handle (teardown)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}{'' if self.present else ' (unplugged)'}>"

    def gone(self, what: str) -> UseAfterUnplug:
        teardown = self.rt.teardown_name if self.rt else None
        how = "its handle was released" if self.released else "it was hot-unplugged"
        return UseAfterUnplug(f"{what} on {self.name} after {how}", teardown)

    def release(self) -> None:
        """The driver gives up its handle (the last step of a teardown): from now on every access
        raises, as after an unplug.  Whatever may still run and touch the device must be stopped first."""
        if not self.present:
            raise self.gone("release")
        self.released = True
        self.present = False

    def raise_irq(self) -> None:
        """Assert the interrupt: the handler runs after the current handler, or after the latency."""
        line = self.irq
        if line is None or not line.active or self.rt is None:
            return
        if self.irq_latency:
            self.rt.loop.post_at(self.rt.ctx.now + self.irq_latency, self.rt.deliver_irq, line)
        else:
            self.rt.loop.post(self.rt.deliver_irq, line)

    def read(self, reg: str) -> int:
        raise NotImplementedError

    def write(self, reg: str, value: object) -> None:
        raise NotImplementedError

    def busy(self) -> bool:
        return False

    def wait_idle(self, timeout: float = 0.01) -> bool:
        """Poll until the device is idle, sleeping between polls (a blocking call).  In a serialised
        runtime nothing completes while the caller waits, so a busy device times out: False."""
        context.might_block(f"{type(self).__name__}.wait_idle")
        if not self.present:
            raise self.gone("wait_idle")
        if self.busy():
            context.sleep(timeout)
            return False
        return True


class Bus:
    def __init__(self, rt: "Runtime"):
        self.rt = rt
        self.devices: dict[str, Device] = {}  # plugged in now
        self.ever: list[Device] = []  # every device plugged in during the run

    def add(self, device: Device) -> Device:
        device.rt = self.rt
        self.devices[device.name] = device
        self.ever.append(device)
        return device

    def find(self, name: str) -> Optional[Device]:
        """The device called ``name``, or None when it is absent."""
        return self.devices.get(name)

    def find_class(self, kind: str) -> Optional[Device]:
        """The first device of a class ("net", "serial"), or None when there is none."""
        return next((d for d in self.devices.values() if d.kind == kind), None)

    def unplug(self, name: str) -> None:
        """Surprise removal: the bound driver's remove() runs, then the device is gone."""
        device = self.devices.pop(name, None)
        if device is None:
            return
        if device.present:
            self.rt.device_removed(device)
        device.present = False
