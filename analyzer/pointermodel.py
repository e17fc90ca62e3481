"""Pointer knowledge shared by the NULL/ERR_PTR and user-pointer checkers: which calls may return NULL
or an ERR_PTR, which accept NULL, which dereference which argument, which tests check for errors, which
handlers receive a user pointer as an integer; and where each function dereferences what.

Dereferences are found once per file (``Dereferences.of(unit, rules)``), including the parameters a
same-file function dereferences, so that passing a value to such a helper counts as dereferencing it.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Mapping, Optional

from . import ir
from .cfg import CFG
from .dataflow import assigned_keys, local_assignments
from .rules import FieldSpec, RuleSet, TableSpec, declare
from .unit import Unit

RETURNS_NULL = declare(TableSpec("returns_null", {
    "names": FieldSpec(list, True),
    "lookup": FieldSpec(bool),  # finds something that exists or not (not an allocation)
    "chosen_arg": FieldSpec(int),  # NULL only for a key this argument gets from the device or arithmetic
    "device_records": FieldSpec(list),  # struct tags (fnmatch) whose fields the device chose
    "existing_fields": FieldSpec(list),  # ... except these, which name something that exists
}, "Calls that return NULL on failure (allocators) or when nothing is found (lookups, lookup = true). "
   "A lookup with chosen_arg finds what its key names unless the key was chosen: computed by arithmetic, "
   "or read from a field of a device_records struct other than existing_fields (usb_ifnum_to_if() of a "
   "union descriptor's bSlaveInterface0 may fail; of the bound interface's bInterfaceNumber, a parameter "
   "or a number the driver stored, it finds the interface)."))
RETURNS_ERR = declare(TableSpec("returns_err_ptr", {"names": FieldSpec(list, True)},
                                "Calls that return an ERR_PTR on failure and never NULL."))
RETURNS_BOTH = declare(TableSpec("returns_err_or_null", {"names": FieldSpec(list, True)},
                                 "Calls that may return NULL or an ERR_PTR (optional resources)."))
NONNULL_ON_SUCCESS = declare(TableSpec("nonnull_on_success", {
    "names": FieldSpec(list, True),
    "args": FieldSpec(list, True, items=int),
}, "ERR_PTR-returning calls that fail on a NULL argument: once their result passed IS_ERR(), the argument "
   "is known not to be NULL."))
MATCH_LOOKUP = declare(TableSpec("match_lookup", {
    "names": FieldSpec(list, True),
    "data": FieldSpec(bool),  # returns the matched entry's .data (NULL for an entry without one)
}, "Match lookups that cannot fail in a driver only an OF match can bind (no id_table, no ACPI table): "
   "of_match_device() returns the matched entry, of_device_get_match_data() its .data, which is never NULL "
   "when every entry of the driver's OF tables has one."))
ACCEPTS_NULL = declare(TableSpec("accepts_null", {"names": FieldSpec(list, True)},
                                 "Calls documented to accept NULL (kfree, usb_free_urb): not dereferences."))
DEREFS_ARG = declare(TableSpec("derefs_arg", {
    "names": FieldSpec(list, True),
    "args": FieldSpec(list, True, items=int),
}, "Calls that read or write through the given pointer arguments (memcpy, strlen, list_add)."))
ERR_CHECK = declare(TableSpec("err_check", {
    "names": FieldSpec(list, True),
    "covers": FieldSpec(str, True, ("err", "err_or_null")),
    "valid": FieldSpec(str, False, ("zero", "nonzero")),  # which result means a valid pointer (default zero)
}, "Tests that tell an ERR_PTR (and NULL, for err_or_null) from a valid pointer: false/zero means valid "
   "(IS_ERR), or with valid = \"nonzero\", true means valid (i2c_client_has_driver)."))
USER_ARG = declare(TableSpec("user_arg_handler", {
    "record": FieldSpec(str, True),
    "fields": FieldSpec(list, True),
    "arg": FieldSpec(int, True),
}, "Ops fields whose handler receives a user-space pointer as an integer (ioctl's unsigned long arg)."))


class PointerRules:
    def __init__(self, rules: RuleSet):
        self.returns: dict[str, str] = {}
        for table, kind in (("returns_null", "null"), ("returns_err_ptr", "err"), ("returns_err_or_null", "both")):
            for name in rules.by_name(table):
                self.returns[name] = kind
        null_rules = rules.by_name("returns_null")
        self.lookups = {name for name, rule in null_rules.items() if rule.get("lookup")}
        self.chosen_keys = {name: ChosenKey(rule["chosen_arg"], tuple(rule.get("device_records", ())),
                                            frozenset(rule.get("existing_fields", ())))
                            for name, rule in null_rules.items() if rule.get("chosen_arg") is not None}
        self.accepts_null = set(rules.by_name("accepts_null"))
        self.match_lookups = {name: rule.get("data", False) for name, rule in rules.by_name("match_lookup").items()}
        self.nonnull_on_success = {name: tuple(r["args"]) for name, r in rules.by_name("nonnull_on_success").items()}
        self.derefs_arg = {name: tuple(rule["args"]) for name, rule in rules.by_name("derefs_arg").items()}
        self.err_checks = {name: rule["covers"] for name, rule in rules.by_name("err_check").items()}
        self.valid_nonzero = {name for name, rule in rules.by_name("err_check").items()
                              if rule.get("valid") == "nonzero"}
        self.user_args = {(r["record"], f): r["arg"] for r in rules.table("user_arg_handler") for f in r["fields"]}

    def returns_kind(self, call: ir.Call) -> Optional[str]:
        """'null', 'err' or 'both' for a call whose failure value callers must check."""
        return next((self.returns[n] for n in call.names if n in self.returns), None)

    def matched(self, call: ir.Call, tu: ir.TranslationUnit, function: str) -> bool:
        """A match lookup that cannot fail: the drivers whose callback ``function`` is (every driver struct
        of the file, for a helper) bind only through OF tables, whose entries all carry .data for a
        lookup of the data."""
        needs_data = next((self.match_lookups[n] for n in call.names if n in self.match_lookups), None)
        if needs_data is None or not tu.of_match:
            return False
        owners = {i.owner for i in tu.field_inits if i.function == function and i.owner in tu.of_match}
        facts = [tu.of_match[o] for o in (owners or tu.of_match)]
        return all(of_only and (data or not needs_data) for of_only, data in facts)

    def chosen_key(self, call: ir.Call) -> Optional["ChosenKey"]:
        return next((self.chosen_keys[n] for n in call.names if n in self.chosen_keys), None)

    def err_check(self, call: ir.Call) -> Optional[str]:
        return next((self.err_checks[n] for n in call.names if n in self.err_checks), None)

    def deref_args(self, call: ir.Call) -> tuple[int, ...]:
        if any(n in self.accepts_null for n in call.names):
            return ()
        return next((self.derefs_arg[n] for n in call.names if n in self.derefs_arg), ())


@dataclass(frozen=True)
class ChosenKey:
    """Where a lookup's key may name nothing: the argument, and the device-chosen fields it may come from."""

    arg: int
    device_records: tuple[str, ...]
    existing_fields: frozenset[str]

    def may_miss(self, call: ir.Call, local_values: Mapping[str, list[ir.Expr]]) -> bool:
        """Can this call's key name nothing?  Followed through the function's own assignments to locals
        (flow-insensitively: any assignment that may be chosen counts)."""
        if self.arg >= len(call.args):
            return True
        return self._chosen(call.args[self.arg], local_values, set())

    def _chosen(self, expr: ir.Expr, local_values: Mapping[str, list[ir.Expr]], seen: set[str]) -> bool:
        expr = ir.strip(expr)
        if isinstance(expr, ir.Const):
            return False  # a number the driver knows (its own interface layout)
        if isinstance(expr, ir.Member):
            if any(fnmatch.fnmatchcase(expr.record, pattern) for pattern in self.device_records):
                return expr.field not in self.existing_fields
            return False  # a field the driver filled: checked where it was stored
        if isinstance(expr, ir.Name):
            if not expr.is_local or expr.name in seen:
                return False  # a parameter: the caller's number
            seen.add(expr.name)
            return any(self._chosen(v, local_values, seen) for v in local_values.get(expr.name, ()))
        if isinstance(expr, ir.Conditional):
            return any(self._chosen(e, local_values, seen) for e in (expr.then, expr.other))
        if isinstance(expr, (ir.Binary, ir.Unary)):
            return True  # computed: a guess at a number (``bInterfaceNumber + 1``)
        return any(self._chosen(e, local_values, seen) for e in ir.children(expr))


