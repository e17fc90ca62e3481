"""The lock dataflow of one file, run once and shared: lock-imbalance judges its returns, sleep-in-atomic
asks which locks are held before each call.

Functions are analysed bottom-up so that same-file lock helpers (``foo_lock(dev)``) are summarised
before their callers.  Functions without lock operations are analysed lazily, when a checker asks for
their path facts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import ir
from .callerfacts import entry_facts
from .cfg import CFG, CfgNode
from .contextmodel import ContextRules
from .dataflow import ANY, PathState, hull, local_assignments, run
from .lockmodel import LockSummary, LockTable, LockTracker, SummaryEffect, locks_of
from .returns import ReturnState, classify_return
from .rules import RuleSet
from .unit import Unit


@dataclass
class FunctionFlow:
    """Converged path states before each node of one function, and its returns."""

    function: ir.Function
    cfg: CFG
    cfg_id: int
    states_in: dict[int, frozenset]
    returns: list[ReturnState] = field(default_factory=list)
    lock_exprs: dict[str, ir.Expr] = field(default_factory=dict)  # lock key -> the expression naming it
    locking: bool = False  # has lock operations of its own (or annotations)


class _Analysis:
    """The engine's view: lock tracking as the transfer function."""

    def __init__(self, tracker: LockTracker, function: ir.Function, cfg_id: int, context: ContextRules):
        self.tracker = tracker
        self.function = function
        self.cfg_id = cfg_id
        self.context = context

    def initial(self):
        return self.tracker.initial(self.function)

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState):
        return self.tracker.step(self.cfg_id, node_id, node, state)

    def live_symbols(self, state: PathState) -> list[str]:
        """Lock data names no value; the sleep checker reads context tests' results by call name."""
        return self.context.read_symbols(state)


class LockFlow:
    def __init__(self, unit: Unit, rules: RuleSet):
        self.unit = unit
        self.table = LockTable(rules)
        self.summaries: dict[str, LockSummary] = {}
        self.tracker = LockTracker(self.table, self.summaries)
        self.context = ContextRules(rules, unit.tu.header_constants)
        self.order = unit.bottom_up()
        self.cfg_ids = {name: index for index, name in enumerate(self.order)}
        self._stable: dict[str, dict[str, ir.Expr]] = {}
        self.tracker.fold_source = lambda cfg_id: {ir.expr_key(v): ir.Name(k, is_local=True)
                                                   for k, v in self.stable(self.order[cfg_id]).items()}
        self.flows: dict[str, FunctionFlow] = {}
        self._locking: dict[str, bool] = {}
        for name in self.order:
            if self.has_lock_events(name):
                flow = self.flow(name)
                flow.locking = True
                summary = summarise(flow, self.table.pseudo_locks, self.stable(name))
                if summary is not None:
                    self.summaries[name] = summary
                    unit.summarise(name, "locks", [[e.action, ir.expr_key(e.lock), e.kind] + _stored_when(e)
                                                   for e in summary.effects])

    @classmethod
    def of(cls, unit: Unit, rules: RuleSet) -> "LockFlow":
        """The file's lock flow, computed by the first checker that asks."""
        return unit.shared(("lockflow", rules.digest), lambda: cls(unit, rules))

    def stable(self, name: str) -> dict[str, ir.Expr]:
        """The function's stable locals (see stable_locals), found when first asked: only functions that
        take a lock or call one that does need them, and finding them reads every expression."""
        known = self._stable.get(name)
        if known is None:
            known = self._stable[name] = stable_locals(self.unit.functions[name], self.unit.cfgs[name])
        return known

    def has_lock_events(self, name: str) -> bool:
        """Does the function take, drop or enter holding a lock?  Without, no path of it holds one: asking
        which locks it holds needs no run (callbacks' reachable helpers are most of a large driver)."""
        known = self._locking.get(name)
        if known is None:
            function, cfg, cfg_id = self.unit.functions[name], self.unit.cfgs[name], self.cfg_ids[name]
            known = self._locking[name] = bool(function.annotations) or any(
                self.tracker.events(cfg_id, n, cfg.node(n)) for n in cfg.graph.nodes)
        return known

    def flow(self, name: str) -> FunctionFlow:
        """The converged states of one function (run on first request)."""
        done = self.flows.get(name)
        if done is not None:
            return done
        function, cfg, cfg_id = self.unit.functions[name], self.unit.cfgs[name], self.cfg_ids[name]
        # callers' facts only where a lock is taken or released: functions run lazily for their path
        # facts (what a callback reaches) would each cost their callers' runs too
        entry = entry_facts(self.unit, name) if self.has_lock_events(name) else None
        result = run(cfg, _Analysis(self.tracker, function, cfg_id, self.context), entry)
        flow = FunctionFlow(function, cfg, cfg_id, result.states_in)
        for node_id in sorted(result.states_in):
            node = cfg.node(node_id)
            for event in self.tracker.events(cfg_id, node_id, node):
                if event.expr is not None:
                    flow.lock_exprs.setdefault(event.key, event.expr)
            if node.kind == "return":
                for state in result.states_in[node_id]:
                    for out in self.tracker.step(cfg_id, node_id, node, state):
                        flow.returns.append(classify_return(function, node_id, node, out))
        self.flows[name] = flow
        return flow


