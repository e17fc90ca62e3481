"""Memory a function allocates for itself: a local that only ever holds a fresh allocation and never
escapes (never stored, never returned, its address never taken, handed only to calls that do not keep
it).  No asynchronous callback can reach such memory, whatever its type: ``msg = kmalloc(...)``, two
synchronous ``usb_bulk_msg(..., msg, ...)`` calls and ``kfree(msg)`` in ndo_stop do not race with a URB
completion that reads its own buffer of the same struct type.

Calls that keep a pointer they are given are the asynchronous bindings and starts of the unplug rules
(``usb_fill_bulk_urb()``, ``kthread_run()``...); an address inside the memory (``&msg->list``) may be
linked anywhere, so it escapes.  A same-file callee is followed through its parameter."""
from __future__ import annotations

from typing import Optional

from . import ir
from .dataflow import local_assignments
from .unit import Unit

MAX_DEPTH = 3  # same-file callees followed


class PrivateMemory:
    """Answers "is this local's memory the function's own" for one file."""

    def __init__(self, unit: Unit, allocators: frozenset[str], keepers: frozenset[str]):
        self.unit = unit
        self.allocators = allocators  # calls returning fresh memory nothing else points to
        self.keepers = keepers  # calls that keep a pointer argument for an asynchronous user

    def owned(self, function: str, var: str) -> bool:
        """Does ``var`` hold only fresh allocations made here, which never escape?"""
        values = [ir.strip(w.value) if w.value is not None else None
                  for w in local_assignments(self.unit.cfgs[function]).get(var, [])]
        fresh = [isinstance(v, ir.Call) and bool(set(v.names) & self.allocators) for v in values]
        if not any(fresh) or any(not new and not _null(v) for v, new in zip(values, fresh)):
            return False  # (a compound write, or one through &var, has no value: not owned)
        return not self._escapes(function, var, MAX_DEPTH)

    def _escapes(self, function: str, var: str, depth: int) -> bool:
        cfg = self.unit.cfgs.get(function)
        if cfg is None:
            return True
        for node_id in cfg.graph.nodes:
            node = cfg.node(node_id)
            if node.expr is None:
                continue
            if node.kind == "return" and _mentions(node.expr, var) and not _reads_through(node.expr, var):
                return True  # handed back to the caller
            for part in ir.walk_expr(node.expr):
                if isinstance(part, ir.Binary) and part.op == "=" and _mentions(part.rhs, var) \
                        and not _is(part.lhs, var) and not _reads_through(part.rhs, var):
                    return True  # stored somewhere (or copied to another name)
                if isinstance(part, ir.Unary) and part.op == "&" and _mentions(part.operand, var):
                    return True  # an address inside the memory (&msg->list) may be linked anywhere
                if isinstance(part, ir.Call) and self._call_keeps(part, var, depth):
                    return True
        return False

    def _call_keeps(self, call: ir.Call, var: str, depth: int) -> bool:
        for index, arg in enumerate(call.args):
            arg = ir.strip(arg)
            if _is(arg, var):
                if set(call.names) & self.keepers:
                    return True
                callee = call.callee if call.callee in self.unit.functions else None
                if callee is not None:
                    params = self.unit.functions[callee].params
                    if depth == 0 or index >= len(params) or self._escapes(callee, params[index].name, depth - 1):
                        return True
            elif _mentions(arg, var) and not _reads_through(arg, var):
                return True  # an address inside the memory (&msg->list), or the pointer in disguise
        return False


def _is(expr: ir.Expr, var: str) -> bool:
    expr = ir.strip(expr)
    return isinstance(expr, ir.Name) and expr.name == var


def _null(expr: Optional[ir.Expr]) -> bool:
    if expr is None:
        return False
    expr = ir.strip(expr)
    return isinstance(expr, ir.Const) and expr.value == 0


def _mentions(expr: ir.Expr, var: str) -> bool:
    return any(isinstance(n, ir.Name) and n.name == var for n in ir.walk_expr(expr))


def _reads_through(expr: ir.Expr, var: str) -> bool:
    """Does the expression only read a value through the pointer (``msg->len << 2``), never yield an
    address inside it?"""
    expr = ir.strip(expr)
    for node in ir.walk_expr(expr):
        if isinstance(node, ir.Unary) and node.op == "&" and _mentions(node.operand, var):
            return False
    if isinstance(expr, ir.Member) or (isinstance(expr, ir.Unary) and expr.op == "*"):
        return True
    if isinstance(expr, ir.Binary) and expr.op in ("<<", ">>", "*", "/", "%", "&", "|", "^", "==", "!=",
                                                   "<", ">", "<=", ">="):
        return True  # arithmetic on values read through it (pointer arithmetic is + and -)
    if isinstance(expr, ir.Call):
        return True  # a call's result (sizeof-like helpers on the memory) is judged at that call
    return False
