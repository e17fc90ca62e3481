"""user-pointer-deref: a pointer into user space read or written directly by kernel code.

Sources are what the source code declares ``__user`` (parameters, locals, struct fields of the file)
and the integer argument of ioctl-style handlers once cast to a pointer.  Taint follows assignments,
casts and pointer arithmetic along paths (the shared dataflow engine), and the report is on the line
that dereferences it or passes it to a function that reads kernel memory (rules/: memcpy, strlen,
kstrtoint...) or to a same-file helper that dereferences that parameter.  The accessors made for user
memory (copy_from_user, get_user, strncpy_from_user, ...) dereference nothing, so they are silent.
"""
from __future__ import annotations

from typing import Iterable, Optional

from drvlint import ir
from drvlint.cfg import CFG, CfgNode
from drvlint.checker import Checker
from drvlint.dataflow import PathState, assigned_keys, run
from drvlint.findings import Finding, Step
from drvlint.pointermodel import Dereferences, PointerRules
from drvlint.unit import Unit


class _Sources:
    """What makes an expression a user pointer inside one function."""

    def __init__(self, function: ir.Function, raw_param: Optional[str]):
        self.params = {p.name for p in function.params if p.user}
        self.locals = function.user_locals
        self.raw_param = raw_param  # ioctl's `unsigned long arg`: a user pointer once cast to one

    def tainted(self, expr: ir.Expr, data: frozenset) -> bool:
        if isinstance(expr, ir.Cast):
            if expr.forced:
                return False  # (__force char *)ubuf: the author converts the address space on purpose
            if self.raw_param is not None and "*" in expr.type and self.raw_param in ir.names_in(expr.operand):
                return True
            return self.tainted(expr.operand, data)
        if isinstance(expr, ir.Name):
            return expr.name in self.params or expr.name in self.locals or expr.name in data
        if isinstance(expr, ir.Member):
            return expr.user or ir.expr_key(expr) in data
        if isinstance(expr, ir.Binary) and expr.op in ("+", "-"):
            return self.tainted(expr.lhs, data) or self.tainted(expr.rhs, data)
        if isinstance(expr, ir.Unary) and expr.op == "&":
            inner = ir.strip(expr.operand)
            if isinstance(inner, ir.Index):
                return self.tainted(inner.base, data)
            if isinstance(inner, ir.Member) and inner.arrow:
                return self.tainted(inner.base, data)
            return False
        if isinstance(expr, ir.Conditional):
            return self.tainted(expr.then, data) or self.tainted(expr.other, data)
        if isinstance(expr, ir.Binary) and expr.op == "=":
            return self.tainted(expr.rhs, data)
        return False

    @property
    def any(self) -> bool:
        return bool(self.params or self.locals or self.raw_param)


class _Analysis:
    """Taint as the transfer function: a variable or field assigned a user pointer holds one."""

    def __init__(self, sources: _Sources):
        self.sources = sources

    def initial(self):
        return frozenset()

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState):
        if node.expr is None or node.kind == "return":
            return [state]
        data = set(state.data)
        for write in assigned_keys(node.expr):
            if write.by_call:
                continue
            if write.value is not None and self.sources.tainted(write.value, state.data):
                data.add(write.key)
            else:
                data.discard(write.key)
        return [state.with_data(frozenset(data))] if data != state.data else [state]


