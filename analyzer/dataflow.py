"""The one dataflow engine every checker shares: forward, worklist, path-sensitive by state sets.

A program point holds a small set of path states.  Each path state pairs the checker's own data
(a lock set, a set of possibly-NULL pointers...) with *facts*: value constraints on side-effect-free
expressions (locals, struct fields, call results) learnt from assignments and branch tests.  Branch
refinement drops path states whose facts contradict the edge taken, which is what makes flag-correlated
locking (`if (f) lock(); ... if (f) unlock();`) and `ret = trylock(); if (ret)` come out right.
Checkers only supply a transfer function over their data and read the converged states afterwards.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Hashable, Iterable, NamedTuple, Optional, Protocol

from . import ir
from .cfg import CFG, CfgNode, Edge

MAX_STATES = 32  # path states kept per program point before ones that differ in re-tested facts are merged
# path states per program point before those that agree on the checker data and on every expression the
# function tests again are merged: they differ only in facts no later branch reads
SIMILAR_STATES = 4
MAX_VISITS = 60  # visits of one node before its facts are widened away
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
VALUE_SYMBOLS = ("$c", "$v")  # prefixes of symbols that name values (call results, assigned values)


# ------------------------------------------------------------------ value constraints


class Range(NamedTuple):
    """Integer constraint: lo <= v <= hi, v not in ``ne``.  None bounds are unbounded.

    A named tuple rather than a frozen dataclass: every path state is hashed with all its facts, and a
    tuple hashes and compares in C where a dataclass calls Python code per Range."""

    lo: Optional[int] = None
    hi: Optional[int] = None
    ne: frozenset = frozenset()

    def meet(self, other: "Range") -> "Range":
        lo = self.lo if other.lo is None else other.lo if self.lo is None else max(self.lo, other.lo)
        hi = self.hi if other.hi is None else other.hi if self.hi is None else min(self.hi, other.hi)
        return Range(lo, hi, self.ne | other.ne)

    @property
    def empty(self) -> bool:
        if self.lo is not None and self.hi is not None:
            if self.lo > self.hi:
                return True
            if self.hi - self.lo < 64 and all(v in self.ne for v in range(self.lo, self.hi + 1)):
                return True
        return False

    @property
    def value(self) -> Optional[int]:
        return self.lo if self.lo is not None and self.lo == self.hi else None

    def may_be(self, v: int) -> bool:
        return ((self.lo is None or self.lo <= v) and (self.hi is None or v <= self.hi) and v not in self.ne)

    @property
    def nonzero(self) -> bool:
        return not self.may_be(0)

    @property
    def negative(self) -> bool:
        return self.hi is not None and self.hi < 0

    @property
    def positive(self) -> bool:
        return self.lo is not None and self.lo > 0


ANY = Range()


def within(inner: Range, outer: Range) -> bool:
    """Is every value ``inner`` allows also allowed by ``outer``?"""
    return ((outer.lo is None or (inner.lo is not None and inner.lo >= outer.lo))
            and (outer.hi is None or (inner.hi is not None and inner.hi <= outer.hi))
            and not any(inner.may_be(v) for v in outer.ne))


def exact(v: int) -> Range:
    return Range(v, v)


def compare(op: str, k: int, truth: bool) -> Range:
    """The constraint on v that makes ``v op k`` have the given truth value."""
    if not truth:
        op = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
    return {"==": Range(k, k), "!=": Range(ne=frozenset({k})), "<": Range(hi=k - 1), "<=": Range(hi=k),
            ">": Range(lo=k + 1), ">=": Range(lo=k)}[op]


# ------------------------------------------------------------------ path states


class PathState:
    """Immutable: checker data + facts (symbol -> Range) + bindings (variable key -> value symbol)."""

    __slots__ = ("data", "facts", "binds", "_values_hash", "_hash", "_merge_key")

    def __init__(self, data: Hashable, facts: dict[str, Range], binds: dict[str, str],
                 values_hash: Optional[int] = None):
        self.data = data
        self.facts = facts
        self.binds = binds
        # Hashes are computed on first use: most states are transient (one refine or assign after
        # another) and never reach a set; with_data() keeps the facts' part, which did not change.
        self._values_hash = values_hash
        self._hash: Optional[int] = None
        self._merge_key: Optional[tuple] = None  # (what it was computed with, the key): see _merge_key

    def _values(self) -> int:
        if self._values_hash is None:
            self._values_hash = hash((frozenset(self.facts.items()), frozenset(self.binds.items())))
        return self._values_hash

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self.data, self._values()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, PathState) and hash(self) == hash(other) and self.data == other.data
                and self.facts == other.facts and self.binds == other.binds)

    def with_data(self, data: Hashable) -> "PathState":
        return PathState(data, self.facts, self.binds, self._values_hash)

    def symbol(self, expr: ir.Expr, node_id: Optional[int] = None) -> Optional[str]:
        """The value symbol of a side-effect-free expression (following assignments), or of a call's
        result at node ``node_id``; None when the value cannot be named."""
        expr = _unwrap(expr)
        if isinstance(expr, ir.Const):
            return None
        if isinstance(expr, ir.Call) and not expr.pure:
            return call_symbol(node_id, expr) if node_id is not None else None
        if not ir.is_pure(expr):
            return self._masked_call(expr, node_id)
        key = self.pointee(ir.expr_key(expr))
        return self.binds.get(key, key)

    def pointee(self, key: str) -> str:
        """``*p`` where ``p`` holds the address of a named object (``p = &t2->mem[i].virt``): that object,
        so a value stored through ``p`` and a test of the object itself meet."""
        if key.startswith("*") and IDENTIFIER.fullmatch(key, 1):
            address = self.binds.get(key[1:], "")
            if address.startswith("&") and not address.startswith("&("):
                return address[1:]
        return key

    @staticmethod
    def _masked_call(expr: ir.Expr, node_id: Optional[int]) -> Optional[str]:
        """``call() & MASK`` (``in_interrupt()`` expands to ``preempt_count() & MASK``): named after the
        call's result at this node, so a branch on it leaves a fact."""
        if node_id is None or not (isinstance(expr, ir.Binary) and expr.op == "&"):
            return None
        call, mask = ir.strip(expr.lhs), ir.strip(expr.rhs)
        if isinstance(call, ir.Const):
            call, mask = mask, call
        if isinstance(call, ir.Call) and not call.pure and isinstance(mask, ir.Const) and mask.value is not None:
            return f"{call_symbol(node_id, call)} & {mask.value}"
        return None

    def range_of(self, expr: ir.Expr, node_id: Optional[int] = None, fold: bool = True) -> Range:
        """What this path knows about an integer or pointer value (with ``fold``, arithmetic on known
        values too)."""
        expr = _unwrap(expr)
        if isinstance(expr, ir.Const) and expr.value is not None:
            return exact(expr.value)
        if isinstance(expr, ir.Unary) and expr.op == "-":
            inner = self.range_of(expr.operand, node_id)
            if inner.value is not None:
                return exact(-inner.value)
            if inner.positive:
                return Range(hi=-1)
            return ANY
        if isinstance(expr, ir.Unary) and expr.op == "&":
            return Range(ne=frozenset({0}))  # an address is never NULL
        if isinstance(expr, ir.Call) and expr.callee == "__builtin_constant_p" and len(expr.args) == 1:
            # what the compiler answers for anything but a literal: the header macros that ask
            # (``test_bit()`` picks ``const_test_bit()`` or ``_test_bit()``) take one arm, not two per test
            return exact(int(isinstance(ir.strip(expr.args[0]), ir.Const)))
        symbol = self.symbol(expr, node_id)
        known = self.facts.get(symbol, ANY) if symbol else ANY
        if known == ANY and isinstance(expr, ir.Binary) and expr.op == "&":
            known = self._mask_implied(expr)
        if fold and known == ANY and isinstance(expr, ir.Binary) and expr.op in ARITHMETIC:
            lhs, rhs = self.range_of(expr.lhs, node_id).value, self.range_of(expr.rhs, node_id).value
            value = _fold(expr.op, lhs, rhs) if lhs is not None and rhs is not None else None
            if value is not None:
                return exact(value)
        return known

    def _mask_implied(self, expr: ir.Binary) -> Range:
        """``x & m`` from what a test of ``x`` under another mask said: 0 when ``x & M`` is 0 and m's bits
        are all in M (``WARN_ON(flags & (NO_LOCK | NO_UNLOCK))`` then ``if (!(flags & NO_LOCK))``), non-zero
        when ``x & M`` is non-zero and M's bits are all in m."""
        base, mask = ir.strip(expr.lhs), ir.strip(expr.rhs)
        if isinstance(base, ir.Const):
            base, mask = mask, base
        if not isinstance(mask, ir.Const) or mask.value is None or not ir.is_pure(base):
            return ANY
        prefix = ir.expr_key(base) + " & "
        for key, rng in self.facts.items():
            if not key.startswith(prefix) or not key[len(prefix):].isdigit():
                continue
            other = int(key[len(prefix):])
            if rng.value == 0 and mask.value & ~other == 0:
                return exact(0)
            if rng.nonzero and other & ~mask.value == 0:
                return Range(ne=frozenset({0}))
        return ANY

    def forget(self, symbols: tuple[str, ...]) -> "PathState":
        """This state without facts about the given symbols."""
        stale = [k for k in self.facts if k.startswith(symbols)  # the results and what was derived from them
                 or (k.startswith(RELATION) and any(f"({s}" in k for s in symbols))]
        if not stale:
            return self
        return PathState(self.data, {k: v for k, v in self.facts.items() if k not in stale}, self.binds)

    def renew(self, symbols: tuple[str, ...], node_id: int) -> "PathState":
        """Calls evaluated again return new values: what was known of their old results is forgotten, and a
        variable still holding an old result (``skb = next; ... next = skb_clone(skb)`` in a loop) keeps it,
        with its facts, under another name."""
        held = [k for k, v in self.binds.items() if v in symbols]
        if not held:
            return self.forget(symbols)
        facts, binds = dict(self.facts), dict(self.binds)
        for key in held:
            old = binds[key]
            binds[key] = f"$v{node_id}.was.{symbols.index(old)}"
            if old in facts:
                facts[binds[key]] = facts[old]
        return PathState(self.data, facts, binds).forget(symbols)

    def constrain(self, symbol: str, rng: Range) -> Optional["PathState"]:
        """This state with ``symbol`` further constrained, or None when that is impossible."""
        old = self.facts.get(symbol, ANY)
        new = old.meet(rng)
        if new.empty:
            return None
        if new == old:
            return self
        facts = dict(self.facts)
        facts[symbol] = new
        return PathState(self.data, facts, self.binds)


