"""py-untrusted-offset: a device- or client-supplied integer reaches a memory or register-window sink
(mmap index/slice, ctypes.string_at/memmove/from_address, struct.unpack_from/pack_into, bytearray(n),
periphery MMIO.read32/write32) on a path where it is not bounded on both sides.

Runs on the shared dataflow engine.  The state is the set of tainted variables, each with whether the
path bounds it below and above.  Bounds come from three places: the value's origin (an unsigned struct
format, ``int.from_bytes`` without ``signed=True``, a byte of a buffer, ``x & MASK``, ``min``/``max``
clamps), the engine's integer facts (``if n > 64: return``), and branch tests against non-constant
limits (``if off + 4 > len(mm): raise``), which the engine cannot express as ranges: a branch node
splits its state into one per outcome, tagged with the node, and the successor drops the state tagged
with the other outcome.  A check of the upper bound alone is not enough for a signed value, because a
negative index wraps to the end of a Python buffer and becomes a wild address in ctypes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from drvlint import dataflow, ir
from drvlint.cfg import CFG, CfgNode
from drvlint.checker import Checker
from drvlint.dataflow import PathState
from drvlint.findings import Finding, Step
from drvlint.pymodel import argument, rule_for
from drvlint.rules import Rule
from drvlint.unit import Unit

_UNSIGNED_FORMATS = set("BHILQN?")
_STRUCT_UNPACK = ("struct.unpack", "struct.unpack_from", "struct.Struct.unpack", "struct.Struct.unpack_from",
                  "struct.iter_unpack")
_ARITH = ("+", "-", "*", "//", "/", "%", "<<", ">>", "&", "|", "^", "**")
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "==", "in": "not in", "not in": "in"}


@dataclass(frozen=True)
class Val:
    """What the analysis knows of an untrusted value.  kind: 'int' (an offset or length candidate),
    'raw' (a source's result: a buffer, or an int read from a register), 'bytes' (a buffer copied from it),
    'tuple' (struct.unpack of it; ``elems`` says which elements are non-negative), 'data' (anything else
    derived from it: decoded text, split fields)."""

    kind: str
    lower: bool = False
    upper: bool = False
    elems: Optional[tuple[bool, ...]] = None
    line: int = 0  # where the untrusted data came from
    what: str = ""


def struct_signs(fmt: str) -> Optional[tuple[bool, ...]]:
    """For each value ``struct.unpack(fmt, ...)`` returns: is it non-negative by construction?"""
    fmt = fmt.lstrip("@=<>!")
    out: list[bool] = []
    for count, code in re.findall(r"(\d*)([a-zA-Z?])", fmt):
        n = int(count) if count else 1
        if code == "x":
            continue
        if code in "sp":
            out.append(True)
        else:
            out.extend([code in _UNSIGNED_FORMATS] * n)
    return tuple(out)


def _const(expr: Optional[ir.Expr]) -> Optional[int]:
    expr = ir.strip(expr) if expr is not None else None
    if isinstance(expr, ir.Const) and expr.text not in ("None", "True", "False"):
        return expr.value
    if isinstance(expr, ir.Unary) and expr.op == "-":
        inner = _const(expr.operand)
        return -inner if inner is not None else None
    return None


def _is_value(expr: ir.Expr) -> bool:
    """Is ``expr`` a value (a local, a parameter, ``self.x``), not a module or type name?"""
    expr = ir.strip(expr)
    while isinstance(expr, (ir.Member, ir.Index)):
        expr = ir.strip(expr.base)
    if isinstance(expr, ir.Call):
        return True
    return isinstance(expr, ir.Name) and (expr.is_local or expr.is_param)


def _terms(expr: ir.Expr) -> list[ir.Expr]:
    """The additive terms of ``a + b - c`` (``c`` negated terms included: an upper bound on a sum of
    non-negative parts bounds each part)."""
    expr = ir.strip(expr)
    if isinstance(expr, ir.Binary) and expr.op in ("+", "-"):
        return _terms(expr.lhs) + _terms(expr.rhs)
    if isinstance(expr, ir.Binary) and expr.op == "*" and (_const(expr.lhs) or 0) > 0:
        return _terms(expr.rhs)
    if isinstance(expr, ir.Binary) and expr.op == "*" and (_const(expr.rhs) or 0) > 0:
        return _terms(expr.lhs)
    return [expr]


def _keyable(expr: ir.Expr) -> bool:
    return isinstance(ir.strip(expr), (ir.Name, ir.Member)) and ir.is_pure(expr)


def external_bases(unit: Unit, cls: str) -> list[str]:
    """The bases of a class outside this file (by import path), through its same-file bases."""
    out: list[str] = []
    todo, seen = [cls], set()
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        for base in unit.tu.class_bases.get(name, ()):
            (todo if base in unit.tu.class_bases else out).append(base)
    return out


def handler_rule(unit: Unit, function: ir.Function, handlers: dict[str, Rule]) -> Optional[tuple[Rule, str]]:
    """(rule, parameter name) when ``function`` overrides a ``py_untrusted_param`` handler method of a
    library base class (``request`` of a ``drvrt.NetDriver`` subclass)."""
    if not handlers or not function.cls or function.parent:
        return None
    method = function.name[len(function.cls) + 1:]
    for base in external_bases(unit, function.cls):
        rule = handlers.get(f"{base}.{method}")
        if rule is None:
            continue
        params = function.params[1:]  # without self
        index = rule["arg"]
        return (rule, params[index].name) if index < len(params) else None
    return None


class Taints:
    """Evaluation of expressions over a path's tainted variables (``key -> Val``)."""

    def __init__(self, checker: "_FunctionCheck", state: PathState, table: dict[str, Val]):
        self.c = checker
        self.state = state
        self.table = table

    def var(self, key: str) -> Optional[Val]:
        val = self.table.get(key)
        if val is None or val.kind != "int":
            return val
        rng = self.state.facts.get(self.state.binds.get(key, key))  # the engine's branch facts
        if rng is not None:
            val = replace(val, lower=val.lower or (rng.lo is not None and rng.lo >= 0),
                          upper=val.upper or rng.hi is not None)
        return val

    def eval(self, expr: Optional[ir.Expr]) -> Optional[Val]:
        if expr is None:
            return None
        expr = ir.strip(expr)
        if isinstance(expr, (ir.Const, ir.Str)):
            return None
        if isinstance(expr, (ir.Name, ir.Member)) and ir.is_pure(expr):
            return self.var(ir.expr_key(expr))  # (an attribute of untrusted data is not an offset)
        if isinstance(expr, ir.Call):
            return self._call(expr)
        if isinstance(expr, ir.Index):
            return self._index(expr)
        if isinstance(expr, ir.Binary):
            if expr.op == "=":
                return self.eval(expr.rhs)
            if expr.op in _ARITH:
                return self._arith(expr)
            return None  # comparisons and boolean tests are flags, not offsets
        if isinstance(expr, ir.Unary):
            inner = self.eval(expr.operand)
            if inner is None or expr.op == "!":
                return None
            return replace(inner, kind="int", lower=False, upper=inner.upper and expr.op == "+") \
                if expr.op in ("-", "~") else inner
        if isinstance(expr, ir.Conditional):
            return self._join([self.eval(expr.then), self.eval(expr.other)])
        if isinstance(expr, ir.Opaque) and expr.text == "unpack":
            return self.eval(expr.children[0]) if expr.children else None
        parts = [self.eval(a) for a in getattr(expr, "children", ())]
        first = next((p for p in parts if p is not None), None)
        return replace(first, kind="data", lower=False, upper=False, elems=None) if first else None

    @staticmethod
    def _join(vals: list[Optional[Val]]) -> Optional[Val]:
        present = [v for v in vals if v is not None]
        if not present:
            return None
        base = present[0]
        return replace(base, lower=all(v.lower for v in present) and len(present) == len(vals),
                       upper=all(v.upper for v in present) and len(present) == len(vals))

    def _call(self, call: ir.Call) -> Optional[Val]:
        source = rule_for(self.c.sources, call)
        if source is not None and source.get("arg") is None:
            return Val("raw", line=call.loc.line, what=source["what"])
        name = call.callee or call.written or ""
        args = [a for a in call.args[1 if call.bound else 0:]]
        vals = [self.eval(a) for a in args]
        if name == "len" or call.bound:
            return None  # len() is bounded by what was asked for; same-file methods are not followed
        if name in _STRUCT_UNPACK and len(args) >= 2 and vals[1] is not None:
            fmt = ir.strip(args[0])
            signs = struct_signs(fmt.text) if isinstance(fmt, ir.Str) else None
            return replace(vals[1], kind="tuple", lower=False, upper=False, elems=signs)
        if name == "int.from_bytes" and vals and vals[0] is not None:
            signed = dict(call.keywords).get("signed")
            return replace(vals[0], kind="int", lower=_const(signed) != 1 if signed is not None else True,
                           upper=False, elems=None)
        if name in ("int", "round") and vals and vals[0] is not None:
            base = vals[0]
            return base if base.kind == "int" else replace(base, kind="int", lower=False, upper=False, elems=None)
        if name in ("min", "max", "abs") and any(v is not None for v in vals):
            return self._clamp(name, args, vals)
        if name in ("bytes", "bytearray", "memoryview") and vals and vals[0] is not None:
            return replace(vals[0], kind="bytes", lower=False, upper=False, elems=None)
        target = ir.strip(call.target) if call.target is not None else None
        if isinstance(target, ir.Member) and _is_value(target.base):
            inner = self.eval(target.base)  # a method of untrusted data: its result is untrusted data
            return replace(inner, kind="data", lower=False, upper=False, elems=None) if inner else None
        if isinstance(target, ir.Member):
            return None  # a library function of untrusted arguments (buffers, conversions) is not an offset
        first = next((v for v in vals if v is not None), None)
        return replace(first, kind="data", lower=False, upper=False, elems=None) if first else None

    def _clamp(self, name: str, args: list[ir.Expr], vals: list[Optional[Val]]) -> Val:
        """min() bounds above if any argument is trusted or bounded above; max() bounds below likewise."""
        base = next(v for v in vals if v is not None)
        if name == "abs":
            return replace(base, kind="int", lower=True, elems=None)
        lowers = [v.lower if v is not None else (_const(a) or 0) >= 0 for a, v in zip(args, vals)]
        uppers = [v.upper if v is not None else True for v in vals]
        if name == "min":
            return replace(base, kind="int", lower=all(lowers), upper=any(uppers), elems=None)
        return replace(base, kind="int", lower=any(lowers), upper=all(uppers), elems=None)

    def _index(self, expr: ir.Index) -> Optional[Val]:
        base = self.eval(expr.base)
        if base is None:
            return None
        index = ir.strip(expr.index)
        if isinstance(index, ir.Opaque) and index.text == "slice":
            return base if base.kind in ("raw", "bytes", "data") else None
        if base.kind == "tuple":
            i = _const(index)
            signs = base.elems or ()
            lower = i is not None and 0 <= i < len(signs) and signs[i]
            return replace(base, kind="int", lower=lower, upper=False, elems=None)
        if base.kind in ("raw", "bytes"):
            return replace(base, kind="int", lower=True, upper=False, elems=None)  # a byte: 0..255 at least
        return base if base.kind == "data" else None

    def _arith(self, expr: ir.Binary) -> Optional[Val]:
        lhs, rhs = self.eval(expr.lhs), self.eval(expr.rhs)
        if lhs is None and rhs is None:
            return None
        if expr.op == "&" and (_const(expr.lhs) or -1) >= 0 or expr.op == "&" and (_const(expr.rhs) or -1) >= 0:
            return replace(lhs or rhs, kind="int", lower=True, upper=True, elems=None)
        if expr.op == "%" and (_const(expr.rhs) or 0) > 0:
            return replace(lhs or rhs, kind="int", lower=True, upper=True, elems=None)
        kinds = {v.kind for v in (lhs, rhs) if v is not None}
        if "int" not in kinds:
            return replace(lhs or rhs, kind="bytes" if kinds <= {"raw", "bytes"} else "data", lower=False,
                           upper=False, elems=None)
        sides = [(e, v) for e, v in ((expr.lhs, lhs), (expr.rhs, rhs))]
        lower = expr.op in ("+", "*", "//", ">>", "<<", "|", "&") and all(
            v.lower if v is not None else (_const(e) is None or _const(e) >= 0) for e, v in sides)
        upper = expr.op in ("+", "-", "*", "//", ">>", "&") and all(v.upper for _, v in sides if v is not None) \
            and (expr.op != "-" or rhs is None)
        return replace(lhs or rhs, kind="int", lower=lower, upper=upper, elems=None)


@dataclass(frozen=True)
class Data:
    """Tainted variables (key, value) and the branch outcome this state was split for, if any."""

    taints: frozenset = frozenset()
    pending: Optional[tuple[int, bool]] = None

    def table(self) -> dict[str, Val]:
        return dict(self.taints)


class _FunctionCheck:
    """One function's taint analysis; findings collected while the engine converges."""

    def __init__(self, checker: "PyUntrustedOffsetChecker", unit: Unit, name: str):
        self.checker = checker
        self.unit = unit
        self.function = unit.functions[name]
        self.sources = checker.rules.by_name("py_untrusted_source")
        self.sinks = checker.rules.by_name("py_untrusted_sink")
        self.attr_types = checker.rules.by_name("py_attr_type")
        self.types = unit.tu.types
        self.param_types: dict[str, str] = {}  # handler parameter -> its declared type
        self.seeds: dict[str, Val] = {}  # untrusted on entry: the handler parameter's fields
        handler = handler_rule(unit, self.function, checker.rules.by_name("py_untrusted_param"))
        if handler is not None:
            rule, param = handler
            if rule.get("type"):
                self.param_types[param] = rule["type"]
            for key in [f"{param}.{attr}" for attr in rule.get("attrs") or ()] or [param]:
                self.seeds[key] = Val("int", line=self.function.loc.line, what=rule["what"])
        self.found: dict[tuple[int, int], Finding] = {}

    def initial(self) -> Data:
        return Data(frozenset(self.seeds.items()))

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> Iterable[PathState]:
        data: Data = state.data
        if data.pending is not None:
            branch, truth = data.pending
            if cfg.graph.has_edge(branch, node_id):
                edge = cfg.graph.edges[branch, node_id]["edge"]
                if edge.cond is not None and edge.cases is None and edge.truth != truth:
                    return []  # split for the other outcome of the branch
            data = replace(data, pending=None)
        if node.expr is None:
            return [state.with_data(data)]
        table = data.table()
        self._check_sinks(node.expr, Taints(self, state, table))
        table = self._assign(node.expr, state, table)
        if node.kind == "branch" and any(v.kind == "int" for v in table.values()):
            return [state.with_data(Data(frozenset(self._learn(node.expr, truth, state, table).items()),
                                         (node_id, truth))) for truth in (True, False)]
        return [state.with_data(Data(frozenset(table.items())))]

    # ---------------------------------------------------------------- assignments and sources

    def _assign(self, expr: ir.Expr, state: PathState, table: dict[str, Val]) -> dict[str, Val]:
        for sub in ir.walk_expr(expr):
            if isinstance(sub, ir.Call):
                rule = rule_for(self.sources, sub)
                if rule is not None and rule.get("arg") is not None:
                    buf = argument(sub, f"#{rule['arg']}")
                    if buf is not None and _keyable(buf):
                        table[ir.expr_key(buf)] = Val("raw", line=sub.loc.line, what=rule["what"])
            if not (isinstance(sub, ir.Binary) and sub.op.endswith("=")
                    and sub.op not in ("==", "!=", "<=", ">=") and _keyable(sub.lhs)):
                continue
            value = sub.rhs if sub.op == "=" else ir.Binary(sub.op[:-1], sub.lhs, sub.rhs, sub.loc)
            val = Taints(self, state, table).eval(value)
            key = ir.expr_key(sub.lhs)
            if val is None:
                table.pop(key, None)
            else:
                table[key] = val
        return table

    # ---------------------------------------------------------------- branch tests

    def _learn(self, cond: ir.Expr, truth: bool, state: PathState, table: dict[str, Val]) -> dict[str, Val]:
        """Bounds a branch outcome puts on tainted variables (tests against non-constant limits too)."""
        table = dict(table)
        for key, side in self._bounds(cond, truth, Taints(self, state, table)):
            val = table[key]
            table[key] = replace(val, lower=val.lower or side == "lower", upper=val.upper or side == "upper")
        return table

    def _bounds(self, cond: ir.Expr, truth: bool, taints: Taints) -> list[tuple[str, str]]:
        cond = ir.strip(cond)
        if isinstance(cond, ir.Unary) and cond.op == "!":
            return self._bounds(cond.operand, not truth, taints)
        if isinstance(cond, ir.Binary) and cond.op in ("&&", "||"):
            if (cond.op == "&&") == truth:
                return self._bounds(cond.lhs, truth, taints) + self._bounds(cond.rhs, truth, taints)
            return []
        if not (isinstance(cond, ir.Binary) and cond.op in _NEGATE):
            return []
        op = cond.op if truth else _NEGATE[cond.op]
        if op == "in":
            return self._range_membership(cond.lhs, cond.rhs, taints)
        if op not in ("<", "<=", ">", ">="):
            return []
        lhs, rhs = cond.lhs, cond.rhs
        if op in (">", ">="):  # normalise to small <(=) big
            lhs, rhs, op = rhs, lhs, _FLIP[op]
        out = []
        for small, big, side in ((lhs, rhs, "upper"), (rhs, lhs, "lower")):
            other = big if side == "upper" else small
            if side == "upper":
                limit_ok = taints.eval(other) is None or (taints.eval(other).upper and taints.eval(other).kind == "int")
                terms = _terms(small)
            else:
                k = _const(small)
                limit_ok = k is not None and (k >= 0 or (k == -1 and op == "<"))
                terms = [big]
            if not limit_ok:
                continue
            for term in terms:
                if _keyable(term) and taints.table.get(ir.expr_key(term), Val("")).kind == "int":
                    out.append((ir.expr_key(term), side))
        return out

    @staticmethod
    def _range_membership(item: ir.Expr, rng: ir.Expr, taints: Taints) -> list[tuple[str, str]]:
        """``x in range(a, b)`` with a >= 0 bounds x on both sides."""
        rng = ir.strip(rng)
        if not (_keyable(item) and isinstance(rng, ir.Call) and (rng.callee or rng.written) == "range"):
            return []
        start = _const(rng.args[0]) if len(rng.args) > 1 else 0
        if start is None or start < 0 or any(taints.eval(a) is not None for a in rng.args):
            return []
        key = ir.expr_key(item)
        return [(key, "lower"), (key, "upper")] if key in taints.table else []

    # ---------------------------------------------------------------- sinks

    def _check_sinks(self, expr: ir.Expr, taints: Taints) -> None:
        for sub in ir.walk_expr(expr):
            if isinstance(sub, ir.Call):
                rule = rule_for(self.sinks, sub)
                if rule is None:
                    continue
                refs = [f"#{i}" for i in rule.get("args") or ()] + list(rule.get("kws") or ())
                for ref in refs:
                    arg = argument(sub, ref)
                    if arg is not None:
                        self._judge(sub, arg, rule, taints)
            elif isinstance(sub, ir.Index):
                rule = self._index_rule(sub)
                if rule is None:
                    continue
                index = ir.strip(sub.index)
                parts = index.children[:2] if isinstance(index, ir.Opaque) and index.text == "slice" else (index,)
                for part in parts:
                    self._judge(sub, part, rule, taints)

    def _index_rule(self, sub: ir.Index) -> Optional[Rule]:
        kind = self._type_of(sub.base)
        return self.sinks.get(f"{kind}.__getitem__") if kind else None

    def _type_of(self, expr: ir.Expr) -> Optional[str]:
        """The type of ``name``, ``self.attr`` (front-end inference), a typed handler parameter, or an
        attribute chain over one of those that ``py_attr_type`` types (``req.region.buf``)."""
        expr = ir.strip(expr)
        if isinstance(expr, ir.Name):
            return self.param_types.get(expr.name) or self.types.get(expr.name)
        if not isinstance(expr, ir.Member):
            return None
        base = ir.strip(expr.base)
        if isinstance(base, ir.Name) and base.name == "self" and self.function.cls:
            own = self.types.get(f"{self.function.cls}.{expr.field}")
            if own is not None:
                return own
        owner = self._type_of(base)
        rule = self.attr_types.get(f"{owner}.{expr.field}") if owner else None
        return rule["type"] if rule is not None else None

    def _judge(self, site: ir.Expr, arg: ir.Expr, rule: Rule, taints: Taints) -> None:
        val = taints.eval(arg)
        if val is None or val.kind != "int" or (val.lower and val.upper):
            return
        missing = "either bound" if not (val.lower or val.upper) else \
            "a lower bound (it may be negative)" if not val.lower else "an upper bound"
        text = ir.expr_key(arg)
        line, col = site.loc.line, site.loc.col
        api = (site.callee or site.written) if isinstance(site, ir.Call) else f"{ir.expr_key(site.base)}[...]"
        message = (f"`{text}` is {val.what} (line {val.line}) and reaches {api}, which {rule['what']}, "
                   f"without {missing} being checked")
        steps = [Step(val.line, 1, f"untrusted value: {val.what}"),
                 Step(line, col, f"{api} uses `{text}` as {rule['kind']} without {missing}")]
        self.found.setdefault((line, col), Finding(
            self.checker.rule_id, message, self.unit.path, line, col, self.function.name, steps,
            level=self.checker.level, category=self.checker.category, cwe=self.checker.cwe, statement=text))


class PyUntrustedOffsetChecker(Checker):
    rule_id = "py-untrusted-offset"
    name = "Unchecked device/client-supplied offset"
    short = ("An offset or length read from a device or a client reaches mmap, ctypes, struct or MMIO "
             "without both bounds checked.")
    description = (
        "Follows integers decoded from device reads (pyusb, python-libusb1, pyserial, smbus2, spidev, bleak) "
        "and socket receives through assignments, arithmetic and struct.unpack, and reports where one is used as "
        "an mmap index or slice, a ctypes address or length, a struct.unpack_from/pack_into offset, a "
        "bytearray() size or a python-periphery MMIO register offset on a path that has not bounded it on "
        "both sides. Unsigned struct formats and int.from_bytes give non-negative values, which need only "
        "the upper bound.")
    help_markdown = (
        "**Unchecked device/client-supplied offset** (generic programming defect; CWE-129, CWE-125, CWE-787).\n\n"
        "A length or offset that comes from the device or a network client is attacker- or fault-controlled. "
        "In Python a negative index silently wraps to the end of an mmap or buffer, and in ctypes it becomes "
        "a wild address; a missing upper bound reads or writes past the mapped window or allocates without "
        "limit.\n\n"
        "Fix: check both bounds before use: `if off < 0 or off + n > len(mm): raise ValueError(...)` or "
        "`if not 0 <= off <= size - 4: ...`; decode with an unsigned struct format when the field is "
        "unsigned, then an upper bound suffices; or mask/clamp the value (`off & 0xFFC`, "
        "`max(0, min(off, size - 4))`).")
    category = "generic/untrusted-offset"
    cwe = (129, 125, 787)
    precision = "high"
    level = "warning"
    security_severity = "7.5"
    languages = ("python",)

    def check(self, unit: Unit) -> Iterable[Finding]:
        sources = self.rules.by_name("py_untrusted_source")
        handlers = self.rules.by_name("py_untrusted_param")
        if not sources and not handlers:
            return []
        findings: list[Finding] = []
        for name, cfg in unit.cfgs.items():
            if handler_rule(unit, unit.functions[name], handlers) is None and not any(
                    rule_for(sources, call) for n in cfg.graph.nodes for call in ir.calls_in(cfg.node(n).expr)):
                continue
            check = _FunctionCheck(self, unit, name)
            dataflow.run(cfg, check)
            findings.extend(check.found.values())
        return findings
