"""py-untrusted-offset and py-hotunplug-race on inline snippets: true positives and tricky negatives."""
from __future__ import annotations

import textwrap

import pytest

from conftest import analyze
from drvlint.checkers.py_untrusted_offset import struct_signs

HEAD = "import mmap\nimport struct\nimport threading\n\nimport serial\nfrom periphery import MMIO\n\n"


def _method_body(body: str) -> str:
    """Body lines as written in the tests (continuation lines indented by 4) at method-body depth."""
    lines = body.split("\n")
    lines = lines[:1] + [line[4:] if line.startswith("    ") else line for line in lines[1:]]
    return "\n".join(("        " + line) if line and not line.startswith("def ") else
                     ("    " + line if line else line) for line in lines).lstrip()


def findings(tmp_path, body: str, rule: str) -> set[int]:
    path = tmp_path / "drv.py"
    path.write_text(HEAD + textwrap.dedent(body))
    result = analyze(path)
    assert result.failed is None
    return {f.line - HEAD.count("\n") for f in result.findings if f.rule_id == rule}


OFFSET_CLASS = """\
class Peek:
    def __init__(self, port):
        self.ser = serial.Serial(port, 9600, timeout=1)
        self.mm = mmap.mmap(-1, 4096)
        self.mmio = MMIO(0x1000, 0x100)

    def step(self):
        {body}
"""


def offset(tmp_path, body: str) -> set[int]:
    code = OFFSET_CLASS.replace("{body}", _method_body(body))
    return findings(tmp_path, code, "py-untrusted-offset")


def test_struct_signs():
    assert struct_signs("<hI") == (False, True)
    assert struct_signs(">2Hxb4s") == (True, True, False, True)


@pytest.mark.parametrize("body, lines", [
    # signed, upper bound only: negative offsets wrap
    ("""(off,) = struct.unpack("<i", self.ser.read(4))
    if off + 4 > len(self.mm):
        return None
    return self.mm[off:off + 4]""", {11}),
    # unsigned, nothing checked
    ("""n = self.ser.read(1)[0]
    return bytearray(n)""", {9}),
    # client text reaches MMIO through int()
    ("""reg = int(self.ser.readline().split()[1], 0)
    return self.mmio.read32(reg)""", {9}),
    # the lower bound alone is not enough
    ("""off = int.from_bytes(self.ser.read(2), "little", signed=True)
    if off < 0:
        raise ValueError(off)
    struct.pack_into("<I", self.mm, off, 1)""", {11}),
])
def test_untrusted_offset_reported(tmp_path, body, lines):
    assert offset(tmp_path, body) == lines


@pytest.mark.parametrize("body", [
    """(off,) = struct.unpack("<i", self.ser.read(4))
    if off < 0 or off + 4 > len(self.mm):
        return None
    return self.mm[off:off + 4]""",
    """(off,) = struct.unpack("<H", self.ser.read(2))
    if off + 4 > len(self.mm):
        return None
    return self.mm[off:off + 4]""",
    """reg = int(self.ser.readline(), 0) & 0xFC
    return self.mmio.read32(reg)""",
    """off = int(self.ser.readline())
    off = max(0, min(off, 4092))
    return self.mm[off]""",
    """off = int(self.ser.readline())
    if off in range(0, 4096, 4):
        return struct.unpack_from("<I", self.mm, off)
    return None""",
    """data = self.ser.read(64)
    return bytes(data) + bytearray(len(data))""",
])
def test_untrusted_offset_tricky_negatives(tmp_path, body):
    assert offset(tmp_path, body) == set()


READER = """\
class Reader:
    def __init__(self, port):
        self.ser = serial.Serial(port, 9600, timeout=0.5)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            self.ser.read(1)

    def close(self):
        {body}
"""


def unplug(tmp_path, body: str, reader: str = READER) -> set[int]:
    code = reader.replace("{body}", _method_body(body))
    return findings(tmp_path, code, "py-hotunplug-race")