ARITHMETIC = ("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^")
WORD = 1 << 64
OPERATORS: dict[str, Callable[[int, int], int]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "<<": operator.lshift, ">>": operator.rshift,
    "&": operator.and_, "|": operator.or_, "^": operator.xor}


def _fold(op: str, a: int, b: int) -> Optional[int]:
    """``a op b`` for two known values (C division truncates toward zero); None when undefined or
    beyond 64 bits (a C value never is; without the bound, repeated shifts grow without end)."""
    if op in ("/", "%") and b == 0 or op in ("<<", ">>") and not 0 <= b < 64 \
            or not (-WORD < a < WORD and -WORD < b < WORD):
        return None
    if op in ("/", "%"):
        quotient = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
        return quotient if op == "/" else a - b * quotient
    value = OPERATORS[op](a, b)  # (only the one asked for: a << b of any b would be computed too)
    return value if -WORD < value < WORD else None


def _unwrap(expr: ir.Expr) -> ir.Expr:
    """Strip casts and double negations; an assignment's value is its left-hand side."""
    while True:
        kind = type(expr)
        if kind is ir.Cast:
            expr = expr.operand
        elif kind is ir.Unary and expr.op == "!" and type(inner := ir.strip(expr.operand)) is ir.Unary \
                and inner.op == "!":
            expr = inner.operand
        elif kind is ir.Binary and expr.op == "=":
            expr = expr.lhs
        else:
            return expr


