"""Python driver API knowledge shared by the Python front end and the py-* checkers: the rule tables of
the ``python-*.toml`` packs, and small lookups over them.

The tables are declared here, once, so that every consumer (front end type inference, the five Python
checkers) validates and reads the same shapes.  Names in every table are *resolved* dotted names: a
module function as its import path (``usb.core.find``), a method as ``TYPE.method`` where TYPE is what
the ``py_type`` table says a constructor or factory returns (``serial.Serial.read``).  A call whose
receiver has no known type is never matched against a method rule: precision over recall.

Conditions (``unless``, ``try_when``) use a tiny language over a call's arguments:
``kw=VALUE`` (keyword ``kw`` written as the literal VALUE: ``find_all=True``, ``timeout=None``),
``kw`` (keyword present and not the literal None), ``#N=VALUE`` and ``#N`` (the same for positional
argument N, counted without the receiver).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import ir
from .rules import FieldSpec, Rule, RuleSet, TableSpec, declare

# Contexts a callback may run in; the atomic ones forbid blocking (they stall an event loop or libusb's
# event handling, or delay every other edge callback of the GPIO library's single callback thread).
PY_CONTEXTS = ("event-loop", "libusb-event", "gpio-edge", "signal", "thread", "timer", "executor")
PY_ATOMIC_CONTEXTS = ("event-loop", "libusb-event", "gpio-edge", "signal")

PY_TYPE = declare(TableSpec("py_type", {
    "names": FieldSpec(list, True),  # constructors, factories, methods returning an object
    "type": FieldSpec(str, True),  # the type their result has: methods on it are matched as TYPE.method
}, "Constructors and factories whose result has a known type; names and self attributes assigned from "
   "them get that type (local, flow-insensitive inference; conflicting assignments give no type)."))

PY_RETURNS_NONE = declare(TableSpec("py_returns_none", {
    "names": FieldSpec(list, True),
    "unless": FieldSpec(list),  # conditions under which the call never returns None (find_all=True)
    "why": FieldSpec(str),  # when it returns None, for reports
}, "Calls that may return None (nothing found, no match)."))

PY_NEEDS_VALUE = declare(TableSpec("py_needs_value", {
    "names": FieldSpec(list, True),
    "args": FieldSpec(list, True, items=int),  # positional arguments that must not be None
}, "Calls that fail on None in the given positional arguments (len, iter, usb.util.claim_interface)."))

PY_BLOCKING = declare(TableSpec("py_blocking", {
    "names": FieldSpec(list, True),
    "why": FieldSpec(str, True),  # how it blocks, for reports
    "unless": FieldSpec(list),  # conditions that make it non-blocking (blocking=False, timeout=0)
    "forever_when": FieldSpec(list),  # conditions that make it block without bound (timeout=None)
    "forever_default": FieldSpec(bool),  # with no timeout argument it may block forever
    # "attr=VALUE": non-blocking when the receiver object is configured so, by its constructor keyword or
    # by assignments to the attribute (``serial.Serial(port, timeout=0)``, ``self.ser.timeout = 0``)
    "unless_configured": FieldSpec(list),
    # "arg=DEFAULT": non-blocking when every assignment of the receiver is a constructor of its type that
    # leaves each argument at that value, absent or written so (``queue.Queue()`` is unbounded: put never waits)
    "unless_constructed": FieldSpec(list),
}, "Calls that block the calling thread: forbidden in async def bodies and event-loop or libusb callbacks."))

PY_CALLBACK = declare(TableSpec("py_callback", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int),  # positional index of the function argument
    "kw": FieldSpec(str),  # or its keyword
    "context": FieldSpec(str, True, PY_CONTEXTS),
    "what": FieldSpec(str, True),  # "event-loop callback", "libusb transfer callback"...
}, "Registrations that make a function (name, self.method, nested def or lambda) run in a given context."))

PY_RUNS_CALLABLE = declare(TableSpec("py_runs_callable", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int, True),  # positional index of the callable
}, "Calls that run a callable argument in another thread and, awaited, return once it returned "
   "(``await asyncio.to_thread(self._thread.join)`` joins the thread by the time it continues)."))

PY_NORAISE = declare(TableSpec("py_noraise", {
    "names": FieldSpec(list, True),
}, "Calls that never raise (no exception edge in the CFG): Lock.release of a held lock, Event.set, logging."))

PY_RAISES = declare(TableSpec("py_raises", {
    "names": FieldSpec(list, True),
    "exceptions": FieldSpec(list, True),  # builtin exception names (OSError, ValueError...) or their bases
}, "The exceptions a call raises when it fails at run time with well-formed arguments (a device error, a "
   "closed handle): a try whose handlers catch them all sends the call's exception edge to the handlers only."))

PY_NORETURN = declare(TableSpec("py_noreturn", {
    "names": FieldSpec(list, True),
}, "Calls that never return normally (sys.exit, os._exit): only their exception edge leaves them."))

PY_SOURCE = declare(TableSpec("py_untrusted_source", {
    "names": FieldSpec(list, True),
    "what": FieldSpec(str, True),  # "data read from the USB device"
    "arg": FieldSpec(int),  # the untrusted value is written into this argument (readinto(buf)) not returned
}, "Calls whose result (or ARG buffer) holds data from the device or a client: untrusted lengths and offsets."))

PY_SINK = declare(TableSpec("py_untrusted_sink", {
    "names": FieldSpec(list, True),
    "args": FieldSpec(list, False, items=int),  # positional arguments that are offsets, lengths or addresses
    "kws": FieldSpec(list),  # the same arguments by keyword
    "kind": FieldSpec(str, True, ("offset", "length", "address", "index", "size")),
    "what": FieldSpec(str, True),
}, "Calls (or TYPE.__getitem__/__setitem__ for subscripts) where an untrusted integer must be bounds-checked."))

PY_UNTRUSTED_PARAM = declare(TableSpec("py_untrusted_param", {
    "names": FieldSpec(list, True),  # handler methods a driver overrides, as BASE.method (drvrt.NetDriver.request)
    "arg": FieldSpec(int, True),  # which parameter, counted without self
    "attrs": FieldSpec(list),  # its attributes that hold untrusted integers; absent: the parameter itself
    "type": FieldSpec(str),  # the parameter's type, for py_attr_type and TYPE.__getitem__ sink lookups
    "what": FieldSpec(str, True),  # "a client request field"
}, "Handler methods whose parameter carries untrusted integers: a same-file class overriding BASE.method "
   "receives the named attributes of that parameter tainted (client requests: req.offset, req.length)."))

PY_ATTR_TYPE = declare(TableSpec("py_attr_type", {
    "names": FieldSpec(list, True),  # TYPE.attr (drvrt.Request.region)
    "type": FieldSpec(str, True),  # the type of that attribute's value
}, "Attributes of library objects whose value has a known type, so that ``req.region.buf[i]`` is matched "
   "against the sinks of the attribute's type."))

PY_TEARDOWN = declare(TableSpec("py_teardown", {
    "names": FieldSpec(list, True),
    "action": FieldSpec(str, True, ("join", "cancel", "stop", "close", "release", "dispose", "remove")),
    "what": FieldSpec(str, True),
}, "Calls that stop a thread, timer or callback, or release a device handle (close/__exit__/disconnect)."))

PY_THREAD_START = declare(TableSpec("py_thread_start", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int),  # positional index of the target function
    "kw": FieldSpec(str),  # or its keyword (target=)
    "what": FieldSpec(str, True),
}, "Calls that make a function run on another thread (threading.Thread(target=), Timer, executor.submit)."))


# ------------------------------------------------------------------ argument conditions


def _literal(expr: ir.Expr) -> Optional[str]:
    """The text of a literal argument as the conditions spell it (None, True, False, 0, 'x')."""
    expr = ir.strip(expr)
    if isinstance(expr, ir.Const):
        return expr.text or (str(expr.value) if expr.value is not None else None)
    if isinstance(expr, ir.Str):
        return expr.text
    if isinstance(expr, ir.Unary) and expr.op == "-" and isinstance(ir.strip(expr.operand), ir.Const):
        inner = _literal(expr.operand)
        return f"-{inner}" if inner is not None else None
    return None


def argument(call: ir.Call, ref: str) -> Optional[ir.Expr]:
    """Argument ``kw`` or ``#N`` of a call (positional index without the receiver), or None."""
    if ref.startswith("#"):
        index = int(ref[1:]) + (1 if call.bound else 0)
        return call.args[index] if index < len(call.args) else None
    return dict(call.keywords).get(ref)