@pytest.mark.parametrize("body, lines", [
    ("""self._stop.set()
    self.ser.close()""", {14}),  # an event is a request, not a stop
    ("""self._stop.set()
    self.ser.close()
    self._thread.join()""", {14}),  # join after the release
    ("""try:
        self.ser.write(b"Q")
    except serial.SerialException:
        self.ser.close()
        return
    self._thread.join()
    self.ser.close()""", {16}),  # the error path skips the join
])
def test_hotunplug_reported(tmp_path, body, lines):
    assert unplug(tmp_path, body) == lines


@pytest.mark.parametrize("body", [
    """self._stop.set()
    self._thread.join()
    self.ser.close()""",
    """self._halt()
    self.ser.close()

def _halt(self):
    self._stop.set()
    self._thread.join()""",
])
def test_hotunplug_tricky_negatives(tmp_path, body):
    assert unplug(tmp_path, body) == set()


def test_hotunplug_thread_without_the_handle(tmp_path):
    """A worker that never touches the released handle does not race with its release."""
    reader = READER.replace("self.ser.read(1)", "self._stop.wait(0.1)")
    assert unplug(tmp_path, "self.ser.close()\n    self._thread.join()", reader) == set()


def test_hotunplug_state_guarded_join(tmp_path):
    reader = READER.replace("        self._thread.start()\n", "").replace(
        "self._thread = threading.Thread(target=self._run)", "self._thread = None") + """
    def start(self):
        self._thread = threading.Thread(target=self._run)
        self._thread.start()
"""
    body = """if self._thread is not None:
        self._stop.set()
        self._thread.join()
    self.ser.close()"""
    assert unplug(tmp_path, body, reader) == set()


# ---------------------------------------------------------------- drvrt drivers (rules/python-drvrt.toml)

def drvrt_findings(tmp_path, code: str, rule: str) -> set[int]:
    """Lines (of ``code``, from 1) of the findings of ``rule`` on a drvrt driver."""
    path = tmp_path / "drv.py"
    path.write_text(textwrap.dedent(code))
    result = analyze(path)
    assert result.failed is None
    return {f.line for f in result.findings if f.rule_id == rule}


TWO_USERS = """\
import drvrt


class Net(drvrt.NetDriver):
    def probe(self):
        self.dev = drvrt.find("dummynet0")
        self.link_timer = drvrt.timer(self.on_poll)
        self.irq = drvrt.request_irq(self.dev, self.on_irq)

    def on_poll(self):
        self.dev.read("ctrl")

    def on_irq(self):
        self.dev.read("status")

    def remove(self):
        {body}
"""


@pytest.mark.parametrize("body, lines", [
    # free_irq(self.irq) stops the interrupt handler only: the timer still reads the device
    ("drvrt.free_irq(self.irq)\n        self.dev.release()", {18}),
    # cancelling the timer leaves the interrupt routed
    ("self.link_timer.cancel()\n        self.dev.release()", {18}),
    # Device.release() is a handle release, not a stop: nothing stopped at all
    ("self.dev.release()", {17}),
    ("self.link_timer.cancel()\n        drvrt.free_irq(self.irq)\n        self.dev.release()", set()),
])
def test_hotunplug_drvrt_stops_match_their_object(tmp_path, body, lines):
    assert drvrt_findings(tmp_path, TWO_USERS.replace("{body}", body), "py-hotunplug-race") == lines


def test_hotunplug_stop_through_the_registrations_type(tmp_path):
    """A timer kept through a local has no holder; Timer.cancel() on it stops it because drvrt.timer()
    returns a drvrt.Timer (py_type)."""
    code = """\
    import drvrt


    class Ser(drvrt.SerialDriver):
        def probe(self):
            self.dev = drvrt.find("serial0")
            t = drvrt.timer(self.flush)
            self.flusher = t

        def flush(self):
            self.dev.write("data", 0)

        def remove(self):
            self.flusher.cancel()
            self.dev.release()
    """
    assert drvrt_findings(tmp_path, code, "py-hotunplug-race") == set()
    unstopped = code.replace("            self.flusher.cancel()\n", "")
    assert drvrt_findings(tmp_path, unstopped, "py-hotunplug-race") == {14}


REQUEST = """\
import struct

import drvrt

REC = struct.Struct("<II")


class Base(drvrt.NetDriver):
    pass


class Net(Base):
    def request(self, req):
        {body}
"""


