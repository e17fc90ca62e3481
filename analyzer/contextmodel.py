"""Execution-context knowledge shared by checkers: which calls may sleep, which take a gfp mask, which
registrations and ops-table fields make a function run in atomic (or process) context, and which tests
tell a function at run time which context it is in.  All of it comes from rules/ tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import ir
from .dataflow import PathState
from .rules import FieldSpec, RuleSet, TableSpec, declare

CONTEXTS = ("hardirq", "atomic", "process")  # hardirq is atomic too, and stricter
ATOMIC_CONTEXTS = ("hardirq", "atomic")

SLEEP_TABLE = declare(TableSpec("sleeps", {
    "names": FieldSpec(list, True),
    "why": FieldSpec(str),  # how it sleeps, for reports: "waits for the device", "takes a mutex"
    "arg": FieldSpec(int),  # with "above": sleeps only when this argument exceeds the value
    "above": FieldSpec(int),
    "hardirq_only": FieldSpec(bool),  # forbidden only in hard-IRQ context (it spins elsewhere)
    # Written by a whole-tree study for functions of other files (study_link.py), not by hand:
    "calls": FieldSpec(list),  # the calls below it down to the sleeping primitive
    "chain": FieldSpec(list),  # those calls' places, "path:line:col: message"
}, "Calls that may sleep (block, reschedule or wait); with arg/above, only when an argument exceeds a bound."))

GFP_TABLE = declare(TableSpec("gfp_call", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int, True),  # index of the gfp_t argument
}, "Calls taking a gfp mask: they may sleep exactly when the mask allows direct reclaim."))

GFP_NAMES_TABLE = declare(TableSpec("gfp_flags", {
    "sleeping": FieldSpec(list, True),  # masks with __GFP_DIRECT_RECLAIM (GFP_KERNEL...)
    "atomic": FieldSpec(list, True),  # masks without it (GFP_ATOMIC, GFP_NOWAIT)
}, "Gfp masks by name, for when their value cannot be computed from the headers."))

CALLBACK_ARG_TABLE = declare(TableSpec("callback_arg", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int, True),  # index of the function argument
    "context": FieldSpec(str, True, CONTEXTS),
    "what": FieldSpec(str, True),  # "hard IRQ handler", "timer callback"...
}, "Registration calls that make a function argument run in a given context."))

CALLBACK_FIELD_TABLE = declare(TableSpec("callback_field", {
    "record": FieldSpec(str, True),  # struct tag, e.g. net_device_ops
    "fields": FieldSpec(list, True),
    "context": FieldSpec(str, True, CONTEXTS),
    "what": FieldSpec(str, True),
}, "Struct fields (ops tables, urb->complete) whose function the kernel calls in a given context."))

CONTEXT_TEST_TABLE = declare(TableSpec("context_test", {
    "names": FieldSpec(list, True),
    "sleeps_when": FieldSpec(str, True, ("zero", "nonzero")),  # the tested value that means "may sleep here"
    "kind": FieldSpec(str, False, ("call", "variable")),
}, "Run-time tests of the execution context: in_atomic(), irqs_disabled(), gfpflags_allow_blocking(gfp), "
   "a can_sleep flag.  Code on the side where the test says the function may sleep is not atomic."))

DIRECT_RECLAIM = "___GFP_DIRECT_RECLAIM"
_CALL_IN_SYMBOL = re.compile(r"(?:^|:)([A-Za-z_][A-Za-z0-9_]*)\(")
_MASK_TEST = re.compile(r"^(.*\S) & (\d+)$")


@dataclass(frozen=True)
class Registration:
    """A function made to run in a context by a call or a field store."""

    function: str
    context: str  # hardirq | atomic | process
    what: str  # "hard IRQ handler"
    line: int
    col: int
    by: str  # "request_irq() in foo_probe()" / "net_device_ops.ndo_start_xmit of foo_ops"


class ContextRules:
    """Rule lookups for execution contexts."""

    def __init__(self, rules: RuleSet, header_constants: dict[str, int]):
        self.sleeps = rules.by_name("sleeps")
        self.gfp_calls = {name: rule["arg"] for name, rule in rules.by_name("gfp_call").items()}
        self.callback_args: dict[str, list] = {}
        for rule in rules.table("callback_arg"):  # one call can register several (request_threaded_irq)
            for name in rule["names"]:
                self.callback_args.setdefault(name, []).append(rule)
        self.callback_fields = {(r["record"], f): r for r in rules.table("callback_field") for f in r["fields"]}
        self.sleeping_masks: set[str] = set()
        self.atomic_masks: set[str] = set()
        for rule in rules.table("gfp_flags"):
            self.sleeping_masks.update(rule["sleeping"])
            self.atomic_masks.update(rule["atomic"])
        self.tests: dict[str, str] = {}
        self.variable_tests: dict[str, str] = {}
        for rule in rules.table("context_test"):
            target = self.variable_tests if rule.get("kind", "call") == "variable" else self.tests
            for name in rule["names"]:
                target[name] = rule["sleeps_when"]
        self.reclaim_bit = header_constants.get(DIRECT_RECLAIM)
        self._symbol_tests: dict[str, bool] = {}

    # ------------------------------------------------------------------ sleeping calls

    def sleep_rule(self, call: ir.Call):
        return next((self.sleeps[n] for n in call.names if n in self.sleeps), None)

    def gfp_arg(self, call: ir.Call) -> Optional[ir.Expr]:
        for name in call.names:
            index = self.gfp_calls.get(name)
            if index is not None:
                return call.args[index] if index < len(call.args) else None
        return None

    def mask_sleeps(self, mask: ir.Expr) -> Optional[bool]:
        """Does this gfp mask allow direct reclaim?  None when it is not a constant we can judge."""
        mask = ir.strip(mask)
        if isinstance(mask, ir.Const):
            if mask.value is not None and self.reclaim_bit is not None:
                return bool(mask.value & self.reclaim_bit)
            if mask.text in self.sleeping_masks:
                return True
            if mask.text in self.atomic_masks:
                return False
        if isinstance(mask, ir.Name) and not mask.is_local and not mask.is_param:
            if mask.name in self.sleeping_masks:
                return True
            if mask.name in self.atomic_masks:
                return False
        return None

    # ------------------------------------------------------------------ run-time context tests

    def process_by_test(self, state: PathState, params: tuple[str, ...] = ()) -> Optional[str]:
        """The context test whose outcome on this path says the code may sleep (``in_atomic()`` false,
        ``gfpflags_allow_blocking(gfp)`` true, ``can_sleep`` true, ``gfp & __GFP_DIRECT_RECLAIM`` set),
        or None.  A test of an unchanged parameter is left to the callers, who know its value."""
        for symbol, rng in state.facts.items():
            if symbol in params:
                continue
            says = self._test_in_symbol(symbol)
            if says is None:
                continue
            if (says == "zero" and rng.value == 0) or (says == "nonzero" and rng.nonzero):
                return symbol
        for key, symbol in state.binds.items():
            says = self.variable_tests.get(_last_field(key))
            rng = state.facts.get(symbol)
            if says is not None and rng is not None and (
                    (says == "zero" and rng.value == 0) or (says == "nonzero" and rng.nonzero)):
                return key
        return None

    def read_symbols(self, state: PathState) -> list[str]:
        """The value symbols :meth:`process_by_test` reads by name: results of context-test calls and masked
        values, held by a variable or only known by a fact (the engine must keep them as they are)."""
        return [s for s in (*state.facts, *state.binds.values()) if s.startswith("$") and self._tests_in(s)]

    def _tests_in(self, symbol: str) -> bool:
        known = self._symbol_tests.get(symbol)
        if known is None:
            known = self._symbol_tests[symbol] = self._test_in_symbol(symbol) is not None
        return known

    def _test_in_symbol(self, symbol: str) -> Optional[str]:
        match = _CALL_IN_SYMBOL.search(symbol)
        if match is not None and match.group(1) in self.tests:
            return self.tests[match.group(1)]
        mask = _MASK_TEST.match(symbol)
        if mask is not None and self.reclaim_bit is not None and int(mask.group(2)) & self.reclaim_bit:
            return "nonzero"
        if not symbol.startswith("$"):
            return self.variable_tests.get(_last_field(symbol))
        return None


def _last_field(key: str) -> str:
    for sep in ("->", "."):
        if sep in key:
            key = key.rsplit(sep, 1)[1]
    return key


# ------------------------------------------------------------------ who registers what


def function_arg(expr: ir.Expr) -> Optional[str]:
    """The function a registration argument names (``fn`` or ``&fn``), or None."""
    expr = ir.strip(expr)
    if isinstance(expr, ir.Unary) and expr.op == "&":
        expr = ir.strip(expr.operand)
    if isinstance(expr, ir.Name) and not expr.is_local and not expr.is_param:
        return expr.name
    return None


def registrations(unit, rules: ContextRules) -> dict[str, list[Registration]]:
    """Functions of this file that the kernel will call in a known context, from registration calls
    (``request_irq(irq, fn, ...)``) and field stores (``.ndo_start_xmit = fn``, ``urb->complete = fn``)."""
    out: dict[str, list[Registration]] = {}
    for init in unit.tu.field_inits:
        rule = rules.callback_fields.get((init.record, init.field))
        if rule is not None and init.function in unit.functions:
            out.setdefault(init.function, []).append(Registration(
                init.function, rule["context"], rule["what"], init.loc.line, init.loc.col,
                f"{init.record}.{init.field} of {init.owner}"))
    for name, cfg in unit.cfgs.items():
        # a file that did not parse cleanly may lose code to an unknown declaration (a switch whose case
        # labels come from a missing header ends every path): what the function wrote still registers
        calls = (ir.calls_in_statements(unit.functions[name].body) if unit.tu.error_lines else
                 [call for node_id in cfg.graph.nodes for call in ir.calls_in(cfg.node(node_id).expr)])
        for call in calls:
            found = next((rules.callback_args[n] for n in call.names if n in rules.callback_args), [])
            for rule in found:
                function = function_arg(call.args[rule["arg"]]) if rule["arg"] < len(call.args) else None
                if function not in unit.functions:
                    continue
                registration = Registration(function, rule["context"], rule["what"], call.loc.line, call.loc.col,
                                            f"{call.written or call.callee}() in {name}()")
                if registration not in out.get(function, []):
                    out.setdefault(function, []).append(registration)
    return out