def local_values(cfg: CFG) -> dict[str, list[ir.Expr]]:
    """Every value assigned to each plain variable of the function.  An increment is arithmetic; a
    variable filled by a call it is passed to (``get_user(n, p)``) only keeps its assigned values: the
    call's contract, not a guess here."""
    return {name: [w.value if w.value is not None else ir.Unary("++", ir.Name(name)) for w in writes
                   if not w.by_call]
            for name, writes in local_assignments(cfg).items()}


@dataclass(frozen=True)
class Deref:
    """A pointer read or written through at a CFG node."""

    pointer: ir.Expr
    how: str  # "'->'", "'*'", "'[]'", or "passed to memcpy()"
    callee: str = ""  # the same-file function it is passed to, if any
    index: int = -1  # ... as this argument


def direct_derefs(expr: ir.Expr) -> list[Deref]:
    """``p->f``, ``*p`` and ``p[i]`` inside an expression, in one walk.  Not address computations
    (``&p->f``, ``&p[i]``, ``&p->arr[0]``: an array field indexed under ``&`` is not loaded either), not
    inside ``sizeof`` (folded away), and not in the guarded arm of ``p ? p->x : 0`` or ``p && p->x``,
    which the CFG leaves unsplit when pure."""
    out: list[Deref] = []

    def visit(node: ir.Expr, guards: frozenset[str], address: bool = False) -> None:
        node = ir.strip(node) if address else node
        if address and isinstance(node, (ir.Member, ir.Index)):
            if isinstance(node, ir.Index):
                visit(node.base, guards, isinstance(ir.strip(node.base), ir.Member))
                visit(node.index, guards)
            else:
                visit(node.base, guards, not node.arrow)
            return
        pointer, how = _accessed(node)
        if pointer is not None and ir.expr_key(pointer) not in guards:
            out.append(Deref(pointer, how))
        if isinstance(node, ir.Unary) and node.op == "&":
            visit(node.operand, guards, True)
        elif isinstance(node, ir.Conditional):
            visit(node.cond, guards)
            tested = guards | _mentioned(node.cond)
            visit(node.then, tested)
            visit(node.other, tested)
        elif isinstance(node, ir.Binary) and node.op in ("&&", "||"):
            visit(node.lhs, guards)
            visit(node.rhs, guards | _mentioned(node.lhs))
        else:
            for child in ir.children(node):
                visit(child, guards)

    visit(expr, frozenset())
    return out


