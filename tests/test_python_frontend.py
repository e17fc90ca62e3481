"""The Python front end and its CFGs: import resolution, receiver types, class membership, exception
edges through try/except/else/finally and with, returns inside finally and with, async def, lambdas and
nested callbacks, and syntax errors as one-line notifications."""
from __future__ import annotations

import textwrap

import pytest

from drvlint import ir
from drvlint.cfg import build_cfg
from drvlint.flow_rules import FlowRules
from drvlint.frontend_py import PySyntaxError, parse_python_source
from drvlint.rules import load_rules

RULES = load_rules().for_languages(("python",))
TYPES = {name: rule["type"] for name, rule in RULES.by_name("py_type").items()}
FLOW = FlowRules.from_rules(RULES)


def lower(source: str) -> dict[str, ir.Function]:
    tu = parse_python_source(textwrap.dedent(source), "t.py", TYPES)
    return {f.name: f for f in tu.functions}


def cfg_of(source: str, name: str):
    return build_cfg(lower(source)[name], FLOW)


def calls(function: ir.Function) -> list[ir.Call]:
    cfg = build_cfg(function, FLOW)
    return [c for n in sorted(cfg.graph.nodes) for c in ir.calls_in(cfg.node(n).expr)]


def nodes(cfg, text: str) -> list[int]:
    return [n for n in cfg.graph.nodes if cfg.node(n).expr is not None and text in ir.expr_key(cfg.node(n).expr)]


def exc_succ(cfg, node: int) -> list[int]:
    return [s for s in cfg.graph.successors(node) if cfg.edge(node, s).exc]


def reaches(cfg, src: int, dst: int) -> bool:
    import networkx as nx
    return nx.has_path(cfg.graph, src, dst)


def test_import_resolution_and_written_names():
    fns = lower("""
        import usb.core as uc
        from usb.core import find
        import serial
        def f():
            a = uc.find(idVendor=1)
            b = find()
            s = serial.Serial("/dev/ttyUSB0")
            s.read(4)
    """)
    by_written = {c.written: c for c in calls(fns["f"])}
    assert by_written["uc.find"].callee == "usb.core.find"
    assert dict(by_written["uc.find"].keywords)["idVendor"] == ir.Const(1, "1", by_written["uc.find"].keywords[0][1].loc)
    assert by_written["find"].callee == "usb.core.find"
    assert by_written["s.read"].callee == "serial.Serial.read"  # typed receiver


def test_untyped_receiver_is_not_guessed_and_self_attribute_types_come_from_init():
    fns = lower("""
        import serial, threading
        class Port:
            def __init__(self, path):
                self.ser = serial.Serial(path, timeout=None)
                self._lock = threading.Lock()
            def get(self, other):
                self.ser.read(1)
                other.read(1)
                self.helper(2)
            def helper(self, n):
                return n
    """)
    got = {c.written: c for c in calls(fns["Port.get"])}
    assert got["self.ser.read"].callee == "serial.Serial.read"
    assert got["other.read"].callee == "other.read"  # unknown type: no rule will ever match it
    helper = got["self.helper"]
    assert helper.callee == "Port.helper" and helper.bound and ir.expr_key(helper.args[0]) == "self"
    fn = fns["Port.get"]
    assert fn.cls == "Port" and fn.language == "python"
    member = helper.args[0]
    read = got["self.ser.read"]
    assert isinstance(read.receiver, ir.Member) and read.receiver.record == "Port"
    assert read.receiver.field == "ser" and ir.strip(read.receiver.base) == ir.Name("self", read.receiver.base.loc,
                                                                                     is_param=True)


def test_none_true_false_and_is_lowering():
    fns = lower("""
        def f(x):
            if x is None:
                return True
            return x is not False
    """)
    cfg = build_cfg(fns["f"], FLOW)
    branch = next(cfg.node(n) for n in cfg.graph.nodes if cfg.node(n).kind == "branch")
    assert isinstance(branch.expr, ir.Binary) and branch.expr.op == "=="
    assert branch.expr.rhs.text == "None" and branch.expr.rhs.value == 0


def test_every_call_may_raise_to_the_raise_exit_unless_rules_say_otherwise():
    cfg = cfg_of("""
        import threading
        L = threading.Lock()
        def f(dev):
            dev.write(1)
            L.release()
    """, "f")
    write, = nodes(cfg, "dev.write")
    release, = nodes(cfg, "L.release")
    assert exc_succ(cfg, write) == [cfg.raise_exit]
    assert exc_succ(cfg, release) == []  # threading.Lock.release is in py_noraise