class UserPointerChecker(Checker):
    rule_id = "user-pointer-deref"
    name = "User pointer dereferenced"
    short = "A pointer into user space is dereferenced directly instead of through copy_from_user()/get_user()."
    description = (
        "Reports direct dereferences (*p, p->f, p[i]) of pointers declared __user, of the integer argument of "
        "ioctl-style handlers cast to a pointer, and of values derived from them, and passing them to functions "
        "that read kernel memory (memcpy, strlen, sscanf, kstrto*) or to same-file helpers that dereference them.")
    help_markdown = (
        "**Dereferenced user pointer** (generic programming defect; CWE-822).\n\n"
        "A user-space address must never be dereferenced by kernel code: it may be unmapped (an oops), point into "
        "the kernel (an arbitrary read/write primitive), or be blocked by SMAP.\n\n"
        "Fix: copy the data in or out with `copy_from_user()`/`copy_to_user()`, `get_user()`/`put_user()`, "
        "`strncpy_from_user()` or `memdup_user()`, and work on the kernel copy.")
    category = "generic/user-pointer"
    cwe = (822,)
    precision = "high"
    level = "error"
    security_severity = "8.0"

    def check(self, unit: Unit) -> Iterable[Finding]:
        pointers = PointerRules(self.rules)
        derefs = Dereferences.of(unit, self.rules)
        raw = _raw_params(unit, pointers)
        out: dict[tuple[str, int], Finding] = {}
        for name, function in unit.functions.items():
            sources = _Sources(function, raw[name][0] if name in raw else None)
            cfg = unit.cfgs[name]
            if not sources.any and not _has_user_fields(cfg):
                continue
            result = run(cfg, _Analysis(sources))
            for node_id in sorted(result.states_in):
                node = cfg.node(node_id)
                for deref in derefs.at(node.expr):
                    if deref.callee and _declares_user(unit, deref):
                        continue  # the helper's own parameter is __user: it is checked there
                    if any(sources.tainted(deref.pointer, s.data) for s in result.states_in[node_id]):
                        self._report(out, unit, name, node, deref, _origin_step(unit, name, raw.get(name), deref.pointer))
        return list(out.values())

    def _report(self, out: dict, unit: Unit, function: str, node: CfgNode, deref, origin: list[Step]) -> None:
        key = (function, node.loc.line)
        if key in out:
            return
        text = ir.expr_key(deref.pointer)
        out[key] = Finding(self.rule_id, f"'{text}' points to user space and is dereferenced ({deref.how}); use "
                                         f"copy_from_user()/copy_to_user() or get_user()/put_user()",
                           unit.path, node.loc.line, node.loc.col, function,
                           origin + [Step(node.loc.line, node.loc.col,
                                          f"user pointer '{text}' dereferenced ({deref.how})")],
                           self.level, self.category, self.cwe)


def _raw_params(unit: Unit, pointers: PointerRules) -> dict[str, tuple[str, ir.FieldInit]]:
    """Handlers registered in an ops table that receive a user pointer as an integer: that parameter,
    and the registration."""
    out = {}
    for init in unit.tu.field_inits:
        index = pointers.user_args.get((init.record, init.field))
        function = unit.functions.get(init.function)
        if index is not None and function is not None and index < len(function.params):
            out[init.function] = (function.params[index].name, init)
    return out


def _origin_step(unit: Unit, name: str, raw: Optional[tuple[str, ir.FieldInit]], pointer: ir.Expr) -> list[Step]:
    """Where the user pointer comes from, when it is the function's own parameter or ioctl argument."""
    function = unit.functions[name]
    user = [p.name for p in function.params if p.user and p.name in ir.names_in(pointer)]
    if user:
        return [Step(function.loc.line, function.loc.col, f"'{user[0]}' is declared __user")]
    if raw is not None:
        param, init = raw
        return [Step(init.loc.line, init.loc.col, f"{name}() is registered as {init.record}.{init.field}: its "
                                                  f"'{param}' is a user-space address")]
    return []


def _declares_user(unit: Unit, deref) -> bool:
    callee = unit.functions.get(deref.callee)
    return callee is not None and 0 <= deref.index < len(callee.params) and callee.params[deref.index].user


def _has_user_fields(cfg: CFG) -> bool:
    return any(isinstance(n, ir.Member) and n.user for node_id in cfg.graph.nodes
               if cfg.node(node_id).expr is not None for n in ir.walk_expr(cfg.node(node_id).expr))