COMPOUND = ("+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=")


def _written(expr: ir.Expr) -> ir.Expr:
    """A tested operand after the test's own writes were applied: ``++cnt`` and ``cnt += 2`` are the
    variable itself (``while (++cnt < max)``); a post-increment is not (it tests the old value)."""
    while True:
        stripped = ir.strip(expr)
        if isinstance(stripped, ir.Unary) and stripped.op in ("++", "--"):
            expr = stripped.operand
        elif isinstance(stripped, ir.Binary) and stripped.op in COMPOUND:
            expr = stripped.lhs
        else:
            return expr


# ------------------------------------------------------------------ refinement and assignment


def refine(state: PathState, cond: ir.Expr, truth: bool, node_id: Optional[int] = None) -> Optional[PathState]:
    """The state after learning that ``cond`` (evaluated at node ``node_id``) was ``truth``; None if
    that is infeasible on this path."""
    cond = _unwrap(cond)
    if isinstance(cond, ir.Unary) and cond.op == "!":
        return refine(state, cond.operand, not truth, node_id)
    if isinstance(cond, ir.Binary) and cond.op in ("&&", "||"):
        if (cond.op == "&&") == truth:  # both sides known
            after = refine(state, cond.lhs, truth, node_id)
            return refine(after, cond.rhs, truth, node_id) if after is not None else None
        return state
    if isinstance(cond, ir.Binary) and cond.op in ("==", "!=", "<", "<=", ">", ">="):
        lhs, rhs = _written(cond.lhs), _written(cond.rhs)
        lhs_range, rhs_range = state.range_of(lhs, node_id), state.range_of(rhs, node_id)
        lhs_symbol, rhs_symbol = state.symbol(lhs, node_id), state.symbol(rhs, node_id)
        if rhs_range.value is not None and lhs_symbol:
            learnt = compare(cond.op, rhs_range.value, truth)
            return None if learnt.meet(lhs_range).empty else state.constrain(lhs_symbol, learnt)
        if lhs_range.value is not None and rhs_symbol:
            learnt = compare(FLIPPED[cond.op], lhs_range.value, truth)
            return None if learnt.meet(rhs_range).empty else state.constrain(rhs_symbol, learnt)
        if lhs_range.value is not None and rhs_range.value is not None:
            holds = {"==": lhs_range.value == rhs_range.value, "!=": lhs_range.value != rhs_range.value,
                     "<": lhs_range.value < rhs_range.value, "<=": lhs_range.value <= rhs_range.value,
                     ">": lhs_range.value > rhs_range.value, ">=": lhs_range.value >= rhs_range.value}[cond.op]
            return state if holds == truth else None
        if lhs_symbol and rhs_symbol and lhs_symbol != rhs_symbol:
            return _relate(state, lhs_symbol, cond.op, rhs_symbol, truth, _difference(lhs_range, rhs_range))
        return state
    known = state.range_of(cond, node_id)
    if known.value is not None or known.nonzero:
        return state if (known.value != 0) == truth else None
    symbol = state.symbol(cond, node_id)
    if symbol is None:
        return state
    return state.constrain(symbol, Range(ne=frozenset({0})) if truth else exact(0))


RELATION = "rel:"  # fact keys of a difference between two values


def relation_key(a: str, b: str) -> str:
    """The fact key of ``a - b`` for two value symbols.  Named after both (so writing either variable
    forgets it) and never after a value symbol alone (which would survive such a write)."""
    return f"{RELATION}({a}) - ({b})"


FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _relate(state: PathState, a: str, op: str, b: str, truth: bool, bounds: Range) -> Optional[PathState]:
    """``a op b`` learnt for two values neither of which is known exactly: kept as a fact about their
    difference, so that ``while (++cnt < max)`` then ``if (cnt >= max)`` after a ``break`` is infeasible.
    ``bounds`` is what the two values' own ranges say of ``a - b``."""
    learnt = compare(op, 0, truth)
    if learnt.meet(bounds).empty:
        return None
    if b < a:
        a, b, learnt = b, a, compare(FLIPPED[op], 0, truth)
    return state.constrain(relation_key(a, b), learnt)


def _difference(a: Range, b: Range) -> Range:
    """The interval of ``a - b`` from the intervals of a and b."""
    lo = a.lo - b.hi if a.lo is not None and b.hi is not None else None
    hi = a.hi - b.lo if a.hi is not None and b.lo is not None else None
    return Range(lo, hi)


