"""The Python checkers on small snippets: each one's true positive and the negatives that matter
(with-locks, try/finally, checked try-acquire, None checks that raise or return, assert is not a check,
find_all, awaited calls, run_in_executor), plus the CLI on a directory of .py files and SARIF output."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from drvlint.cli import main
from drvlint.engine import Analyzer, Selection
from drvlint.compilation import CompileOptions
from drvlint.rules import load_rules

ANALYZER = Analyzer(load_rules(), CompileOptions())


def findings(tmp_path: Path, source: str, rule: str) -> list:
    path = tmp_path / "snippet.py"
    path.write_text(textwrap.dedent(source))
    result = ANALYZER.analyze(path)
    assert result.failed is None, result.notifications
    return [f for f in result.findings if f.rule_id == rule]


def lines(found) -> list[int]:
    return sorted(f.line for f in found)


LOCKED = """
    import threading
    class Dev:
        def __init__(self, port):
            self._lock = threading.Lock()
            self.port = port
"""


# ------------------------------------------------------------------ py-lock-imbalance

def test_lock_leaked_when_a_call_raises(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def send(self, data):
            self._lock.acquire()
            self.port.write(data)
            self._lock.release()
    """, "py-lock-imbalance")
    assert len(found) == 1
    f = found[0]
    assert "self._lock" in f.message and "self.port.write() raises" in f.message
    assert f.category == "concurrency/imbalanced-locks" and 667 in f.cwe
    assert [s.message for s in f.steps][0] == "'self._lock' acquired here"


def test_with_lock_and_try_finally_are_silent(tmp_path):
    assert findings(tmp_path, LOCKED + """
        def send(self, data):
            with self._lock:
                self.port.write(data)
                if data:
                    return 1
            return 0

        def send2(self, data):
            self._lock.acquire()
            try:
                self.port.write(data)
            finally:
                self._lock.release()
    """, "py-lock-imbalance") == []


def test_early_return_keeps_lock(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def send(self, data):
            self._lock.acquire()
            if not data:
                return None
            self._lock.release()
            return 1
    """, "py-lock-imbalance")
    assert len(found) == 1 and "still held at this return" in found[0].message


def test_try_acquire_ignored_and_checked(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def ignored(self):
            self._lock.acquire(blocking=False)
            self.count = 1
            self._lock.release()

        def checked(self):
            if not self._lock.acquire(blocking=False):
                return False
            try:
                self.count = 2
            finally:
                self._lock.release()
            return True

        def with_timeout(self):
            got = self._lock.acquire(timeout=1)
            if got:
                self._lock.release()
    """, "py-lock-imbalance")
    assert len(found) == 1 and "is ignored" in found[0].message and found[0].function == "Dev.ignored"


