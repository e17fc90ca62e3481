"""The runtime a driver is bound to: clock and context, event loop, bus, driver interfaces, and the
calls a driver makes (``request_irq``, ``timer``, ``start_thread``).

Every driver handler is entered through this class, which sets its context (atomic for interrupt
handlers and timer callbacks) and checks, when it returns, that it holds no lock."""
from __future__ import annotations

from typing import Any, Callable, Generator, Optional

from . import api, context
from .bus import Bus, Device
from .client import Request, SharedRegion
from .driver import Driver, NetDriver, SerialDriver
from .errors import LockImbalance, NoDevice, NoneDevice, RequestError
from .loop import EventLoop
from .protocol import Interface, NetInterface, SerialPort
from .work import IrqLine, Thread, Timer, _name


class Runtime:
    def __init__(self, region_size: int = 4096):
        self.ctx = context.Context()
        context.current = self.ctx  # the process's current context: drvrt.sleep() and locks use it
        api.set_current(self)  # and the driver calls: drvrt.find(), drvrt.request_irq()...
        self.loop = EventLoop(self.ctx)
        self.bus = Bus(self)
        self.region = SharedRegion(region_size)
        self.driver: Optional[Driver] = None
        self.bound = False
        self.interface: Optional[Interface] = None
        self.irqs: list[IrqLine] = []
        self.teardown_name: Optional[str] = None  # set once the driver's teardown has run
        self.requests: list[Request] = []

    # ------------------------------------------------------------------ entering driver code
    def returned_holding(self, handler: Any) -> None:
        held = self.ctx.locks
        lock = held[0]
        names = ", ".join(x.label() for x in held)
        raise LockImbalance(f"{_name(handler)} returned holding {names} (taken in {lock.holder})",
                            lock.holder, _name(handler))

    def call(self, handler: Callable[..., Any], *args: Any) -> Any:
        """Run a handler in process context; it must return holding no lock."""
        result = handler(*args)
        if self.ctx.locks:
            self.returned_holding(handler)
        return result

    def _atomic(self, handler: Callable[[], Any], why: str) -> None:
        ctx = self.ctx
        ctx.atomic += 1
        ctx.why_atomic = why
        try:
            handler()
        finally:
            ctx.atomic -= 1
            ctx.why_atomic = ""
        if ctx.locks:
            self.returned_holding(handler)

    def deliver_irq(self, line: IrqLine) -> None:
        if line.active:
            self._atomic(line.handler, "interrupt handler")

    def fire_timer(self, entry: tuple[Timer, int]) -> None:
        timer, gen = entry
        if gen == timer.gen:
            timer.armed = False
            self._atomic(timer.callback, "timer callback")

    def step_thread(self, thread: Thread) -> None:
        if not thread.alive:
            return
        try:
            delay = next(thread.gen)
        except StopIteration:
            thread.alive = False
            delay = None
        if self.ctx.locks:
            self.returned_holding(thread.body)
        if thread.alive:
            self.loop.post_at(self.ctx.now + float(delay or 0.0), self.step_thread, thread)

    # ------------------------------------------------------------------ the driver's API
    def request_irq(self, device: Optional[Device], handler: Callable[[], Any]) -> IrqLine:
        """Route the device's interrupt to ``handler`` (atomic context)."""
        context.might_block("request_irq")
        if device is None:
            raise NoneDevice("request_irq on None: the device lookup failed")
        if not device.present:
            raise device.gone("request_irq")
        line = IrqLine(device, handler)
        device.irq = line
        self.irqs.append(line)
        return line

    def free_irq(self, line: Optional[IrqLine]) -> None:
        """Stop delivering the interrupt; pending deliveries are dropped (waits for a running handler)."""
        context.might_block("free_irq")
        if line is None:
            raise NoneDevice("free_irq on None")
        line.active = False
        if line.device.irq is line:
            line.device.irq = None

    def timer(self, callback: Callable[[], Any]) -> Timer:
        """A timer whose expiry runs ``callback`` (atomic context); arm it with ``start(delay)``."""
        return Timer(self, callback)

    def start_thread(self, body: Callable[[], Generator[Optional[float], None, None]]) -> Thread:
        """Start a thread (process context) from a generator function; stop it with ``stop()``."""
        thread = Thread(self, body)
        self.loop.post(self.step_thread, thread)
        return thread

    @property
    def now(self) -> float:
        return self.ctx.now

    # ------------------------------------------------------------------ the OS and the bus side
    def add_device(self, device: Device) -> Device:
        return self.bus.add(device)

    def bind(self, driver: Driver) -> bool:
        """Probe; False when the driver reports its device absent (NoDevice) or refuses (RequestError)."""
        self.driver = driver
        if isinstance(driver, NetDriver):
            self.interface = driver.netif = NetInterface(self, driver)
        elif isinstance(driver, SerialDriver):
            self.interface = driver.port = SerialPort(self, driver)
        try:
            self.call(driver.probe)
        except (NoDevice, RequestError):
            self.bound = False
            return False
        self.bound = True
        return True

    def unbind(self) -> None:
        """Orderly removal (the driver is unloaded; the device stays)."""
        if self.bound and self.driver is not None:
            self.bound = False
            self.teardown_name = _name(self.driver.remove)
            self.call(self.driver.remove)

    def device_removed(self, device: Device) -> None:
        """Called by the bus on hot-unplug, before the device disappears."""
        if self.bound and self.driver is not None:
            self.bound = False
            self.teardown_name = _name(self.driver.remove)
            if self.interface is not None:
                self.interface.gone = True
            self.call(self.driver.remove)

    def client_request(self, op: str, offset: int, length: int, data: bytes = b"") -> Request:
        """Queue a client request; ``data`` is first placed in the region at ``offset`` (when it fits)."""
        req = Request(op, offset, length, self.region)
        if data and 0 <= offset <= len(self.region) - len(data):
            self.region.buf[offset:offset + len(data)] = data
        self.requests.append(req)
        self.loop.post(self._serve, req)
        return req

    def _serve(self, req: Request) -> None:
        if not self.bound or self.driver is None:
            req.status = "error: no driver"
            return
        try:
            req.result = self.call(self.driver.request, req)
            req.status = "ok"
        except RequestError as exc:
            if self.ctx.locks:
                self.returned_holding(self.driver.request)
            req.status = f"error: {exc}"

    def run(self) -> int:
        """Deliver every ready event."""
        return self.loop.run_ready()

    def advance(self, seconds: float) -> int:
        return self.loop.advance(seconds)


__all__ = ["Runtime"]