def refine_edge(state: PathState, edge: Edge, node_id: int) -> Optional[PathState]:
    if edge.cond is None:
        return state
    if edge.cases is None:
        return refine(state, edge.cond, edge.truth, node_id)
    symbol = state.symbol(edge.cond, node_id)
    known = state.range_of(edge.cond, node_id)
    if edge.cases:  # a case label: the value lies in one of its ranges
        lo, hi = edge.cases[0]
        if known.value is not None:
            return state if lo <= known.value <= hi else None
        return state.constrain(symbol, Range(lo, hi)) if symbol else state
    # default: the value is none of the listed cases
    if known.value is not None:
        return None if any(lo <= known.value <= hi for lo, hi in edge.not_cases) else state
    singles = frozenset(lo for lo, hi in edge.not_cases if lo == hi)
    return state.constrain(symbol, Range(ne=singles)) if symbol and singles else state


@dataclass(frozen=True, slots=True)
class Write:
    """A variable or field written by an expression: assigned (``value`` when known), incremented,
    possibly written by a call it is passed to by address (``by_call``), or, for a pointer passed to a
    call, the fields reachable through it (``through``: ``usbnet_get_endpoints(dev, ...)`` may set
    ``dev->status``)."""

    key: str
    value: Optional[ir.Expr]
    by_call: bool = False
    through: bool = False


def assigned_keys(expr: ir.Expr) -> list[Write]:
    """Every variable or field written by ``expr`` (kept on the node: shared, do not modify)."""
    try:
        return expr._writes
    except AttributeError:
        return ir.remember(expr, "_writes", _assigned_keys(expr))


def _assigned_keys(expr: ir.Expr) -> list[Write]:
    out = []
    for node in ir.walk_expr(expr):
        if isinstance(node, ir.Binary) and node.op.endswith("=") and node.op not in ("==", "!=", "<=", ">="):
            out.append(Write(ir.expr_key(node.lhs), node.rhs if node.op == "=" else None))
        elif isinstance(node, ir.Unary) and node.op in ("++", "--", "post++", "post--"):
            out.append(Write(ir.expr_key(node.operand), None))
        elif isinstance(node, ir.Call):
            for arg in node.args:
                arg = ir.strip(arg)
                if isinstance(arg, ir.Unary) and arg.op == "&":
                    if not node.pure:  # a pure call only reads through the address (test_bit(n, &flags))
                        out.append(Write(ir.expr_key(arg.operand), None, by_call=True))
                elif isinstance(arg, (ir.Name, ir.Member)) and not node.pure:
                    out.append(Write(ir.expr_key(arg), None, by_call=True, through=True))
    return out


def local_assignments(cfg: CFG) -> dict[str, list[Write]]:
    """Every write of each plain variable in a function (not the fields a call may reach through it),
    for the flow-insensitive questions: what may this local hold, is it set only once.  Kept on the CFG
    (lock summaries and null-return both ask), so it goes with the file's analysis."""
    out = cfg.memo.get("local_assignments")
    if out is None:
        out = cfg.memo["local_assignments"] = {}
        for node_id in cfg.graph.nodes:
            expr = cfg.node(node_id).expr
            for write in assigned_keys(expr) if expr is not None else ():
                if not write.through and write.key.isidentifier():
                    out.setdefault(write.key, []).append(write)
    return out


@lru_cache(maxsize=4096)
def _dependency(var: str) -> "re.Pattern[str]":
    return re.compile(r"(?<![A-Za-z0-9_.>$])" + re.escape(var) + r"(?![A-Za-z0-9_])")


@lru_cache(maxsize=4096)
def _field_of(base: str) -> "re.Pattern[str]":
    return re.compile(r"(?<![A-Za-z0-9_.>$])" + re.escape(base) + r"->")


def _reaches(key: str, base: str) -> bool:
    """Is ``key`` a field reached through pointer ``base`` (``dev->status`` through ``dev``)?"""
    return (base + "->") in key and bool(_field_of(base).search(key))


def mentions(key: str, var: str) -> bool:
    """Does fact key ``key`` depend on variable or field ``var``?"""
    return key == var or (var in key and bool(_dependency(var).search(key)))


def assign(state: PathState, node_id: int, expr: ir.Expr, in_loop: bool = False, fold: bool = False) -> PathState:
    """Apply the writes in ``expr`` to the facts: forget what depended on the written variables and
    bind each to the value written when we can name it.  Arithmetic on known values is folded to a
    number only with ``fold`` and outside loops: a number per path keeps paths apart that would
    otherwise merge (minutes on a large NIC driver), and in a loop it would differ on every iteration."""
    writes = assigned_keys(expr)
    if not writes:
        return state
    facts, binds = dict(state.facts), dict(state.binds)
    for index, write in enumerate(writes):
        key, value = state.pointee(write.key), write.value
        if write.through:
            # values this function stored into the object are no longer known; what it tested is kept
            # (``if (dev->f & X) lock(); helper(dev); if (dev->f & X) unlock();`` stays correlated)
            for other in [k for k in binds if _reaches(k, key)]:
                symbol = binds.pop(other)
                if symbol in facts and other not in facts:
                    facts[other] = facts[symbol]  # (what a test of the field through its value learnt)
            continue
        symbol = None
        rng = None
        if value is not None:
            value = _unwrap(value)
            known = state.range_of(value, fold=fold and not in_loop)
            if known.value is not None or isinstance(value, ir.Const):
                rng = known
            elif isinstance(value, ir.Call) and not value.pure:
                symbol = call_symbol(node_id, value)
            elif ir.is_pure(value):
                # a copy shares the source's own symbol (``n->wait = sync`` binds to ``sync``), so what a
                # later test of the copy learns is a fact about the source (an unchanged parameter
                # keeps its conditions for the callers); only a value that the write itself changes
                # (``x = x + 1``) needs a fresh symbol
                source = ir.expr_key(value)
                symbol = binds.get(source, source)
                if not symbol.startswith(VALUE_SYMBOLS) and any(mentions(symbol, w.key) for w in writes):
                    symbol = f"$v{node_id}.{index}"
                    if source in facts:
                        facts[symbol] = facts[source]
            elif isinstance(value, ir.Unary) and value.op == "&":
                rng = Range(ne=frozenset({0}))
        _keep_copies(facts, binds, key, f"$v{node_id}.{index}")
        for other in [k for k in facts if key in k and not k.startswith(VALUE_SYMBOLS) and mentions(k, key)]:
            del facts[other]  # (a call's result or a fresh value does not change when its inputs do)
        for other in [k for k in binds if key in k and mentions(k, key)]:
            del binds[other]
        if symbol is not None:
            binds[key] = symbol
        elif rng is not None:
            fresh = f"$v{node_id}.{index}"
            binds[key] = fresh
            facts[fresh] = rng
    return PathState(state.data, facts, binds)