def holds(call: ir.Call, condition: str) -> bool:
    """Does ``condition`` (``kw=VALUE``, ``kw``, ``#N=VALUE``, ``#N``) hold for this call as written?"""
    ref, _, value = condition.partition("=")
    arg = argument(call, ref.strip())
    if arg is None:
        return False
    text = _literal(arg)
    if value:
        return text == value.strip()
    return text != "None"


def any_holds(call: ir.Call, conditions) -> bool:
    return any(holds(call, c) for c in conditions or ())


def awaited_callable(call: ir.Call, runs: dict[str, Rule], types: dict[str, str], cls: str) -> Optional[ir.Call]:
    """The call an awaited ``asyncio.to_thread(self.x.m)`` (or ``run_in_executor(None, self.x.m)``) has
    made by the time the coroutine goes on, as a method call of ``self.x``'s inferred type; else None."""
    rule = rule_for(runs, call) if call.awaited else None
    method = ir.strip(argument(call, f"#{rule['arg']}")) if rule is not None else None
    if not isinstance(method, ir.Member):
        return None
    base = ir.strip(method.base)
    owner = None
    if isinstance(base, ir.Member) and isinstance(ir.strip(base.base), ir.Name) and ir.strip(base.base).name == "self":
        owner = types.get(f"{cls}.{base.field}")
    elif isinstance(base, ir.Name):
        owner = types.get(base.name)
    if owner is None:
        return None
    rest = tuple(a for i, a in enumerate(call.args) if i > rule["arg"] + (1 if call.bound else 0))
    return ir.Call(f"{owner}.{method.field}", ir.expr_key(method), rest, call.loc, method)


