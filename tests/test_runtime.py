"""drvrt: the runtime's dynamic checks, its devices and protocols, and the example drivers."""
from __future__ import annotations

import subprocess
import sys

import pytest

import drvrt
from drvrt.devices import DummyNet, SerialDevice
from drvrt.devices.dummynet import CTRL_SEND, STATUS_RX, STATUS_SENT
from drvrt.devices.serial import IER_RX, STATUS_RX_READY

from conftest import ROOT


@pytest.fixture
def rt():
    return drvrt.Runtime(region_size=64)


def test_loop_serialises_handlers(rt):
    """An interrupt raised inside a handler runs after it returns, never inside it."""
    dev = rt.add_device(DummyNet())
    trace = []

    def on_irq():
        trace.append("irq")
        dev.write("ctrl", 0)

    def handler(_):
        trace.append("start")
        dev.write("data", b"x")
        dev.write("ctrl", CTRL_SEND)  # raises the interrupt now
        trace.append("end")

    drvrt.request_irq(dev, on_irq)
    rt.loop.post(handler)
    rt.loop.post(lambda _: trace.append("next"))
    rt.run()
    assert trace == ["start", "end", "next", "irq"]


def test_handler_returning_with_lock_held_raises(rt):
    lock = drvrt.Lock()

    def leaky():
        lock.acquire()

    with pytest.raises(drvrt.LockImbalance, match="returned holding Lock") as info:
        rt.call(leaky)
    assert "leaky" in info.value.blame[0]
    with pytest.raises(drvrt.LockImbalance, match="taken twice"):
        lock.acquire()
    lock.release()
    with pytest.raises(drvrt.LockImbalance, match="released but not held"):
        lock.release()
    with lock:  # balanced use passes
        pass
    rt.call(lambda: None)


def test_sleep_and_blocking_calls_in_atomic_context_raise(rt):
    dev = rt.add_device(DummyNet())
    spin = drvrt.SpinLock()
    drvrt.sleep(0.5)  # process context: the clock moves on
    assert rt.now == pytest.approx(0.5)
    with spin:
        assert drvrt.in_atomic()
        with pytest.raises(drvrt.BlockingInAtomic, match="SpinLock"):
            drvrt.sleep(0.001)
        with pytest.raises(drvrt.BlockingInAtomic):
            drvrt.Lock().acquire()
        with pytest.raises(drvrt.BlockingInAtomic):
            dev.wait_idle()
        drvrt.delay(5)  # busy-waiting is allowed
    assert not drvrt.in_atomic()
    errors = []

    def on_irq():
        try:
            drvrt.sleep(0.001)
        except drvrt.BlockingInAtomic as exc:
            errors.append(str(exc))

    drvrt.request_irq(dev, on_irq)
    dev.raise_irq()
    rt.run()
    assert errors and "interrupt handler" in errors[0]
    timer = drvrt.timer(lambda: drvrt.start_thread(lambda: iter(())).stop())
    timer.start(0.1)
    with pytest.raises(drvrt.BlockingInAtomic, match="timer callback"):
        rt.advance(0.2)


def test_lookup_returns_none_for_absent_devices(rt):
    rt.add_device(SerialDevice("serial0"))
    assert drvrt.find("serial0") is not None
    assert drvrt.find("dummynet0") is None
    assert drvrt.find_class("net") is None
    with pytest.raises(drvrt.NoneDevice):
        drvrt.request_irq(drvrt.find("dummynet0"), lambda: None)
    rt.bus.unplug("serial0")
    assert drvrt.find("serial0") is None


def test_region_accessor_checks_both_bounds(rt):
    region = rt.region  # 64 bytes
    region.write(60, b"abcd")
    assert region.read(60, 4) == b"abcd"
    for offset, length in [(-1, 4), (61, 4), (0, 65), (4, -1), (64, 1)]:
        with pytest.raises(drvrt.RequestError):
            region.read(offset, length)
    assert region.read(64, 0) == b""
    req = drvrt.Request("read", -4, 8, region)
    with pytest.raises(drvrt.RequestError):
        region.read(req.offset, req.length)


@pytest.mark.parametrize("use", [
    lambda r: r.region.buf[r.offset], lambda r: int(r.offset), lambda r: r.offset + 1,
    lambda r: bytearray(r.length), lambda r: r.region.buf[r.offset:], lambda r: r.length < 10,
    lambda r: range(r.length),
])
def test_unchecked_client_value_raises(rt, use):
    req = drvrt.Request("read", 4, 8, rt.region)
    with pytest.raises(drvrt.UncheckedClientValue):
        use(req)
    assert rt.region.read(req.offset, req.length) == bytes(8)