def _keep_copies(facts: dict[str, Range], binds: dict[str, str], key: str, fresh: str) -> None:
    """Before ``key`` is overwritten: copies of a value that mentions it (``old = x`` before ``x = 0``)
    keep the old value under a fresh symbol, with what was known of it."""
    renamed: dict[str, str] = {}
    for other, symbol in [(other, symbol) for other, symbol in binds.items() if key in symbol]:  # (mentions' premise)
        if not symbol.startswith(VALUE_SYMBOLS) and mentions(symbol, key) and symbol != "&" + key:
            # (the address of the object written is still its address)
            if symbol not in renamed:
                renamed[symbol] = f"{fresh}.{len(renamed)}"
                if symbol in facts:
                    facts[renamed[symbol]] = facts[symbol]
            binds[other] = renamed[symbol]


BOOLEAN_OPS = ("==", "!=", "<", "<=", ">", ">=", "&&", "||")


def split_boolean(state: PathState, node_id: int, expr: ir.Expr) -> list[PathState]:
    """``x = <test>`` (``locked = mutex_trylock(&m) != 0;``): one state where the test held and x is 1,
    one where it failed and x is 0, so a later ``if (x)`` knows what the test knew."""
    expr = ir.strip(expr)
    if not (isinstance(expr, ir.Binary) and expr.op == "="):
        return [state]
    value = ir.strip(expr.rhs)
    if not ((isinstance(value, ir.Binary) and value.op in BOOLEAN_OPS) or
            (isinstance(value, ir.Unary) and value.op == "!")):
        return [state]
    target = state.symbol(expr.lhs, node_id)
    if target is None:
        return [state]
    out = []
    for truth in (True, False):
        refined = refine(state, value, truth, node_id)
        if refined is not None:
            refined = refined.constrain(target, exact(1) if truth else exact(0))
        if refined is not None:
            out.append(refined)
    return out or [state]


def call_symbol(node_id: Optional[int], call: ir.Call) -> str:
    """The value symbol of a call's result at a given node (deterministic, so loops converge)."""
    return f"$c{node_id}@{call.loc.line}:{call.loc.col}:{ir.expr_key(call)}"


# ------------------------------------------------------------------ the engine


class Analysis(Protocol):
    def initial(self) -> Hashable: ...

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> Iterable[PathState]:
        """States after ``node`` from one state before it (split or constrain with ``state.constrain``).
        An analysis may also define ``before(cfg, node_id, node, state) -> PathState``, called before the
        node's assignments are applied to the facts (to read what they are about to overwrite)."""


class Result:
    """Converged states before each node (reachable nodes only)."""

    def __init__(self, cfg: CFG, states_in: dict[int, frozenset]):
        self.cfg = cfg
        self.states_in = states_in