@pytest.mark.parametrize("body, lines", [
    ("return req.region.buf[req.offset]", {14}),
    ("return bytes(req.region.buf[req.offset:req.offset + req.length])", {14}),
    ("req.region.buf[req.offset:req.offset + 4] = b'abcd'", {14}),
    ("return bytearray(req.length)", {14}),
    ("REC.pack_into(req.region.buf, req.offset, 1, 2)", {14}),
    # check() used for its exception only: the fields stay untrusted, as they do at run time
    ("req.region.check(req.offset, 4)\n        REC.pack_into(req.region.buf, req.offset, 1, 2)", {15}),
    # the checked accessors and their results
    ("return req.region.read(req.offset, req.length)", set()),
    ("off, n = req.region.check(req.offset, req.length)\n        return bytes(req.region.buf[off:off + n])", set()),
    ("off, n = req.region.check(req.offset, REC.size)\n        REC.pack_into(req.region.buf, off, 1, 2)", set()),
    ("return req.region.write(req.offset, b'x', req.length)", set()),
])
def test_untrusted_offset_drvrt_request_fields(tmp_path, body, lines):
    assert drvrt_findings(tmp_path, REQUEST.replace("{body}", body), "py-untrusted-offset") == lines


def test_untrusted_offset_request_of_an_unrelated_class(tmp_path):
    """Only an override of a declared handler gets its parameter's fields tainted."""
    code = REQUEST.replace("class Base(drvrt.NetDriver)", "class Base").replace(
        "{body}", "return bytearray(req.length)")
    assert drvrt_findings(tmp_path, code, "py-untrusted-offset") == set()


def test_untrusted_offset_struct_method_offset_is_its_second_argument(tmp_path):
    code = """\
    import mmap
    import struct

    import serial

    REC = struct.Struct("<I")


    class Dev:
        def __init__(self):
            self.ser = serial.Serial("/dev/ttyS0", timeout=1)
            self.mm = mmap.mmap(-1, 4096)

        def step(self):
            (n,) = struct.unpack("<i", self.ser.read(4))
            REC.pack_into(self.mm, 0, n)
            REC.pack_into(self.mm, n, 0)
    """
    assert drvrt_findings(tmp_path, code, "py-untrusted-offset") == {17}


def test_thread_joined_through_an_awaited_to_thread_is_stopped(tmp_path):
    """``await asyncio.to_thread(self._thread.join)`` has joined the thread when the coroutine goes on;
    handing the join to a thread without awaiting it has not."""
    source = '''import asyncio
import threading

import serial


class Daemon:
    def __init__(self, port):
        self.ser = serial.Serial(port, 57600, timeout=0.2)
        self._thread = threading.Thread(target=self._reader, daemon=True)
        self._thread.start()

    def _reader(self):
        while True:
            self.ser.readline()

    async def shutdown(self):
        await asyncio.to_thread(self._thread.join)
        self.ser.close()

    async def abandon(self):
        asyncio.to_thread(self._thread.join)
        self.ser.close()
'''
    path = tmp_path / "daemon.py"
    path.write_text(source)
    found = [(f.function, f.line) for f in analyze(path).findings if f.rule_id == "py-hotunplug-race"]
    assert found == [("Daemon.abandon", 23)]


def test_teardown_run_by_the_thread_itself_does_not_race_with_that_thread(tmp_path):
    """A port closed from a key handler on the writer thread: the writer is busy running the close, so
    only the reader (not stopped first) races with it."""
    source = '''import threading

import serial


class Term:
    def __init__(self, port):
        self.serial = serial.Serial(port)
        self.rx = threading.Thread(target=self.reader, daemon=True)
        self.tx = threading.Thread(target=self.writer, daemon=True)
        self.rx.start()
        self.tx.start()

    def reader(self):
        while True:
            self.serial.read(1)

    def writer(self):
        while True:
            key = input()
            if key == "q":
                self.reopen()
            self.serial.write(key.encode())

    def reopen(self):
        self.serial.close()
        self.serial.open()
'''
    path = tmp_path / "term.py"
    path.write_text(source)
    found = [f.message for f in analyze(path).findings if f.rule_id == "py-hotunplug-race"]
    assert len(found) == 1 and "Term.reader()" in found[0] and "Term.writer()" not in found[0], found