def test_try_except_else_finally_shape():
    cfg = cfg_of("""
        def f(dev):
            try:
                dev.open()
            except OSError as e:
                dev.log(e)
            else:
                dev.run()
            finally:
                dev.close()
            dev.done()
    """, "f")
    opened, = nodes(cfg, "dev.open")
    dispatch, = exc_succ(cfg, opened)
    assert cfg.node(dispatch).label == "except:OSError"
    logged, = nodes(cfg, "dev.log")
    assert reaches(cfg, dispatch, logged)
    run_, = nodes(cfg, "dev.run")
    assert not reaches(cfg, logged, run_)  # else runs only when the body did not raise
    closes = nodes(cfg, "dev.close")
    assert len(closes) == 2  # the finally body on the normal and on the exceptional way out
    # an exception no handler matches, and one raised by the else clause, still go through the finally
    for src in (dispatch, run_):
        assert any(reaches(cfg, src, c) for c in closes)
    done, = nodes(cfg, "dev.done")
    normal = [c for c in closes if reaches(cfg, c, done)]
    exceptional = [c for c in closes if not reaches(cfg, c, done)]
    assert len(normal) == 1 and len(exceptional) == 1
    assert reaches(cfg, exceptional[0], cfg.raise_exit)  # then the exception goes on


def test_catch_all_handler_stops_propagation():
    cfg = cfg_of("""
        def f(dev):
            try:
                dev.open()
            except Exception:
                return None
            return dev
    """, "f")
    opened, = nodes(cfg, "dev.open")
    dispatch, = exc_succ(cfg, opened)
    assert cfg.raise_exit is None or not reaches(cfg, dispatch, cfg.raise_exit)


def test_return_inside_try_runs_finally_and_with_exits_on_every_path():
    cfg = cfg_of("""
        import threading
        class D:
            def __init__(self):
                self.lock = threading.Lock()
            def f(self, dev):
                with self.lock:
                    if dev.ready():
                        return dev.value()
                    dev.poke()
                try:
                    return dev.read()
                finally:
                    dev.close()
    """, "D.f")
    exits = nodes(cfg, "self.lock.__exit__")
    assert len(exits) >= 3  # the return inside the with, the normal end, the exception path
    for ret in cfg.returns():
        if cfg.node(ret).loc.line == 9:  # `return dev.value()` inside the with
            preds = list(cfg.graph.predecessors(ret))
            assert any("self.lock.__exit__" in ir.expr_key(cfg.node(p).expr or ir.Opaque("")) for p in preds)
    ready, = nodes(cfg, "dev.ready")
    handler = exc_succ(cfg, ready)[0]
    assert any(reaches(cfg, handler, e) for e in exits)  # an exception in the body exits the with too
    closes = nodes(cfg, "dev.close")
    read_ret = [r for r in cfg.returns() if cfg.node(r).loc.line == 12]
    assert read_ret and any(reaches(cfg, c, read_ret[0]) for c in closes)


def test_raise_goes_to_the_handler_and_break_skips_loop_else():
    cfg = cfg_of("""
        def f(items):
            for x in items:
                if x.bad():
                    break
            else:
                raise ValueError("none bad")
            return 1
    """, "f")
    raises = nodes(cfg, "ValueError")
    assert raises and reaches(cfg, raises[0], cfg.raise_exit)
    flag_set = [n for n in nodes(cfg, "$broke") if "= 1" in ir.expr_key(cfg.node(n).expr)]
    assert flag_set  # the engine decides the else from the flag, so break skips it on every path


def test_async_def_await_and_lambda_callbacks():
    fns = lower("""
        import asyncio
        class D:
            async def run(self, loop):
                await asyncio.sleep(1)
                loop.call_soon(lambda: self.tick())
                def inner():
                    return 1
                loop.call_later(1, inner)
            def tick(self):
                pass
    """)
    run = fns["D.run"]
    assert run.is_async and run.cls == "D"
    sleep = next(c for c in calls(run) if c.written == "asyncio.sleep")
    assert sleep.awaited
    lambdas = [n for n in fns if "<lambda@" in n]
    assert lambdas and fns[lambdas[0]].parent == "D.run"
    assert "D.run.inner" in fns and fns["D.run.inner"].parent == "D.run"
    call_soon = next(c for c in calls(run) if c.written == "loop.call_soon")
    assert isinstance(call_soon.args[0], ir.Name) and call_soon.args[0].name == lambdas[0]


def test_syntax_error_names_the_line():
    with pytest.raises(PySyntaxError) as info:
        parse_python_source("def f(:\n    pass\n", "bad.py", TYPES)
    assert info.value.line == 1 and "syntax error" in str(info.value)


def test_python_packs_do_not_reach_c_checkers_and_vice_versa():
    everything = load_rules()
    c_rules = everything.for_languages(("c",))
    assert not any(r.source.startswith("rules/python-") for rs in c_rules.rules.values() for r in rs)
    assert not any(r.source.startswith("rules/kernel-") for rs in RULES.rules.values() for r in rs)
    for table in ("py_untrusted_source", "py_untrusted_sink", "py_teardown", "py_thread_start", "py_callback",
                  "py_returns_none", "py_blocking", "lock"):
        assert RULES.table(table), table