def run(cfg: CFG, analysis: Analysis, entry: Optional[dict[str, Range]] = None, fold: bool = False) -> Result:
    """Converge the analysis over the CFG; ``entry`` holds what is known of the parameters on entry
    (what every caller passes, analyzer/callerfacts.py); ``fold`` binds variables to the numbers that
    arithmetic on known values gives (what a caller passes: ``DIV_ROUND_UP(max_retries, 1000)``)."""
    graph = cfg.graph
    order = {n: i for i, n in enumerate(_reverse_postorder(cfg))}
    retested: Optional[frozenset[str]] = None  # computed at the first merge: most functions never merge
    states_in: dict[int, frozenset] = {cfg.entry: frozenset({PathState(analysis.initial(), dict(entry or {}), {})})}
    visits: dict[int, int] = {}
    # states already carried through each node: a revisit carries only the new ones (a node reached
    # again with one more state would otherwise redo every state it had, at every later node too)
    carried: dict[int, set[PathState]] = {}
    # what each set of states merged into: a node whose predecessors bring nothing new, or bring what
    # another node already merged, has its merge to hand (a sixth of the merges in drivers/net/usb)
    merges: dict[frozenset, frozenset] = {}
    worklist = {cfg.entry}
    before = getattr(analysis, "before", None)  # optional: see the state before the node's assignments
    apart = getattr(analysis, "keep_apart", None)  # optional: what must not be merged (a value's NULL test)
    pinned = getattr(analysis, "live_symbols", None)  # optional: value symbols the checker reads (see _canonical)
    joins = frozenset(n for n in graph.nodes if graph.in_degree(n) > 1) if pinned is not None else frozenset()
    looping = cfg.looping if fold else frozenset()  # (only folding asks)
    while worklist:
        node_id = min(worklist, key=lambda n: order.get(n, 1 << 30))
        worklist.discard(node_id)
        visits[node_id] = visits.get(node_id, 0) + 1
        node = cfg.node(node_id)
        out: list[PathState] = []
        raised: list[PathState] = []  # Python exception edges: the node's effects did not happen
        fresh = _call_symbols(cfg, node_id, node)
        derefs = _dereferenced(cfg, node_id, node)
        done = carried.setdefault(node_id, set())
        todo = [state for state in states_in[node_id] if state not in done]
        done.update(todo)
        for state in todo:
            if fresh:
                state = state.renew(fresh, node_id)
            raised.append(state)
            if before is not None:
                state = before(cfg, node_id, node, state)
            dereferenced = _symbols_of(state, derefs, node_id) if derefs and _knows_null(state) else ()
            if node.expr is not None and node.kind != "return":
                afters = split_boolean(assign(state, node_id, node.expr, node_id in looping, fold), node_id, node.expr)
            else:
                afters = [state]
            for after in afters:
                out.extend(result for result in analysis.transfer(cfg, node_id, node, after)
                           if not any(result.facts.get(symbol, ANY).value == 0 for symbol in dereferenced))
        for succ, data in graph.succ[node_id].items():
            edge = data["edge"]
            incoming = [s for s in (refine_edge(state, edge, node_id) for state in (raised if edge.exc else out))
                        if s is not None]
            if not incoming:
                continue
            if succ in joins:
                incoming = [_canonical(s, pinned(s)) for s in incoming]
            old = states_in.get(succ, frozenset())
            merged = old.union(incoming)
            if visits.get(succ, 0) > MAX_VISITS:
                merged = frozenset(PathState(s.data, {}, {}) for s in merged)
            if len(merged) > SIMILAR_STATES:
                if retested is None:
                    retested = _retested(cfg)
                known = merges.get(merged)
                if known is None:
                    known = merges[merged] = _merge_similar(merged, retested, apart, pinned)
                merged = known
            if merged != old:
                states_in[succ] = merged
                worklist.add(succ)
    return Result(cfg, states_in)


_MASKED = re.compile(r" & -?\d+$")
CANONICAL = "$vk:"  # prefix of the value a variable holds at a join, named after the variable


def _canonical(state: PathState, pinned: Iterable[str]) -> PathState:
    """The state as it enters a join, for analyses that say which value symbols they read other than
    through a variable (``live_symbols(state)``: those their data holds, results of calls they recognise
    by name; analyses without the hook are left as they are):

    - without facts about values nothing can name any more: a call's result or an assigned value that no
      variable and no checker data holds (``ret = f(); if (ret) goto err;`` then ``ret = g();``: what the
      first test learnt of f's result);
    - with each value that only one variable holds named after that variable (``ret`` failing at the
      third call and at the fifth is the same non-zero ``ret`` at ``err:``).

    Paths that differ only in those names are one path, so they meet at the join instead of
    multiplying with every test of ``ret``; nothing any later test or checker can read is lost."""
    pinned = set(pinned)
    holders: dict[str, list[str]] = {}
    for key, symbol in state.binds.items():
        holders.setdefault(symbol, []).append(key)
    live = pinned.union(holders)
    rename: dict[str, str] = {}
    for symbol, keys in holders.items():
        if len(keys) == 1 and symbol.startswith(VALUE_SYMBOLS) and symbol not in pinned:
            name = CANONICAL + keys[0]
            if name != symbol and name not in live:  # (a stale fact under the name is dropped below)
                rename[symbol] = name

    def current(symbol: str) -> Optional[str]:
        """The symbol's name after the renaming; None when nothing names it any more."""
        if not symbol.startswith(VALUE_SYMBOLS) or symbol in live:
            return rename.get(symbol, symbol)
        masked = _MASKED.search(symbol)  # ``call() & MASK`` lives with the call's result
        if masked is not None and symbol[:masked.start()] in live:
            return rename.get(symbol[:masked.start()], symbol[:masked.start()]) + symbol[masked.start():]
        return None

    facts: dict[str, Range] = {}
    for key, rng in state.facts.items():
        if key.startswith(RELATION):
            a, b = (current(side) for side in _sides(key))
            if a is None or b is None:
                continue
            key, rng = (relation_key(a, b), rng) if a < b else (relation_key(b, a), _negated(rng))
        elif key in live or not key.startswith(VALUE_SYMBOLS):  # (current(key) without the call)
            key = rename.get(key, key)
        else:
            key = current(key)
            if key is None:
                continue
        facts[key] = rng
    if not rename and len(facts) == len(state.facts):
        return state
    return PathState(state.data, facts, {key: rename.get(symbol, symbol) for key, symbol in state.binds.items()})


def _sides(key: str) -> tuple[str, str]:
    a, _, b = key[len(RELATION) + 1:-1].partition(") - (")
    return a, b


def _dereferenced(cfg: CFG, node_id: int, node: CfgNode) -> tuple[ir.Expr, ...]:
    """Pointers the node dereferences (``p->f``, ``*p``; not ``&p->f``), except those it assigns: a path
    that knows one is NULL ends there (the kernel would have oopsed; what the checkers judge is the
    dereference itself, in the state before the node).  Nothing is learnt on the other paths: a fact
    there would read as a test the code made."""
    memo = cfg.memo.setdefault("dereferenced", {})
    known = memo.get(node_id)
    if known is None:
        known = memo[node_id] = _find_dereferenced(node) if node.expr is not None and node.kind != "return" else ()
    return known