def test_touching_an_unplugged_device_raises(rt):
    dev = rt.add_device(DummyNet())
    timer = drvrt.timer(lambda: dev.read("status"))
    timer.start(0.1)
    rt.bus.unplug("dummynet0")
    with pytest.raises(drvrt.UseAfterUnplug, match="unplugged"):
        rt.advance(0.2)
    released = rt.add_device(SerialDevice())
    released.release()
    with pytest.raises(drvrt.UseAfterUnplug, match="released"):
        released.write("data", 1)


class _NetDriver(drvrt.NetDriver):
    """Minimal correct dummy-net driver for protocol tests."""

    def probe(self):
        self.dev = drvrt.find("dummynet0")
        if self.dev is None:
            raise drvrt.NoDevice("dummynet0")
        self.irq = drvrt.request_irq(self.dev, self.on_irq)

    def send(self, frame):
        self.dev.write("data", frame)
        self.dev.write("ctrl", CTRL_SEND)

    def on_irq(self):
        status = self.dev.read("status")
        if status & STATUS_SENT:
            self.dev.write("ctrl", 0)
            self.netif.tx_done()
        if status & STATUS_RX:
            self.netif.receive(self.dev.read("rx"))

    def remove(self):
        drvrt.free_irq(self.irq)
        self.dev.release()


def test_net_protocol_legal_sequence_and_out_of_order_calls(rt):
    dev = rt.add_device(DummyNet())
    assert rt.bind(_NetDriver())
    netif = rt.interface
    with pytest.raises(drvrt.ProtocolViolation, match="send while disabled"):
        netif.os_send(b"early")
    for step in (netif.os_enable, lambda: netif.os_send(b"a"), netif.os_suspend, netif.os_resume,
                 lambda: netif.os_send(b"b"), netif.os_disable, netif.os_enable):
        step()
        rt.run()
    dev.inject(b"in")
    rt.run()
    assert netif.sent == 2 and netif.rx_count == 1 and list(dev.wire) == [b"a", b"b"]
    netif.os_suspend()
    with pytest.raises(drvrt.ProtocolViolation, match="suspend while suspended"):
        netif.os_suspend()
    with pytest.raises(drvrt.ProtocolViolation, match="receive while suspended"):
        netif.receive(b"late")
    netif.os_resume()
    with pytest.raises(drvrt.ProtocolViolation, match="without a frame in flight"):
        netif.tx_done()
    with pytest.raises(drvrt.ProtocolViolation):
        drvrt.SERIAL_PROTOCOL.next("closed", "write")


def test_dummynet_send_interrupt_clear_cycle(rt):
    dev = rt.add_device(DummyNet())
    seen = []
    drvrt.request_irq(dev, lambda: seen.append(dev.read("status")))
    dev.write("data", b"frame")
    dev.write("ctrl", CTRL_SEND)
    assert dev.read("status") & STATUS_SENT and dev.busy()
    with pytest.raises(drvrt.DeviceProtocolError, match="not cleared"):
        dev.write("ctrl", CTRL_SEND)
    rt.run()
    assert seen == [STATUS_SENT]
    dev.write("ctrl", 0)
    assert dev.read("status") == 0 and not dev.busy() and list(dev.wire) == [b"frame"]


def test_serial_device_read_write(rt):
    dev = rt.add_device(SerialDevice())
    got = bytearray()

    def on_irq():
        while dev.read("status") & STATUS_RX_READY:
            got.append(dev.read("data"))

    drvrt.request_irq(dev, on_irq)
    dev.inject(b"no irq yet")
    rt.run()
    assert not got
    dev.write("ier", IER_RX)  # pending bytes raise the interrupt
    rt.run()
    assert got == b"no irq yet"
    dev.write("data", 0x41)
    assert dev.wire == b"A"
    with pytest.raises(drvrt.DeviceProtocolError):
        dev.read("data")
    with pytest.raises(drvrt.DeviceProtocolError):
        dev.write("data", 300)


def test_threads_run_in_steps_and_stop(rt):
    ticks = []

    def body():
        while True:
            ticks.append(drvrt.now())
            yield 0.1

    thread = drvrt.start_thread(body)
    rt.advance(0.25)
    assert ticks == pytest.approx([0.0, 0.1, 0.2])
    thread.stop()
    rt.advance(1.0)
    assert len(ticks) == 3 and not thread.alive


@pytest.mark.parametrize("name", ["dummynet_driver", "serial_driver"])
def test_examples_run_clean(name):
    driver = ROOT / "examples" / f"{name}.py"
    out = subprocess.run([sys.executable, "-m", "drvrt.harness", str(driver)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert '"outcome": "clean"' in out.stdout, out.stdout
