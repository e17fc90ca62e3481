"""null-return: a value that may be NULL (or an ERR_PTR) dereferenced on a path that never checked it,
an ERR_PTR-returning call tested only against NULL, and IS_ERR applied to a call that returns NULL.

The value a call returns gets its own symbol in the shared dataflow engine; assignments bind variables
and struct fields to it, so a check through an alias (``q = p; if (!q)``) or through the field it was
stored into (``dev->buf = kzalloc(...); if (!dev->buf)``) constrains the same value.  Error tests
(``IS_ERR(p)``) are remembered as links from the test's result to the value, so a path that took the
"not an error" branch knows it.  Nothing is reported for a value the function only stores or frees.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from drvlint import ir
from drvlint.cfg import CFG, CfgNode
from drvlint.checker import Checker
from drvlint.contextmodel import ContextRules
from drvlint.dataflow import PathState, Range, assigned_keys, call_symbol, run
from drvlint.findings import Finding, Step
from drvlint.lockmodel import lock_class
from drvlint.pointermodel import Dereferences, PointerRules, local_values, null_tested_values
from drvlint.unit import Unit

NOFAIL = "___GFP_NOFAIL"


@dataclass(frozen=True, slots=True)
class Origin:
    """A value produced by a call that can fail: its symbol, what failure looks like, where."""

    symbol: str
    kind: str  # null | err | both
    line: int
    col: int
    api: str
    vouches: tuple[str, ...] = ()  # argument values known non-NULL once this result passed IS_ERR()


@dataclass(frozen=True, slots=True)
class ErrTest:
    """``IS_ERR(value)`` evaluated: its result symbol, the value tested, and whether it also covers NULL."""

    result: str
    value: str
    covers: str  # err | err_or_null
    valid_nonzero: bool = False  # a true result means valid (i2c_client_has_driver), not a false one

    def says_valid(self, facts: dict[str, Range]) -> bool:
        """Did this path take the result that means a valid pointer?"""
        known = facts.get(self.result)
        if known is None:
            return False
        if not self.valid_nonzero:
            return known.value == 0
        return 0 in known.ne or (known.lo is not None and known.lo > 0) or (known.hi is not None and known.hi < 0)


class _Analysis:
    def __init__(self, checker: "NullReturnChecker", returning: dict[str, str], checked_elsewhere: set[str],
                 function: str):
        self.checker = checker
        self.function = function
        self.returning = returning  # same-file functions that may return NULL / ERR_PTR
        self.checked_elsewhere = checked_elsewhere  # lookups another function of the file NULL-tests
        self._local_values: Optional[dict[str, list[ir.Expr]]] = None

    def initial(self):
        return frozenset()

    def before(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> PathState:
        """Apply what a passed IS_ERR() vouches for (``devm_ioremap_resource(dev, res)`` fails on NULL res)."""
        return self._vouched(state)

    @staticmethod
    def _vouched(state: PathState) -> PathState:
        for origin in state.data:
            if not isinstance(origin, Origin) or not origin.vouches:
                continue
            passed = any(isinstance(t, ErrTest) and t.value == origin.symbol and t.says_valid(state.facts)
                         for t in state.data)
            if passed:
                for symbol in origin.vouches:
                    state = state.constrain(symbol, Range(ne=frozenset({0}))) or state
        return state

    def _origin(self, cfg: CFG, call: ir.Call, node_id: int, state: PathState) -> Optional[Origin]:
        """The failure-carrying value this call produces on this path, if any."""
        kind = self.checker.pointers.returns_kind(call) or self.returning.get(call.callee or "")
        symbol = state.symbol(call, node_id)  # a pure stub's value is named after the assignment
        if kind is None or symbol is None or self.checker.cannot_fail(call, self.function):
            return None
        if lookup_key(call) in self.checked_elsewhere:
            return None  # a lookup the file already checks where it first makes it (probe): an invariant
        chosen = self.checker.pointers.chosen_key(call)
        if chosen is not None and not chosen.may_miss(call, self._values(cfg)):
            return None  # the key names something that exists (the bound interface's own number)
        indexes = next((self.checker.pointers.nonnull_on_success[n] for n in call.names
                        if n in self.checker.pointers.nonnull_on_success), ())
        vouches = tuple(v for v in (state.symbol(call.args[i], node_id) for i in indexes if i < len(call.args)) if v)
        return Origin(symbol, kind, call.loc.line, call.loc.col, call.written or call.callee or "?", vouches)

    @staticmethod
    def keep_apart(state: PathState) -> frozenset:
        """What each failure-carrying value is known to be: a path that found it NULL and one that found it
        valid must not merge (``if (!skb) goto done;`` ... ``done: if (success) skb->dev = ...``)."""
        return frozenset((o.symbol, state.facts.get(o.symbol)) for o in state.data if isinstance(o, Origin))

    @staticmethod
    def live_symbols(state: PathState) -> list[str]:
        """The values this checker's data still names (the engine forgets facts about all others)."""
        out: list[str] = []
        for item in state.data:
            if isinstance(item, Origin):
                out.append(item.symbol)
                out.extend(item.vouches)
            else:
                out.extend((item.result, item.value))
        return out

    def _values(self, cfg: CFG) -> dict[str, list[ir.Expr]]:
        if self._local_values is None:
            self._local_values = local_values(cfg)
        return self._local_values

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState):
        if node.expr is None:
            return [state]
        added = []
        for call in ir.calls_in(node.expr):
            covers = self.checker.pointers.err_check(call)
            if covers is not None and call.args:
                value = state.symbol(call.args[0], node_id)
                if value is not None:
                    added.append(ErrTest(call_symbol(node_id, call), value, covers,
                                         any(n in self.checker.pointers.valid_nonzero for n in call.names)))
                continue
            origin = self._origin(cfg, call, node_id, state)
            if origin is not None:
                added.append(origin)
        return [state.with_data(state.data | frozenset(added))] if added else [state]