def _find_dereferenced(node: CfgNode) -> tuple[ir.Expr, ...]:
    written = {w.key for w in assigned_keys(node.expr)}
    found: dict[str, ir.Expr] = {}

    def visit(expr: ir.Expr, addressed: bool) -> None:
        expr = ir.strip(expr)
        if isinstance(expr, ir.Unary) and expr.op == "&":
            visit(expr.operand, True)
            return
        base = None
        if isinstance(expr, ir.Member) and expr.arrow and not addressed:
            base = ir.strip(expr.base)
        elif isinstance(expr, ir.Unary) and expr.op == "*" and not addressed:
            base = ir.strip(expr.operand)
        if base is not None and isinstance(base, (ir.Name, ir.Member)) and ir.is_pure(base):
            key = ir.expr_key(base)
            if key not in written:
                found.setdefault(key, base)
        if isinstance(expr, ir.Binary) and expr.op in ("&&", "||"):
            visit(expr.lhs, False)  # (the right side runs only on some paths: ``p && p->x``)
        elif isinstance(expr, ir.Conditional):
            visit(expr.cond, False)
        else:
            for child in ir.children(expr):
                visit(child, isinstance(expr, ir.Member) and not expr.arrow and addressed)
    visit(node.expr, False)
    return tuple(found.values())


def _knows_null(state: PathState) -> bool:
    return any(rng.value == 0 for rng in state.facts.values())


def _symbols_of(state: PathState, exprs: tuple[ir.Expr, ...], node_id: int) -> tuple[str, ...]:
    return tuple(s for s in (state.symbol(e, node_id) for e in exprs) if s is not None)


def _call_symbols(cfg: CFG, node_id: int, node: CfgNode) -> tuple[str, ...]:
    """The value symbols of the node's calls (kept on the CFG: every visit of every run asks)."""
    memo = cfg.memo.setdefault("call_symbols", {})
    known = memo.get(node_id)
    if known is None:
        known = memo[node_id] = () if node.expr is None else tuple(
            call_symbol(node_id, call) for call in ir.calls_in(node.expr) if not call.pure)
    return known


def _retested(cfg: CFG) -> frozenset[str]:
    """Expressions that two or more branches of the function test (``if (flag) lock(); ... if (flag)
    unlock();``, two ``switch (hw->mac.type)``): what they learnt must survive a merge of path states."""
    seen: dict[str, int] = {}
    for node_id in cfg.graph.nodes:
        node = cfg.node(node_id)
        if node.kind not in ("branch", "switch") or node.expr is None:
            continue
        for key in {ir.expr_key(e) for e in ir.walk_expr(node.expr) if not isinstance(e, ir.Const) and ir.is_pure(e)}:
            seen[key] = seen.get(key, 0) + 1
    return frozenset(key for key, count in seen.items() if count > 1)


def _merge_similar(states: frozenset, retested: frozenset[str] = frozenset(),
                   apart: Optional[Callable[[PathState], Hashable]] = None,
                   pinned: Optional[Callable[[PathState], Iterable[str]]] = None) -> frozenset:
    """Merge path states with equal checker data, equal facts about expressions the function tests
    again, equal in what the analysis asks to keep apart, and with the values the checker's data names
    held by the same variables, keeping only the facts they agree on; when that still leaves too many,
    by checker data and what must stay apart, then by data alone."""
    keys = [_merge_key(state, retested, apart, pinned) for state in states]
    # (four merges in five find no two states alike: nothing to group or join)
    kept = states if len(set(keys)) == len(keys) else _merge_groups(states, keys)
    if len(kept) <= MAX_STATES:
        return kept
    if apart is not None:
        kept = _merge_groups(states, [key[:2] for key in keys])
        if len(kept) <= MAX_STATES:
            return kept
    return _merge_groups(states, [state.data for state in states])


def _merge_key(state: PathState, retested: frozenset[str], apart: Optional[Callable[[PathState], Hashable]],
               pinned: Optional[Callable[[PathState], Iterable[str]]]) -> tuple:
    """(data, what apart() says, facts about re-tested expressions, which variables hold the pinned
    values), kept on the state: a node past SIMILAR_STATES groups its old states again with every new
    one, and the hooks (``keep_apart``, ``live_symbols``) are pure functions of the state."""
    cached = state._merge_key
    if cached is not None and cached[0] is retested and cached[1] is apart and cached[2] is pinned:
        return cached[3]
    key = (state.data, apart(state) if apart else None, _retested_facts(state, retested),
           _holders(state, pinned) if pinned else None)
    state._merge_key = (retested, apart, pinned, key)
    return key


def _holders(state: PathState, pinned: Callable[[PathState], Iterable[str]]) -> frozenset:
    """Which variable holds each value the checker's data names: a path where ``skb`` is the clone that
    may be NULL and one where it is still the tested original must not meet as one."""
    live = set(pinned(state))
    return frozenset([(key, symbol) for key, symbol in state.binds.items() if symbol in live])


def _retested_facts(state: PathState, retested: frozenset[str]) -> frozenset:
    """What the state knows of each re-tested expression, through the value it is bound to
    (``port_cap->psi_count = 0`` on the allocation-failure path is a fact about a fresh value)."""
    facts, binds = state.facts, state.binds
    present = retested.intersection(binds).union(retested.intersection(facts))  # (in neither: nothing known)
    return frozenset([(key, rng) for key in present if (rng := facts.get(binds.get(key, key))) is not None])


def _merge_groups(states: frozenset, keys: list[Hashable]) -> frozenset:
    """The states grouped by their keys (``keys[i]`` is the key of the i-th state iterated), each group
    joined into one state."""
    groups: dict[Hashable, list[PathState]] = {}
    for state, key in zip(states, keys):
        group = groups.get(key)
        if group is None:
            groups[key] = [state]
        else:
            group.append(state)
    return frozenset([_join(group) for group in groups.values()])