def _accessed(node: ir.Expr) -> tuple[Optional[ir.Expr], str]:
    """The pointer a node loads or stores through.  ``p->arr`` alone is an address; ``p->arr[i]`` and
    ``*p->arr`` access p's memory."""
    if isinstance(node, ir.Member) and node.arrow:
        return (None, "") if node.decays else (node.base, "'->'")
    if isinstance(node, ir.Unary) and node.op == "*":
        return _through_array(node.operand), "'*'"
    if isinstance(node, ir.Index):
        return _through_array(node.base), "'[]'"
    return None, ""


def _through_array(pointer: ir.Expr) -> ir.Expr:
    inner = ir.strip(pointer)
    if isinstance(inner, ir.Member) and inner.arrow and inner.decays:
        return inner.base
    return pointer


def _mentioned(cond: ir.Expr) -> frozenset[str]:
    """Keys of the values a condition tests against NULL (a guard for the arm it protects)."""
    cond = ir.strip(cond)
    if isinstance(cond, ir.Binary) and cond.op in ("&&", "||"):
        return _mentioned(cond.lhs) | _mentioned(cond.rhs)
    return frozenset(ir.expr_key(e) for e in null_tested_values(cond))


class Dereferences:
    """Per file: the dereferences at each node, and which parameters each function dereferences."""

    def __init__(self, unit: Unit, rules: PointerRules):
        self.unit = unit
        self.rules = rules
        self._summaries: dict[str, tuple[frozenset[int], frozenset[int]]] = {}  # (any, unchecked) per function
        self._in_progress: set[str] = set()
        self._memo = {False: ir._IdentityCache(), True: ir._IdentityCache()}  # per expression
        self._direct = ir._IdentityCache()

    def param_derefs(self, name: str, unchecked_only: bool = False) -> frozenset[int]:
        """Parameters a same-file function dereferences (``unchecked_only``: and never tests for NULL).
        Computed on first need, callees first; a recursive call sees what is known so far."""
        if name not in self.unit.functions:
            return frozenset()
        if name not in self._summaries:
            if name in self._in_progress:
                return frozenset()
            self._in_progress.add(name)
            try:
                self._summaries[name] = self._summarise(name)
            finally:
                self._in_progress.discard(name)
        return self._summaries[name][1 if unchecked_only else 0]

    @classmethod
    def of(cls, unit: Unit, rules: RuleSet) -> "Dereferences":
        return unit.shared(("dereferences", rules.digest), lambda: cls(unit, PointerRules(rules)))

    def at(self, expr: Optional[ir.Expr], unchecked_only: bool = False) -> list[Deref]:
        """Every dereference an expression makes, calls included, except through a pointer the same
        expression assigns first (``pos = list_first_entry(...), n = pos->next``)."""
        if expr is None:
            return []
        memo = self._memo[unchecked_only]
        cached = memo.get(expr)
        if cached is not None:
            return cached
        out = self._at(expr, unchecked_only)
        written = {w.key for w in assigned_keys(expr) if not w.by_call}
        result = [d for d in out if ir.expr_key(d.pointer) not in written] if written else out
        return memo.put(expr, result) if not self._in_progress else result  # partial during recursion

    def _at(self, expr: ir.Expr, unchecked_only: bool) -> list[Deref]:
        direct = self._direct.get(expr)
        if direct is None:
            direct = self._direct.put(expr, direct_derefs(expr))
        out = list(direct)
        for call in ir.calls_in(expr):
            name = call.written or call.callee or "?"
            for index in self.rules.deref_args(call):
                if index < len(call.args):
                    out.append(Deref(_assigned_value(call.args[index]), f"passed to {name}()"))
            for index in self.param_derefs(call.callee or "", unchecked_only):
                if index < len(call.args):
                    out.append(Deref(_assigned_value(call.args[index]), f"passed to {call.callee}(), which "
                                     "dereferences it", call.callee or "", index))
        return out

    def _summarise(self, name: str) -> tuple[frozenset[int], frozenset[int]]:
        function, cfg = self.unit.functions[name], self.unit.cfgs[name]
        params = [p.name for p in function.params]
        derefed: set[int] = set()
        unchecked: set[int] = set()
        tested: set[int] = set()
        for node_id in cfg.graph.nodes:
            node = cfg.node(node_id)
            if node.expr is None:
                continue
            derefed |= _param_indexes(self.at(node.expr), params)
            unchecked |= _param_indexes(self.at(node.expr, unchecked_only=True), params)
            if node.kind == "branch":
                tested |= {params.index(n) for n in _null_tested(node.expr) if n in params}
        return frozenset(derefed), frozenset(unchecked - tested)