class NullReturnChecker(Checker):
    rule_id = "null-return"
    name = "Unchecked NULL or ERR_PTR return"
    short = "A pointer returned by a call that can fail is used without the right check (NULL or IS_ERR)."
    description = (
        "Reports a dereference (->, *, [], or passing it to a function that dereferences it) of a value returned "
        "by an allocator or lookup that may return NULL, on a path where it was never checked; an ERR_PTR-returning "
        "call tested only against NULL; IS_ERR applied to a function that returns NULL on failure; and a possible "
        "ERR_PTR dereferenced without IS_ERR. Checks through aliases and the struct field the pointer was stored in "
        "count.")
    help_markdown = (
        "**Unchecked NULL / ERR_PTR return** (generic programming defect; CWE-476, CWE-252, CWE-253).\n\n"
        "Allocators (`kzalloc`, `usb_alloc_urb`, `alloc_etherdev`...) and lookups (`platform_get_resource`, "
        "`of_get_property`) return NULL on failure; `devm_ioremap_resource`, `devm_clk_get`, `kthread_run` and "
        "others return an ERR_PTR and never NULL, so `if (!p)` never catches their failure, and `IS_ERR()` never "
        "catches a NULL.\n\n"
        "Fix: test the value the way its API fails: `if (!p) return -ENOMEM;` for NULL, "
        "`if (IS_ERR(p)) return PTR_ERR(p);` for ERR_PTR, `IS_ERR_OR_NULL()` for optional getters.")
    category = "generic/null-error-pointer"
    cwe = (476, 252, 253)
    precision = "high"
    level = "warning"
    security_severity = "6.5"

    def check(self, unit: Unit) -> Iterable[Finding]:
        self.pointers = PointerRules(self.rules)
        self.tu = unit.tu
        self.context = ContextRules(self.rules, unit.tu.header_constants)
        self.nofail = unit.tu.header_constants.get(NOFAIL)
        derefs = Dereferences.of(unit, self.rules)
        returning: dict[str, str] = {}
        findings: list[Finding] = []
        tested_lookups = self._checked_lookups(unit)
        for name in unit.bottom_up():
            cfg = unit.cfgs[name]
            if not self._relevant(cfg, returning):
                continue
            elsewhere = {call for call, where in tested_lookups.items() if where - {name}}
            result = run(cfg, _Analysis(self, returning, elsewhere, name))
            checked = _FunctionCheck(self, unit, name, cfg, result.states_in, derefs)
            findings.extend(checked.findings())
            kind = checked.returns_failure()
            if kind is not None:
                returning[name] = kind
                unit.summarise(name, "returns", kind)
        if unit.wants_summaries:
            for name, function in unit.functions.items():
                if not function.is_static and derefs.param_derefs(name, unchecked_only=True):
                    unit.summarise(name, "derefs", sorted(derefs.param_derefs(name, unchecked_only=True)))
        return findings

    def cannot_fail(self, call: ir.Call, function: str) -> bool:
        """An allocation with __GFP_NOFAIL, or a match lookup in a driver only an OF match binds."""
        if self.pointers.matched(call, self.tu, function):
            return True
        mask = self.context.gfp_arg(call)
        mask = ir.strip(mask) if mask is not None else None
        return (isinstance(mask, ir.Const) and mask.value is not None and self.nofail is not None
                and bool(mask.value & self.nofail))

    def _checked_lookups(self, unit: Unit) -> dict[str, set[str]]:
        """Lookup calls (``platform_get_resource(pdev, IORESOURCE_MEM, 0)``) whose result some function
        stores and NULL-tests, by call text, with the functions that test them."""
        out: dict[str, set[str]] = {}
        for name, cfg in unit.cfgs.items():
            stored: dict[str, set[str]] = {}  # variable or field -> the lookups stored in it
            tested: set[str] = set()
            for node_id in cfg.graph.nodes:
                node = cfg.node(node_id)
                if node.expr is None:
                    continue
                if node.kind == "branch":
                    tested |= {ir.expr_key(e) for e in null_tested_values(node.expr)}
                for write in assigned_keys(node.expr):
                    value = ir.strip(write.value) if write.value is not None else None
                    if isinstance(value, ir.Call) and set(value.names) & self.pointers.lookups:
                        stored.setdefault(write.key, set()).add(lookup_key(value))
            for key, calls in stored.items():
                if key in tested:
                    for call in calls:
                        out.setdefault(call, set()).add(name)
        return out

    def _relevant(self, cfg: CFG, returning: dict[str, str]) -> bool:
        for node_id in cfg.graph.nodes:
            for call in ir.calls_in(cfg.node(node_id).expr):
                if self.pointers.returns_kind(call) or call.callee in returning:
                    return True
        return False