# ------------------------------------------------------------------ summaries


def stable_locals(function: ir.Function, cfg: CFG) -> dict[str, ir.Expr]:
    """Locals assigned once, from parameters and globals the function never writes, and never taken by
    address (``struct cw1200_common *priv = hw->priv;``): the same value everywhere in the function."""
    writes = local_assignments(cfg)
    exprs = [e for e in (cfg.node(n).expr for n in cfg.graph.nodes) if e is not None]
    addressed = {ir.expr_key(e.operand) for expr in exprs for e in ir.walk_expr(expr)
                 if isinstance(e, ir.Unary) and e.op == "&" and isinstance(ir.strip(e.operand), ir.Name)}
    params = {p.name for p in function.params}
    out: dict[str, ir.Expr] = {}
    for name, assigned in writes.items():
        if len(assigned) != 1 or assigned[0].by_call or assigned[0].value is None or name in addressed \
                or name in params:
            continue
        value = ir.strip(assigned[0].value)
        if not isinstance(value, (ir.Member, ir.Name)) or not ir.is_pure(value):
            continue
        reads = [n for n in ir.walk_expr(value) if isinstance(n, ir.Name)]
        if all(not n.is_local and n.name not in writes for n in reads):
            out[name] = value
    return out


def net_effect(ret: ReturnState, key: str) -> str:
    """What a function did to lock ``key`` by this return: acquire, release or none."""
    held = locks_of(ret.state.data).get(key)
    if held is None or held.entry is None:
        return "none"
    if held.held and held.entry is False:
        return "acquire"
    if not held.held and held.entry is True:
        return "release"
    return "none"


def bare(key: str) -> str:
    """Annotations name a lock with or without its address-of: ``__acquires(x->lock)``."""
    return key[1:] if key.startswith("&") else key