def rule_for(index: dict[str, Rule], call: ir.Call) -> Optional[Rule]:
    """The rule for a call, matched on its resolved name first, then as written."""
    for name in (call.callee, call.written):
        if name and name in index:
            return index[name]
    return None


def function_ref(expr: ir.Expr, function: ir.Function, functions: dict[str, ir.Function]) -> Optional[str]:
    """The same-file function an argument names: ``cb`` (a module function or a def nested in
    ``function``), ``self.on_data`` (a method of ``function``'s class), or a lambda (lowered to the
    name of its synthesised function)."""
    expr = ir.strip(expr)
    if isinstance(expr, ir.Name):
        scope = function.name
        while scope:
            candidate = f"{scope}.{expr.name}"
            if candidate in functions:
                return candidate
            scope = scope.rpartition(".")[0]
        return expr.name if expr.name in functions else None
    if isinstance(expr, ir.Member) and isinstance(ir.strip(expr.base), ir.Name):
        base = ir.strip(expr.base)
        owner = expr.record or (function.cls if base.name == "self" else "")
        if owner and f"{owner}.{expr.field}" in functions:
            return f"{owner}.{expr.field}"
    return None


@dataclass(frozen=True)
class Registration:
    """A same-file function handed to a registration call: where, by which call, in which context."""

    function: str
    context: str
    what: str
    api: str
    line: int
    col: int
    registrar: str  # the function making the registration