def lookup_key(call: ir.Call) -> str:
    """A lookup's text with its first argument named by its last field, so that the device probe passes
    as ``pdev`` and ndo_open reaches as ``priv->pdev`` make the same lookup."""
    if not call.args:
        return ir.expr_key(call)
    args = [lock_class(ir.expr_key(call.args[0]))] + [ir.expr_key(a) for a in call.args[1:]]
    return f"{call.written or call.callee}({', '.join(args)})"


class _FunctionCheck:
    def __init__(self, checker: NullReturnChecker, unit: Unit, name: str, cfg: CFG,
                 states_in: dict[int, frozenset], derefs: Dereferences):
        self.checker = checker
        self.unit = unit
        self.function = unit.functions[name]
        self.cfg = cfg
        self.states_in = states_in
        self.derefs = derefs
        self.out: dict[tuple, Finding] = {}
        self.reported: set[str] = set()  # values already reported once (one finding per bug)
        self.err_tested = {t.value for states in states_in.values() for s in states for t in s.data
                           if isinstance(t, ErrTest)}

    def findings(self) -> list[Finding]:
        for node_id in sorted(self.states_in, key=lambda n: (self.cfg.node(n).loc.line, n)):
            node = self.cfg.node(node_id)
            if node.expr is None:
                continue
            only_null = self._only_null_tested(node_id, node)
            for state in self.states_in[node_id]:
                state = _Analysis._vouched(state)  # as the engine's hook sees it at this node
                origins = {o.symbol: o for o in state.data if isinstance(o, Origin)}
                if not origins:
                    continue
                self._misused_tests(node_id, node, state, origins, only_null)
                self._dereferences(node_id, node, state, origins)
        return list(self.out.values())

    # ------------------------------------------------------------------ wrong checks

    def _only_null_tested(self, node_id: int, node: CfgNode) -> set[int]:
        """The IS_ERR() calls at this node whose value comes from a NULL-returning call on every path: one
        that also tests an ERR_PTR-returning call's result on another path (``skb = decrypt(skb)`` on one
        branch only) is needed."""
        out = set()
        states = self.states_in[node_id]
        for call in ir.calls_in(node.expr):
            if self.checker.pointers.err_check(call) != "err" or not call.args:
                continue
            kinds = set()
            for state in states:
                symbol = state.symbol(call.args[0], node_id) or ""
                kinds.add(next((o.kind for o in state.data if isinstance(o, Origin) and o.symbol == symbol), None))
            if kinds == {"null"}:
                out.add(id(call))
        return out

    def _misused_tests(self, node_id: int, node: CfgNode, state: PathState, origins: dict[str, Origin],
                       only_null: set[int]) -> None:
        if node.kind == "branch":
            for name in null_tested_values(node.expr):
                origin = origins.get(state.symbol(name, node_id) or "")
                if origin is not None and origin.kind == "err" and origin.symbol not in self.err_tested:
                    self._report(origin, node.loc,
                                 f"'{ir.expr_key(name)}' is tested against NULL, but {origin.api}() returns an "
                                 f"ERR_PTR on failure, never NULL: use IS_ERR()",
                                 "tested against NULL here: the failure goes unnoticed")
        for call in ir.calls_in(node.expr):
            if self.checker.pointers.err_check(call) == "err" and call.args and id(call) in only_null:
                origin = origins.get(state.symbol(call.args[0], node_id) or "")
                if origin is not None and origin.kind == "null":
                    self._report(origin, call.loc,
                                 f"{call.written or call.callee}() is applied to the result of {origin.api}(), which "
                                 f"returns NULL on failure, never an ERR_PTR: the check can never fire",
                                 "IS_ERR() on a NULL-returning call")

    # ------------------------------------------------------------------ dereferences

    def _dereferences(self, node_id: int, node: CfgNode, state: PathState, origins: dict[str, Origin]) -> None:
        for deref in self.derefs.at(node.expr, unchecked_only=True):
            origin = origins.get(state.symbol(deref.pointer, node_id) or "")
            if origin is None or origin.symbol in self.reported:
                continue
            text = ir.expr_key(deref.pointer)
            if origin.kind in ("null", "both") and state.range_of(deref.pointer, node_id).may_be(0) \
                    and not self._checked(state, origin, "err_or_null"):
                self._report(origin, node.loc, f"'{text}' may be NULL here ({origin.api}() returns NULL on "
                                               f"failure) and is dereferenced ({deref.how}) without a check",
                             f"dereferenced ({deref.how}) on a path where it was not checked")
            elif origin.kind in ("err", "both") and not self._checked(state, origin, "err"):
                self._report(origin, node.loc, f"'{text}' may be an ERR_PTR here ({origin.api}() returns one on "
                                               f"failure) and is dereferenced ({deref.how}) without IS_ERR()",
                             f"dereferenced ({deref.how}) without IS_ERR()")

    @staticmethod
    def _checked(state: PathState, origin: Origin, need: str) -> bool:
        """Did this path take the "valid pointer" side of an error test of the value?"""
        for test in state.data:
            if isinstance(test, ErrTest) and test.value == origin.symbol and (need == "err" or
                                                                            test.covers == "err_or_null"):
                if test.says_valid(state.facts):
                    return True
        return False

    def _report(self, origin: Origin, loc: ir.Loc, message: str, last: str) -> None:
        if origin.symbol in self.reported:
            return
        self.reported.add(origin.symbol)
        key = (loc.line, origin.line)
        if key in self.out:
            return
        steps = [Step(origin.line, origin.col, f"{origin.api}() may fail here"), Step(loc.line, loc.col, last)]
        self.out[key] = Finding(self.checker.rule_id, message, self.unit.path, loc.line, loc.col, self.function.name,
                                steps, self.checker.level, self.checker.category, self.checker.cwe)

    # ------------------------------------------------------------------ summary

    def returns_failure(self) -> Optional[str]:
        """'err' when the function returns an ERR_PTR it made or got on some path; 'null' when it passes
        on an unchecked NULL-able allocation: its callers must check."""
        if self.function.return_kind != "pointer":
            return None
        kinds = set()
        for node_id, states in self.states_in.items():
            node = self.cfg.node(node_id)
            if node.kind != "return" or node.expr is None:
                continue
            value = ir.strip(node.expr)
            if isinstance(value, ir.Call) and set(value.names) & {"ERR_PTR", "ERR_CAST"}:
                kinds.add("err")
                continue
            for state in states:
                symbol = state.symbol(value, node_id)
                for origin in state.data:
                    if isinstance(origin, Origin) and origin.symbol == symbol:
                        if origin.kind != "err" and state.range_of(value, node_id).may_be(0):
                            kinds.add("null")
                        if origin.kind != "null" and not self._checked(state, origin, "err"):
                            kinds.add("err")
        if not kinds:
            return None
        return "both" if len(kinds) == 2 else kinds.pop()
