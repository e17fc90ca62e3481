"""py-unchecked-none: a value from a call that may return None (``usb.core.find``, ``re.match``,
``dict.get``...) used on a path that never checked it.

The call's result gets its own symbol in the shared dataflow engine; assignments bind names and
``self`` attributes to it, and ``if dev is None: raise``, ``if not dev: return``, ``if m:`` constrain it
(None is the constant 0 in the IR).  A use is an attribute access or method call on the value, a
subscript, unpacking or iteration, a call of it, or passing it where the rules say None is not accepted
(``len``, ``usb.util.claim_interface``).  ``assert dev`` is not a check: ``python -O`` strips it.  After a
use, the path where the value was None has raised, so only the first unchecked use is reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from drvlint import ir
from drvlint.cfg import CFG, CfgNode
from drvlint.cfg_py import handled
from drvlint.checker import Checker
from drvlint.dataflow import PathState, Range, run
from drvlint.findings import Finding, Step
from drvlint.pymodel import any_holds, argument, rule_for
from drvlint.rules import Rule
from drvlint.unit import Unit

NONZERO = Range(ne=frozenset({0}))
HANDLES_NONE = ("AttributeError", "TypeError")  # what using None raises


@dataclass(frozen=True, slots=True)
class Origin:
    """A value that may be None: its symbol and the call that made it."""

    symbol: str
    api: str
    line: int
    why: str


@dataclass(frozen=True, slots=True)
class Use:
    value: ir.Expr
    how: str  # "attribute access", "subscript"...
    loc: ir.Loc


class _Analysis:
    def __init__(self, checker: "PyUncheckedNoneChecker"):
        self.checker = checker

    def initial(self):
        return frozenset()

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState):
        if node.expr is None:
            return [state]
        for use in self.checker.uses(node.expr):
            symbol = state.symbol(use.value, node_id)
            if symbol is not None and any(o.symbol == symbol for o in state.data):
                state = state.constrain(symbol, NONZERO) or state  # had it been None, the use raised
        added = []
        for call in ir.calls_in(node.expr):
            origin = self.checker.origin(call, state, node_id)
            if origin is not None:
                added.append(origin)
        return [state.with_data(state.data | frozenset(added))] if added else [state]


class PyUncheckedNoneChecker(Checker):
    rule_id = "py-unchecked-none"
    name = "Unchecked None (Python)"
    short = "A value from a call that may return None is used without a None check."
    description = (
        "Reports an attribute access, method call, subscript, iteration, unpacking or call of a value returned by "
        "a call that returns None on failure (usb.core.find, usb.util.find_descriptor, usb1 "
        "getByVendorIDAndProductID/openByVendorIDAndProductID, bleak find_device_by_*, re.match, dict.get...), or "
        "passing it where None is not accepted, on a path where it was never compared with None. `assert x` does "
        "not count as a check: it is stripped under python -O.")
    help_markdown = (
        "**Unchecked None** (generic programming defect; CWE-476, CWE-252).\n\n"
        "`dev = usb.core.find(idVendor=V, idProduct=P)` returns None when the device is not plugged in; "
        "`dev.set_configuration()` then raises AttributeError far from the cause. `assert dev` disappears "
        "under `python -O`.\n\n"
        "Fix: `if dev is None: raise ValueError('device not found')` (or return) before the first use.")
    category = "generic/null-error-pointer"
    cwe = (476, 252)
    precision = "high"
    level = "warning"
    security_severity = "5.0"
    languages = ("python",)

    def check(self, unit: Unit) -> Iterable[Finding]:
        self.returns_none = self.rules.by_name("py_returns_none")
        self.needs_value = self.rules.by_name("py_needs_value")
        findings: dict[tuple, Finding] = {}
        for name, cfg in unit.cfgs.items():
            if not any(self._may_originate(cfg.node(n).expr) for n in cfg.graph.nodes):
                continue
            result = run(cfg, _Analysis(self))
            for node_id in sorted(result.states_in):
                node = cfg.node(node_id)
                if node.expr is None:
                    continue
                if handled(cfg, node_id, HANDLES_NONE):
                    continue  # the TypeError/AttributeError a None raises here is caught on purpose
                for use in self.uses(node.expr):
                    for state in result.states_in[node_id]:
                        origin = self._unchecked(use, state, node_id)
                        if origin is not None:
                            key = (origin.line, use.loc.line, ir.expr_key(use.value))
                            findings.setdefault(key, self._finding(unit, name, use, origin, node))
                            break
        return list(findings.values())

    # ------------------------------------------------------------------ origins and uses

    def _may_originate(self, expr: Optional[ir.Expr]) -> bool:
        return any(rule_for(self.returns_none, c) is not None for c in ir.calls_in(expr))

    def origin(self, call: ir.Call, state: PathState, node_id: int) -> Optional[Origin]:
        rule: Optional[Rule] = rule_for(self.returns_none, call)
        if rule is None or any_holds(call, rule.get("unless")):
            return None
        symbol = state.symbol(call, node_id)
        if symbol is None:
            return None
        return Origin(symbol, call.callee or call.written or "?", call.loc.line, rule.get("why", "may return None"))

    def uses(self, expr: ir.Expr) -> Iterator[Use]:
        """Where an expression needs a value that is not None."""
        for node in ir.walk_expr(expr):
            if isinstance(node, ir.Member):
                yield Use(node.base, f"attribute '.{node.field}'", node.loc)
            elif isinstance(node, ir.Index):
                yield Use(node.base, "subscript", node.loc)
            elif isinstance(node, ir.Opaque) and node.text == "unpack" and node.children:
                yield Use(node.children[0], "unpacking", node.loc)
            elif isinstance(node, ir.Call):
                target = ir.strip(node.target) if node.target is not None else None
                if isinstance(target, ir.Name) and node.callee == target.name and target.is_local:
                    yield Use(target, "call", node.loc)
                rule = rule_for(self.needs_value, node)
                if rule is not None:
                    for index in rule["args"]:
                        arg = argument(node, f"#{index}")
                        if arg is not None:
                            yield Use(arg, f"argument of {node.callee or node.written}()", node.loc)

    def _unchecked(self, use: Use, state: PathState, node_id: int) -> Optional[Origin]:
        value = ir.strip(use.value)
        if isinstance(value, ir.Call):
            return self.origin(value, state, node_id)  # used straight away: nothing could check it
        symbol = state.symbol(value, node_id)
        if symbol is None or state.facts.get(symbol, Range()).nonzero:
            return None
        return next((o for o in state.data if o.symbol == symbol), None)

    def _finding(self, unit: Unit, function: str, use: Use, origin: Origin, node: CfgNode) -> Finding:
        text = ir.expr_key(use.value)
        loc = use.loc if use.loc != ir.NOLOC else node.loc
        same = origin.line == loc.line
        message = (f"'{text}' may be None here ({origin.api}() {origin.why}): {use.how} "
                   f"{'of its result' if same else 'on a path'} with no None check")
        steps = [Step(origin.line, 0, f"{origin.api}() may return None"),
                 Step(loc.line, loc.col, f"{use.how} of '{text}' without a None check")]
        return Finding(self.rule_id, message, unit.path, loc.line, loc.col, function, steps, self.level,
                       self.category, self.cwe)