def test_double_release_and_lock_helper(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def lock(self):
            self._lock.acquire()

        def twice(self):
            self._lock.acquire()
            self._lock.release()
            self._lock.release()
    """, "py-lock-imbalance")
    assert [f.function for f in found] == ["Dev.twice"] and "not held" in found[0].message


# ------------------------------------------------------------------ py-unchecked-none

NONE_CASES = """
    import usb.core
    import usb.util
    import re

    def unchecked():
        dev = usb.core.find(idVendor=0x1234)
        dev.set_configuration()

    def raise_check():
        dev = usb.core.find(idVendor=0x1234)
        if dev is None:
            raise ValueError("not found")
        dev.set_configuration()

    def return_check():
        dev = usb.core.find(idVendor=0x1234)
        if not dev:
            return
        usb.util.claim_interface(dev, 0)

    def asserted():
        dev = usb.core.find(idVendor=0x1234)
        assert dev
        dev.set_configuration()

    def find_all():
        for dev in usb.core.find(find_all=True):
            dev.reset()

    def chained(text):
        return re.match("x", text).group(0)

    def conditional(text):
        m = re.search("x", text)
        return m.group(0) if m else None
"""


def test_unchecked_none_cases(tmp_path):
    found = findings(tmp_path, NONE_CASES, "py-unchecked-none")
    assert sorted(f.function for f in found) == ["asserted", "chained", "unchecked"]
    unchecked = next(f for f in found if f.function == "unchecked")
    assert "usb.core.find()" in unchecked.message and unchecked.cwe == (476, 252)
    assert unchecked.category == "generic/null-error-pointer"


def test_none_passed_where_not_accepted(tmp_path):
    found = findings(tmp_path, """
        import usb.core, usb.util
        def f():
            dev = usb.core.find(idVendor=1)
            usb.util.claim_interface(dev, 0)
    """, "py-unchecked-none")
    assert len(found) == 1 and "argument of usb.util.claim_interface()" in found[0].message


# ------------------------------------------------------------------ py-blocking-in-atomic

BLOCKING = """
    import asyncio
    import threading
    import time
    import serial

    class Dev:
        def __init__(self):
            self.ser = serial.Serial("/dev/ttyUSB0", 9600)
            self.lock = threading.Lock()

        def frame(self):
            return self.ser.read(16)

        async def poll(self):
            await asyncio.sleep(0.1)
            time.sleep(0.1)
            return self.frame()

        async def good(self, loop):
            await asyncio.sleep(0.1)
            return await loop.run_in_executor(None, self.ser.read)

        def sync_is_fine(self):
            time.sleep(1)
            return self.frame()
"""


def test_blocking_in_async_def_with_chain(tmp_path):
    found = findings(tmp_path, BLOCKING, "py-blocking-in-atomic")
    assert sorted(f.function for f in found) == ["Dev.poll", "Dev.poll"]
    chain = next(f for f in found if "frame" in f.message)
    assert "async def Dev.poll -> Dev.frame() -> serial.Serial.read()" in chain.message
    assert [s.line for s in chain.steps][-1] == 13  # down to the read inside frame()
    assert any("time.sleep()" in f.message for f in found)
    assert chain.category == "concurrency/atomic-deadlock" and 833 in chain.cwe


def test_blocking_in_loop_callback_and_under_a_lock_it_takes(tmp_path):
    found = findings(tmp_path, """
        import asyncio, threading, time
        import usb1

        class Dev:
            def __init__(self):
                self.lock = threading.Lock()
                self.loop = asyncio.get_event_loop()
                self.ctx = usb1.USBContext()
                self.handle = self.ctx.openByVendorIDAndProductID(1, 2)

            def start(self):
                self.loop.call_soon(self.on_tick)
                transfer = self.handle.getTransfer()
                transfer.setCallback(self.on_done)

            def on_tick(self):
                with self.lock:
                    self.n = 1

            def on_done(self, transfer):
                self.handle.bulkRead(1, 64)

            def worker(self):
                with self.lock:
                    time.sleep(1)
    """, "py-blocking-in-atomic")
    by_function = {f.function: f for f in found}
    assert set(by_function) == {"Dev.on_done", "Dev.worker"}
    assert "libusb transfer callback" in by_function["Dev.on_done"].message
    assert "usb1.USBDeviceHandle.bulkRead()" in by_function["Dev.on_done"].message
    assert "which event-loop callback Dev.on_tick" in by_function["Dev.worker"].message


# ------------------------------------------------------------------ the CLI and SARIF

def test_cli_directory_of_python_files_and_sarif(tmp_path):
    (tmp_path / "drv").mkdir()
    (tmp_path / "drv" / "probe.py").write_text(textwrap.dedent(NONE_CASES))
    (tmp_path / "drv" / "broken.py").write_text("def f(:\n")
    (tmp_path / "drv" / ".venv").mkdir()
    (tmp_path / "drv" / ".venv" / "pyvenv.cfg").write_text("")
    (tmp_path / "drv" / ".venv" / "dep.py").write_text(textwrap.dedent(NONE_CASES))
    runner = CliRunner()
    result = runner.invoke(main, [str(tmp_path / "drv")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "broken.py:1:" in result.output and "syntax error" in result.output
    assert ".venv" not in result.output
    assert result.output.count("[py-unchecked-none]") == 3
    out = tmp_path / "r.sarif"
    result = runner.invoke(main, ["--format", "sarif", "-o", str(out), str(tmp_path / "drv" / "probe.py")])
    assert result.exit_code == 1, result.output
    run = json.loads(out.read_text())["runs"][0]
    results = [r for r in run["results"] if r["ruleId"] == "py-unchecked-none"]
    assert len(results) == 3 and all(r.get("codeFlows") for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("probe.py")
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {"py-lock-imbalance", "py-blocking-in-atomic", "py-unchecked-none"} <= rule_ids


def test_syntax_error_alone_exits_2_with_a_line(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("x = (\n")
    result = CliRunner().invoke(main, [str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{bad}:1:" in result.output


def test_suppression_comment_in_python(tmp_path):
    path = tmp_path / "s.py"
    path.write_text(textwrap.dedent("""
        import usb.core
        def f():
            dev = usb.core.find(idVendor=1)
            dev.reset()  # drvlint-ignore py-unchecked-none: the device is always present on this board
    """))
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 0, result.output


def test_python_rule_pack_extension(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text('[meta]\nname = "mine"\nlanguage = "python"\n\n'
                    '[[py_returns_none]]\nnames = ["mylib.lookup"]\nwhy = "returns None when absent"\n')
    path = tmp_path / "m.py"
    path.write_text("import mylib\n\ndef f():\n    x = mylib.lookup(1)\n    return x.name\n")
    without = CliRunner().invoke(main, [str(path)])
    assert without.exit_code == 0, without.output
    result = CliRunner().invoke(main, ["--rules", str(pack), str(path)])
    assert result.exit_code == 1 and "mylib.lookup()" in result.output
    listing = CliRunner().invoke(main, ["rules", "--rules", str(pack)])
    assert "py-unchecked-none" in listing.output and "rules/python-pyusb.toml" in listing.output
    assert str(pack) in listing.output


def test_serial_port_configured_non_blocking_is_silent(tmp_path):
    found = findings(tmp_path, """
        import asyncio, serial
        class T:
            def __init__(self, url):
                self.ser = serial.serial_for_url(url)
                self.ser.timeout = 0
                self.blocking = serial.Serial(url, timeout=None)
            async def poll(self):
                await asyncio.sleep(0.1)
                data = self.ser.read(1024)
                more = self.blocking.read(1)
                return data + more
    """, "py-blocking-in-atomic")
    assert len(found) == 1 and "self.blocking.read" not in found[0].message and found[0].line == 11


def test_async_with_asyncio_lock_is_silent(tmp_path):
    assert findings(tmp_path, """
        import asyncio
        class M:
            def __init__(self):
                self._bus_lock = asyncio.Lock()
            async def connect(self, make):
                async with self._bus_lock:
                    if self.bus:
                        return
                    self.bus = make()
                    await self.bus.connect()
    """, "py-lock-imbalance") == []


def test_none_use_inside_a_handler_that_catches_it_is_silent(tmp_path):
    found = findings(tmp_path, """
        import usb.core
        def info():
            try:
                backend = usb.core.find()._ctx.backend
            except Exception:
                backend = "N/A"
            try:
                name = usb.core.find().product
            except ValueError:
                name = "?"
            return backend, name
    """, "py-unchecked-none")
    assert [f.line for f in found] == [9]


# ------------------------------------------------------------------ exits, exception edges, try-acquire, queues


def test_raise_statement_and_raising_call_are_each_reported(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def status(self):
            self._lock.acquire()
            data = self.port.read(4)
            if len(data) != 4:
                raise IOError("short reply")
            self._lock.release()
            return data
    """, "py-lock-imbalance")
    assert lines(found) == [10, 12]  # the raising read, and the raise statement (not len(), not IOError())
    assert "still held at this raise" in next(f for f in found if f.line == 12).message