def _assigned_value(arg: ir.Expr) -> ir.Expr:
    """What an argument passes: the value of ``skb_put(skb = ring[i], len)`` is ``ring[i]``, not the
    ``skb`` of before the call (which may still be a failed allocation's NULL)."""
    value = ir.strip(arg)
    if not (isinstance(value, ir.Binary) and value.op == "="):
        return arg  # casts kept: a __force cast says the pointer is meant
    while isinstance(value, ir.Binary) and value.op == "=":
        value = value.rhs
    return value


def _param_indexes(derefs: list[Deref], params: list[str]) -> set[int]:
    names = (ir.strip(d.pointer) for d in derefs)
    return {params.index(n.name) for n in names if isinstance(n, ir.Name) and n.name in params}


def null_tested_values(cond: Optional[ir.Expr]) -> list[ir.Expr]:
    """The expressions a branch compares with NULL: ``!p``, ``p``, ``p == NULL``, ``!dev->buf``."""
    if cond is None:
        return []
    cond = ir.strip(cond)
    while isinstance(cond, ir.Unary) and cond.op == "!":
        cond = ir.strip(cond.operand)
    if isinstance(cond, ir.Binary) and cond.op in ("==", "!="):
        for side, other in ((cond.lhs, cond.rhs), (cond.rhs, cond.lhs)):
            if isinstance(ir.strip(other), ir.Const) and ir.strip(other).value == 0:
                return [ir.strip(side)]
        return []
    if isinstance(cond, (ir.Name, ir.Member, ir.Index)):
        return [cond]
    return []


def _null_tested(cond: ir.Expr) -> set[str]:
    return {e.name for e in null_tested_values(cond) if isinstance(e, ir.Name)}