def _join(group: list[PathState]) -> PathState:
    """One state that covers every state of the group: each fact widened to the hull of its ranges, and
    a variable bound to different values on different paths (``locked = down_interruptible(&s)`` on one
    branch, ``locked = 1`` on the other) bound to a joined value that keeps what all of them know
    (non-zero on the paths where the semaphore was not taken).

    States of a group mostly descend from one another and share their Range objects and most bindings:
    a shared fact needs no hull and a binding every state agrees on no work."""
    first = group[0]
    if len(group) == 1:
        return first
    others = group[1:]
    facts: dict[str, Range] = {}
    for key, rng in first.facts.items():
        ranges = None  # (set when the states' ranges differ)
        for other in others:
            theirs = other.facts.get(key)
            if theirs is None:
                break  # nothing known of it on that path
            if theirs is not rng:
                ranges = ranges or [rng]
                ranges.append(theirs)
        else:
            joined = hull(*ranges) if ranges else rng
            if joined != ANY:
                facts[key] = joined
    keys = set(first.binds)
    differing: set[str] = set()
    first_items = first.binds.items()
    for other in others:
        keys.update(other.binds)
        differing.update(key for key, _ in first_items ^ other.binds.items())
    binds: dict[str, str] = {}
    relation_keys: Optional[list[list[str]]] = None
    for key in sorted(keys):
        symbols = [state.binds.get(key, key) for state in group] if key in differing else None
        if symbols is None or symbols.count(symbols[0]) == len(symbols):
            symbol = first.binds.get(key, key)  # (an unbound variable is its own value)
            if symbol != key:
                binds[key] = symbol
            continue
        rng = hull(*(state.facts.get(symbol, ANY) for state, symbol in zip(group, symbols)))
        joined = CANONICAL + key  # deterministic, so loops converge; shadows any earlier join of key
        if relation_keys is None:
            relation_keys = [[k for k in state.facts if k.startswith(RELATION)] for state in group]
        relations = _joined_relations(group, symbols, joined, relation_keys) if any(relation_keys) else {}
        if rng != ANY or relations:
            binds = {k: v for k, v in binds.items() if v != joined}
            binds[key] = joined
            facts = {k: v for k, v in facts.items() if f"({joined})" not in k}
            facts.update(relations)
            if rng != ANY:
                facts[joined] = rng
    return PathState(first.data, facts, binds)


def _joined_relations(group: list[PathState], symbols: list[str], joined: str,
                      relation_keys: list[list[str]]) -> dict[str, Range]:
    """What every state knows of ``value - t`` (``cnt < max_retries``, exactly or from the two ranges),
    for each other value t some state relates this variable's value to, as facts of the joined value."""
    others = {t for keys, s in zip(relation_keys, symbols) for key in keys for t in _related(key, s)}
    out: dict[str, Range] = {}
    for other in sorted(others):
        rng = hull(*(_known_difference(state, symbol, other) for state, symbol in zip(group, symbols)))
        if rng != ANY:
            a, b = (joined, other) if joined < other else (other, joined)
            out[relation_key(a, b)] = rng if a == joined else _negated(rng)
    return out


def _related(key: str, symbol: str) -> list[str]:
    """The other side of relation fact ``key`` when ``symbol`` is one side."""
    a, b = _sides(key)
    return [b] if a == symbol else [a] if b == symbol else []


def _known_difference(state: PathState, a: str, b: str) -> Range:
    """What ``state`` knows of ``a - b``."""
    if a < b:
        fact = state.facts.get(relation_key(a, b))
    else:
        fact = state.facts.get(relation_key(b, a))
        fact = _negated(fact) if fact is not None else None
    bounds = _difference(state.facts.get(a, ANY), state.facts.get(b, ANY))
    return fact.meet(bounds) if fact is not None else bounds


def _negated(rng: Range) -> Range:
    return Range(-rng.hi if rng.hi is not None else None, -rng.lo if rng.lo is not None else None,
                 frozenset(-v for v in rng.ne))


def hull(*ranges: Range) -> Range:
    """The smallest Range holding every value any of the ranges allows (keeping the values all of them
    exclude), taken over all of them at once.  Folding two at a time is not the same whatever the
    order: a value the first range excludes by its bounds (``lo=1`` excludes -2) survives only when the
    second lists it, so hull(hull(a, b), c) and hull(a, hull(b, c)) can differ, and path states met in
    a set's order (hash-seeded) would give a run's results that differ from one process to the next."""
    first = ranges[0]
    different = False
    for rng in ranges:
        if rng == ANY:
            return ANY  # (one allows every value)
        different = different or (rng is not first and rng != first)
    if not different:
        return first
    lows, highs = [rng.lo for rng in ranges], [rng.hi for rng in ranges]
    lo = None if None in lows else min(lows)
    hi = None if None in highs else max(highs)
    candidates = frozenset({0}).union(*(rng.ne for rng in ranges))
    ne = frozenset(v for v in candidates if (lo is None or v >= lo) and (hi is None or v <= hi)
                   and not any(rng.may_be(v) for rng in ranges))
    return Range(lo, hi, ne)


def _reverse_postorder(cfg: CFG) -> list[int]:
    seen: set[int] = set()
    post: list[int] = []
    stack = [(cfg.entry, iter(cfg.graph.successors(cfg.entry)))]
    seen.add(cfg.entry)
    while stack:
        node, it = stack[-1]
        for succ in it:
            if succ not in seen:
                seen.add(succ)
                stack.append((succ, iter(cfg.graph.successors(succ))))
                break
        else:
            stack.pop()
            post.append(node)
    return list(reversed(post))