def test_lock_helpers_used_by_with_are_silent(tmp_path):
    assert findings(tmp_path, """
        import threading

        class Session:
            _bus_lock = threading.Lock()

            def __init__(self, dev):
                self.dev = dev

            def __enter__(self):
                self._bus_lock.acquire()
                return self

            def __exit__(self, exc_type, exc, tb):
                try:
                    self.dev.release()
                finally:
                    self._bus_lock.release()

        def upload(dev, blob):
            with Session(dev) as s:
                return s.dev.write(blob)
    """, "py-lock-imbalance") == []


def test_ignored_try_acquire_is_reported_on_the_release(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def refresh(self):
            self._lock.acquire(blocking=False)
            try:
                self.port.write(b"AT")
            finally:
                self._lock.release()
    """, "py-lock-imbalance")
    assert lines(found) == [13] and "is ignored" in found[0].message


def test_handler_that_catches_everything_a_call_raises(tmp_path):
    source = """
        import threading
        import hid
        import spidev

        class Dev:
            def __init__(self):
                self._lock = threading.Lock()
                self.spi = spidev.SpiDev()
                self.hid = hid.device()

            def spi_read(self):
                self._lock.acquire()
                try:
                    raw = self.spi.xfer2([1, 2, 3])
                except OSError:
                    raw = None
                self._lock.release()
                return raw

            def hid_write(self, report):
                self._lock.acquire()
                try:
                    n = self.hid.write(report)
                except {caught}:
                    n = -1
                self._lock.release()
                return n
    """
    narrow = findings(tmp_path, source.replace("{caught}", "OSError"), "py-lock-imbalance")
    assert [(f.function, f.line) for f in narrow] == [("Dev.hid_write", 24)]  # ValueError('not open') escapes
    assert findings(tmp_path, source.replace("{caught}", "(OSError, ValueError)"), "py-lock-imbalance") == []


def test_builtins_and_bytes_methods_do_not_raise(tmp_path):
    found = findings(tmp_path, LOCKED + """
        def level(self, index):
            self._lock.acquire()
            reply = self._last
            report = bytes([index, 0])
            if not reply.startswith(b"LVL "):
                raise TimeoutError("no answer")
            self._lock.release()
            return report

        def poll(self):
            self._last = b""
    """, "py-lock-imbalance")
    assert lines(found) == [13]


def test_unbounded_queue_put_does_not_block(tmp_path):
    found = findings(tmp_path, """
        import queue

        class Pipe:
            def __init__(self):
                self.free = queue.Queue()
                self.bounded = queue.Queue(maxsize=4)

            async def run(self, item):
                self.free.put(item)
                self.bounded.put(item, False)
                self.bounded.put(item)
                return self.free.get()
    """, "py-blocking-in-atomic")
    assert lines(found) == [12, 13]


def test_comprehension_iterable_is_used_in_the_enclosing_function(tmp_path):
    found = findings(tmp_path, """
        import os

        def ports():
            spec = os.environ.get("PORTS")
            return [p.strip() for p in spec.split(",")]
    """, "py-unchecked-none")
    assert lines(found) == [6]