def callback_registrations(unit, rules: RuleSet, table: str = "py_callback") -> dict[str, list[Registration]]:
    """Functions of a Python unit that a library will call in a known context (``py_callback``) or on a
    thread (``py_thread_start`` with context 'thread')."""
    index = rules.by_name(table)
    out: dict[str, list[Registration]] = {}
    for name, cfg in unit.cfgs.items():
        function = unit.functions[name]
        for node_id in cfg.graph.nodes:
            for call in ir.calls_in(cfg.node(node_id).expr):
                rule = rule_for(index, call)
                if rule is None:
                    continue
                arg = None
                if rule.get("kw"):
                    arg = argument(call, rule["kw"])
                if arg is None and rule.get("arg") is not None:
                    arg = argument(call, f"#{rule['arg']}")
                target = function_ref(arg, function, unit.functions) if arg is not None else None
                if target is None:
                    continue
                reg = Registration(target, rule.get("context", "thread"), rule["what"],
                                   call.callee or call.written or "?", call.loc.line, call.loc.col, name)
                if reg not in out.get(target, []):
                    out.setdefault(target, []).append(reg)
    return out


def configuration(unit) -> dict[tuple[str, str], dict[str, set[str]]]:
    """What each object of a Python unit is configured with: (class, object key) -> attribute -> the
    literals it is given, by constructor keywords (``self.ser = serial.Serial(p, timeout=0)``) and by
    attribute assignments (``self.ser.timeout = 0``) anywhere in the class's methods."""
    out: dict[tuple[str, str], dict[str, set[str]]] = {}
    for name, cfg in unit.cfgs.items():
        cls = unit.functions[name].cls
        for node_id in cfg.graph.nodes:
            expr = cfg.node(node_id).expr
            if expr is None:
                continue
            for node in ir.walk_expr(expr):
                if not (isinstance(node, ir.Binary) and node.op == "="):
                    continue
                lhs, rhs = ir.strip(node.lhs), ir.strip(node.rhs)
                if isinstance(lhs, ir.Member) and _literal(rhs) is not None:
                    key = (cls, ir.expr_key(lhs.base))
                    out.setdefault(key, {}).setdefault(lhs.field, set()).add(_literal(rhs))
                elif isinstance(rhs, ir.Call) and rhs.keywords:
                    attrs = out.setdefault((cls, ir.expr_key(lhs)), {})
                    for kw, value in rhs.keywords:
                        text = _literal(value)
                        attrs.setdefault(kw, set()).add(text if text is not None else "?")
    return out


def configured(config: dict, cls: str, receiver: Optional[ir.Expr], conditions) -> bool:
    """Is the receiver configured as one of ``conditions`` (``attr=VALUE``) by every assignment seen?"""
    if receiver is None or not conditions:
        return False
    attrs = config.get((cls, ir.expr_key(receiver)), {})
    for condition in conditions:
        attr, _, value = condition.partition("=")
        if attrs.get(attr.strip()) == {value.strip()}:
            return True
    return False


def constructions(unit) -> dict[tuple[str, str], list[ir.Expr]]:
    """Every value assigned to each object of a Python unit: (class, object key) -> right-hand sides."""
    out: dict[tuple[str, str], list[ir.Expr]] = {}
    for name, cfg in unit.cfgs.items():
        cls = unit.functions[name].cls
        for node_id in cfg.graph.nodes:
            expr = cfg.node(node_id).expr
            if expr is None:
                continue
            for node in ir.walk_expr(expr):
                if isinstance(node, ir.Binary) and node.op == "=":
                    out.setdefault((cls, ir.expr_key(ir.strip(node.lhs))), []).append(ir.strip(node.rhs))
    return out


def constructed(built: dict, types: dict[str, Rule], cls: str, call: ir.Call, conditions) -> bool:
    """Is the receiver of ``call`` (a method of TYPE) assigned only from constructors of TYPE whose
    arguments all meet ``conditions`` (``arg=DEFAULT``: absent, or written as DEFAULT)?"""
    if call.receiver is None or not conditions or not call.callee:
        return False
    owner = call.callee.rpartition(".")[0]
    values = built.get((cls, ir.expr_key(ir.strip(call.receiver))), [])
    if not values:
        return False
    for value in values:
        if not isinstance(value, ir.Call) or value.callee not in types or types[value.callee]["type"] != owner:
            return False
        for condition in conditions:
            ref, _, default = condition.partition("=")
            arg = argument(value, ref.strip())
            if arg is not None and _literal(arg) != default.strip():
                return False
    return True