def summarise(flow: FunctionFlow, pseudo: frozenset[str] = frozenset(),
              stable: Optional[dict[str, ir.Expr]] = None) -> Optional[LockSummary]:
    """The function's net lock effect for its callers, in terms of its parameters (a lock named through
    a local set once from them, ``priv = hw->priv``, is named through that).  What the analysis
    sees wins over ``__acquires``/``__releases`` (sparse annotations cannot say "only on success"); an
    annotation speaks for locks the analysis could not follow.  Pseudo-locks (``local_irq``) are named
    as globals: a helper's ``spin_unlock_irqrestore(lock, flags)`` also enables interrupts."""
    function = flow.function
    params = tuple(p.name for p in function.params)
    effects: list[SummaryEffect] = []
    keys = {h.key for r in flow.returns for h in r.state.data if h.entry is not None}
    for key in sorted(keys):
        expr = flow.lock_exprs.get(key) or (ir.Name(key) if key in pseudo else None)
        if expr is not None and stable:
            expr = ir.substitute(expr, stable)
        if expr is None or any(isinstance(n, ir.Name) and n.is_local for n in ir.walk_expr(expr)):
            continue
        kind = next((h.kind for r in flow.returns for h in r.state.data if h.key == key), "lock")
        action = _summary_action(flow, key)
        if action:
            effects.append(SummaryEffect(action, expr, kind))
        elif (decided := parameter_decided(flow, key, params)) is not None:
            effects.append(SummaryEffect(decided[0], expr, kind, decided[1]))
    seen = {bare(ir.expr_key(e.lock)) for e in effects}
    for note in function.annotations:
        action = {"__acquires": "acquire", "__releases": "release"}.get(note.kind)
        if action and bare(ir.expr_key(note.lock)) not in seen:
            effects.append(SummaryEffect(action, note.lock, "annotated"))
    if not effects:
        return None
    return LockSummary(params, tuple(effects))


def _summary_action(flow: FunctionFlow, key: str) -> Optional[str]:
    nets = [(r, net_effect(r, key)) for r in flow.returns if r.cls != "exempt"]
    if not nets:
        return None
    kinds = {net for _, net in nets}
    if kinds == {"acquire"}:
        return "acquire"
    if kinds == {"release"}:
        return "release"
    if kinds == {"acquire", "none"}:
        taken = [r for r, net in nets if net == "acquire"]
        not_taken = [r for r, net in nets if net == "none"]
        if all(r.cls == "success" for r in taken) and all(r.cls == "error" for r in not_taken):
            if flow.function.return_kind in ("pointer", "bool") or all(r.value not in (None, 0) for r in taken):
                return "try_nonzero"
            if all(r.value == 0 for r in taken):
                return "try_zero"
    return None


def _stored_when(effect: SummaryEffect) -> list[dict[str, list]]:
    return [{p: [r.lo, r.hi, sorted(r.ne)] for p, r in effect.when}] if effect.when else []


def parameter_decided(flow: FunctionFlow, key: str, params: tuple[str, ...]) -> Optional[tuple[str, tuple]]:
    """A helper that takes (or drops) the lock on some returns and never touches it on the others, where
    its unchanged parameters tell the two apart (``if (node) { if (!locked) down_write(&node->lock); }``):
    the effect, and the parameter ranges under which it happens, for the callers to decide with what they
    pass.  None when some return leaving the lock alone fits every such range, or took and released it
    (``lock(); if (flags & X) return -EINVAL; unlock();`` is a leak, not a contract)."""
    nets = [(r, net_effect(r, key)) for r in flow.returns if r.cls != "exempt"]
    kinds = {net for _, net in nets}
    if len(kinds) != 2 or "none" not in kinds or "acquire" not in kinds and "release" not in kinds:
        return None
    action = next(k for k in kinds if k != "none")
    acting = [r.state for r, net in nets if net == action]
    idle = [r.state for r, net in nets if net == "none"]
    if any(h.key == key for s in idle for h in s.data):
        return None
    when = []
    for param in params:
        ranges = [s.facts.get(param) if param not in s.binds else None for s in acting]
        if any(rng is None for rng in ranges):
            continue
        joined = hull(*ranges)
        if joined != ANY and any(param not in s.binds and s.facts.get(param, ANY).meet(joined).empty for s in idle):
            when.append((param, joined))  # (only what tells some idle return apart: not ``d`` of ``d->busy++``)
    if not when or not all(any(s.facts.get(p, ANY).meet(rng).empty for p, rng in when if p not in s.binds)
                           for s in idle):
        return None
    return action, tuple(when)
