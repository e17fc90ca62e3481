"""sleep-in-atomic: a call that may sleep, made where sleeping is forbidden (a spinlock, rwlock or RCU
read side held, interrupts, preemption or bottom halves disabled, or a function the kernel calls in
atomic context: IRQ handlers, timers, tasklets, URB completions, NAPI polls, some net_device_ops).

What makes it precise (DSAC's lessons, without Smatch's database): the lock state comes from the
shared path-sensitive lock flow, so a lock released before the call does not count; may-sleep
summaries of same-file functions carry the path condition on their parameters (a ``can_sleep`` flag,
a gfp mask passed in) and are checked against each caller's arguments; run-time context tests
(``in_atomic()``, ``irqs_disabled()``, ``gfpflags_allow_blocking()``) silence the side that says sleeping
is allowed; and the report sits at the outermost call inside the atomic code, with the whole chain.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

import networkx as nx

from drvlint import ir
from drvlint.checker import Checker
from drvlint.contextmodel import ATOMIC_CONTEXTS, ContextRules, Registration, registrations
from drvlint.dataflow import PathState, Range, mentions
from drvlint.findings import Finding, Step
from drvlint.lockflow import LockFlow
from drvlint.lockmodel import Held, lock_class
from drvlint.unit import Unit

MAX_WITNESSES = 6  # sleeping paths kept per function summary
MAX_ROUNDS = 4  # fixpoint rounds over a recursive component


Conditions = tuple[tuple[str, Range], ...]  # parameter -> the values for which the path runs


@dataclass(frozen=True)
class Witness:
    """One way a function may sleep: the calls from its body down to the sleeping primitive, the
    condition on its parameters under which that path runs, and the locks (in terms of its parameters)
    it has released by then: a caller holding one of those does not hold it when the sleep happens."""

    steps: tuple[Step, ...]
    calls: tuple[str, ...]  # the function called at each step, down to the sleeping primitive
    params: Conditions = ()
    gfp_param: Optional[str] = None  # sleeps only when this parameter's gfp mask allows direct reclaim
    released: tuple[ir.Expr, ...] = ()
    released_classes: frozenset[tuple[str, str]] = frozenset()  # (field, kind) of released locks not nameable
    hardirq_only: bool = False  # a problem only in hard-IRQ context (del_timer_sync)
    # the path tested an expression of a parameter the conditions cannot state (``flags & CMD_ASYNC``):
    # whether it sleeps depends on what the caller passes, so it is not exported as a whole-tree summary
    param_dependent: bool = False

    @property
    def primitive(self) -> str:
        return self.calls[-1]


@dataclass(frozen=True)
class SleepSite:
    """A call at a node that may sleep on the current path, with what the current function's own
    parameters must be for it to happen and the locks released on the way (keys, in this function)."""

    call: ir.Call
    witness: Witness  # steps start at this call
    carried: Conditions = ()
    released: tuple[ir.Expr, ...] = ()  # in this function's terms
    released_classes: frozenset[tuple[str, str]] = frozenset()

    @property
    def released_keys(self) -> frozenset[str]:
        return frozenset(ir.expr_key(lock) for lock in self.released)


class SleepInAtomicChecker(Checker):
    rule_id = "sleep-in-atomic"
    name = "Sleep in atomic context"
    short = "A function that may sleep is called while a spinlock is held, interrupts are off, or in an IRQ-like callback."
    description = (
        "Reports calls that may sleep (sleeping locks, waits, USB/I2C transfers, user copies, allocations whose "
        "gfp mask allows direct reclaim, and same-file functions that may reach one) made in atomic context: under "
        "a spinlock, rwlock or rcu_read_lock, with interrupts, preemption or bottom halves disabled, or in a "
        "function the kernel calls atomically (IRQ handler, timer, tasklet, URB completion, NAPI poll, "
        "ndo_start_xmit...). The report shows where atomic context began and every call down to the sleep.")
    help_markdown = (
        "**Sleeping in atomic context** (concurrency defect: deadlock in an atomic context; CWE-667, CWE-833).\n\n"
        "A function that sleeps while a spinlock is held or interrupts are disabled can deadlock the CPU or "
        "trigger `BUG: sleeping function called from invalid context`. In an interrupt handler, timer, tasklet "
        "or URB completion there is no process to put to sleep at all.\n\n"
        "Fix: use the non-sleeping variant (`GFP_ATOMIC`, `mdelay()`/`udelay()`, `usb_unlink_urb()`, a spinlock "
        "instead of a mutex), move the sleeping work out of the lock or into a work item / threaded IRQ, or "
        "allocate before taking the lock. Code guarded by `in_atomic()`, `irqs_disabled()`, "
        "`gfpflags_allow_blocking()` or a `can_sleep` flag is checked on the side that allows sleeping only.")
    category = "concurrency/atomic-deadlock"
    cwe = (667, 833)
    precision = "high"
    level = "warning"
    security_severity = "5.5"

    def check(self, unit: Unit) -> Iterable[Finding]:
        lockflow = LockFlow.of(unit, self.rules)
        context = lockflow.context  # (the one whose context tests the lock flow keeps the results of)
        atomic_kinds = {r["kind"] for table in ("lock", "guard") for r in self.rules.table(table) if r.get("atomic")}
        registered = registrations(unit, context)
        summaries: dict[str, tuple[Witness, ...]] = {}
        findings: dict[tuple[str, int], Finding] = {}
        needed = self._reachable_from_atomic_code(unit, lockflow, atomic_kinds, registered)
        for name in needed:
            unit.summarise(name, "atomic_reach", True)
        if unit.wants_summaries:  # a study also wants what other files can call: non-static functions
            visible = {name for name, function in unit.functions.items() if not function.is_static}
            needed = needed | visible | {d for name in visible for d in nx.descendants(unit.call_graph, name)}
        condensed = nx.condensation(unit.call_graph)
        for component in reversed(list(nx.topological_sort(condensed))):
            members = sorted(m for m in condensed.nodes[component]["members"] if m in needed)
            if not members:
                continue
            for _ in range(MAX_ROUNDS if len(members) > 1 or unit.call_graph.has_edge(members[0], members[0]) else 1):
                changed = False
                for name in members:
                    checked = _FunctionPass(self, unit, name, context, lockflow, atomic_kinds,
                                            registered.get(name, []), summaries)
                    witnesses = checked.run()
                    findings.update(checked.findings)
                    if summaries.get(name, ()) != witnesses:
                        summaries[name] = witnesses
                        changed = True
                if not changed:
                    break
        self._summarise(unit, summaries)
        return list(findings.values())

    @staticmethod
    def _summarise(unit: Unit, summaries: dict[str, tuple[Witness, ...]]) -> None:
        """For a study: each function's first way of sleeping that holds whatever its caller passes."""
        for name, witnesses in summaries.items():
            plain = next((w for w in witnesses if not w.params and w.gfp_param is None and not w.hardirq_only
                          and not w.param_dependent and not w.released and not w.released_classes), None)
            if plain is not None:
                unit.summarise(name, "may_sleep", {"calls": list(plain.calls),
                                                   "steps": [[s.line, s.col, s.message] for s in plain.steps]})

    @staticmethod
    def _reachable_from_atomic_code(unit: Unit, lockflow: LockFlow, atomic_kinds: set[str],
                                    registered: dict[str, list[Registration]]) -> set[str]:
        """Functions whose sleeping matters: those with atomic regions or atomic registrations, and
        everything they call in this file (whose may-sleep summaries they need).  The rest (probe,
        ioctl and other process-context code) is never analysed by this checker."""
        roots = {name for name, regs in registered.items() if any(r.context in ATOMIC_CONTEXTS for r in regs)}
        for name, flow in lockflow.flows.items():
            if flow.locking and any(event.kind in atomic_kinds for node_id in flow.cfg.graph.nodes
                                    for event in lockflow.tracker.events(flow.cfg_id, node_id, flow.cfg.node(node_id))):
                roots.add(name)
        needed = set(roots)
        for root in roots:
            needed |= nx.descendants(unit.call_graph, root)
        return needed


class _FunctionPass:
    """One function: its sleeping calls on each path, judged against the atomic context of that path."""

    def __init__(self, checker: SleepInAtomicChecker, unit: Unit, name: str, context: ContextRules,
                 lockflow: LockFlow, atomic_kinds: set[str], registered: list[Registration],
                 summaries: dict[str, tuple[Witness, ...]]):
        self.checker = checker
        self.unit = unit
        self.name = name
        self.function = unit.functions[name]
        self.cfg = unit.cfgs[name]
        self.context = context
        self.lockflow = lockflow
        self.atomic_kinds = atomic_kinds
        atomic = [r for r in registered if r.context in ATOMIC_CONTEXTS]
        self.atomic_registration = next((r for r in atomic if r.context == "hardirq"), atomic[0] if atomic else None)
        self.summaries = summaries
        self.params = tuple(p.name for p in self.function.params)
        self.findings: dict[tuple[str, int], Finding] = {}
        self.witnesses: list[Witness] = []

    def run(self) -> tuple[Witness, ...]:
        candidates = [n for n in self.cfg.graph.nodes if self._may_sleep_here(self.cfg.node(n).expr)]
        if not candidates:
            return ()
        states_in = self.lockflow.flow(self.name).states_in
        for node_id in sorted(candidates):
            for state in states_in.get(node_id, ()):
                if self.context.process_by_test(state, self.params) is not None:
                    continue  # the code tested its context and knows it may sleep here
                for site in self._sites(node_id, state):
                    self._judge(node_id, state, site)
        unique = list(dict.fromkeys(self.witnesses))
        return tuple(unique[:MAX_WITNESSES])

    def _may_sleep_here(self, expr: Optional[ir.Expr]) -> bool:
        if expr is None:
            return False
        return any(self.context.sleep_rule(c) is not None or self.context.gfp_arg(c) is not None
                   or self.summaries.get(c.callee or "") for c in ir.calls_in(expr))

    # ------------------------------------------------------------------ what may sleep at a node

    def _sites(self, node_id: int, state: PathState) -> Iterable[SleepSite]:
        for call in ir.calls_in(self.cfg.node(node_id).expr):
            name = call.written or call.callee or "?"
            rule = self.context.sleep_rule(call)
            if rule is not None:
                carried = self._argument_condition(call, rule, state, node_id)
                if carried is not None:
                    why = rule.get("why", "may sleep")
                    chain = tuple(_chain_step(text) for text in rule.get("chain", ()))
                    calls = (name,) + tuple(rule.get("calls", ()))
                    yield SleepSite(call, Witness((_step_at(call, f"{name}() {why}"),) + chain, calls,
                                                  hardirq_only=rule.get("hardirq_only", False)), carried)
                continue
            mask = self.context.gfp_arg(call)
            if mask is not None:
                verdict = self.context.mask_sleeps(mask)
                if verdict:
                    yield SleepSite(call, Witness((_step_at(call, f"{name}() allocates with a gfp mask that allows "
                                                                f"direct reclaim: it may sleep"),), (name,)))
                elif verdict is None:
                    param = self._param_named(mask, state, node_id)
                    if param is not None:
                        yield SleepSite(call, Witness((_step_at(call, f"{name}() allocates with the caller's gfp mask "
                                                                    f"'{param}'"),), (name,), gfp_param=param))
                continue
            for witness in self.summaries.get(call.callee or "", ()):
                site = self._through(call, witness, state, node_id)
                if site is not None:
                    yield site

    def _argument_condition(self, call: ir.Call, rule, state: PathState, node_id: int) -> Optional[Conditions]:
        """For a primitive that sleeps only above an argument threshold (``fsleep(usecs)`` busy-waits up
        to 10 us): None when this path's argument stays below it, else the condition it puts on a
        parameter of this function that the argument still holds."""
        index, above = rule.get("arg"), rule.get("above")
        if index is None or above is None or index >= len(call.args):
            return ()
        needed = Range(lo=above + 1)
        arg = call.args[index]
        if state.range_of(arg, node_id).meet(needed).empty:
            return None
        param = self._param_named(arg, state, node_id)
        return ((param, needed),) if param is not None else ()

    def _through(self, call: ir.Call, witness: Witness, state: PathState, node_id: int) -> Optional[SleepSite]:
        """A callee's way of sleeping, seen from this call: dropped when the arguments rule it out."""
        callee = self.unit.functions[call.callee]
        args = {p.name: arg for p, arg in zip(callee.params, call.args)}
        carried: list[tuple[str, Range]] = []
        for param, needed in witness.params:
            arg = args.get(param)
            if arg is None:
                continue
            if state.range_of(arg, node_id).meet(needed).empty:
                return None
            own = self._param_named(arg, state, node_id)
            if own is not None:
                carried.append((own, needed))
        gfp_param = None
        if witness.gfp_param is not None:
            arg = args.get(witness.gfp_param)
            verdict = self.context.mask_sleeps(arg) if arg is not None else None
            if verdict is False:
                return None
            if verdict is None:
                gfp_param = self._param_named(arg, state, node_id) if arg is not None else None
                if gfp_param is None:
                    return None  # an unknown mask: stay silent
        step = Step(call.loc.line, call.loc.col, f"calls {call.callee}(), which may sleep")
        released = tuple(ir.substitute(lock, args) for lock in witness.released
                         if ir.names_in(lock) <= set(args) | _globals(lock))
        return SleepSite(call, Witness((step,) + witness.steps, (call.callee or "?",) + witness.calls,
                                       gfp_param=gfp_param,
                                       hardirq_only=witness.hardirq_only,
                                       param_dependent=witness.param_dependent),
                         tuple(carried), released, witness.released_classes)

    def _param_named(self, expr: ir.Expr, state: PathState, node_id: int) -> Optional[str]:
        """The parameter an expression still holds the caller's value of, if any."""
        expr = ir.strip(expr)
        if isinstance(expr, ir.Name) and expr.name in self.params and state.symbol(expr, node_id) == expr.name:
            return expr.name
        return None

    # ------------------------------------------------------------------ judging one path

    def _atomic_lock(self, state: PathState, site: SleepSite) -> Optional[Held]:
        """The first atomic lock held on this path and not released by the callee before it sleeps (a
        callee's lock that cannot be named here counts by its class: struct field and kind)."""
        held = [h for h in state.data if h.held and h.kind in self.atomic_kinds and h.key not in site.released_keys
                and (lock_class(h.key), h.kind) not in site.released_classes]
        # spin_lock_irqsave() also disables interrupts: name the lock, not the pseudo-lock taken with it
        pseudo = self.lockflow.table.pseudo_locks
        return min(held, key=lambda h: (h.site, h.key in pseudo, h.key)) if held else None

    def _judge(self, node_id: int, state: PathState, site: SleepSite) -> None:
        lock = self._atomic_lock(state, site)
        registration = self.atomic_registration
        if site.witness.hardirq_only:  # harmless under a lock or in softirq context: only hard IRQ counts
            lock = None
            if registration is not None and registration.context != "hardirq":
                registration = None
        if lock is None and registration is None:
            conditions = dict(site.carried)
            for param, rng in self._param_conditions(state):
                conditions[param] = conditions[param].meet(rng) if param in conditions else rng
            released, classes = self._released(state, site)
            self.witnesses.append(Witness(site.witness.steps, site.witness.calls, tuple(sorted(
                conditions.items(), key=lambda item: item[0])), site.witness.gfp_param, released, classes,
                site.witness.hardirq_only, site.witness.param_dependent or self._tests_param_expression(state)))
            return
        if site.witness.gfp_param is not None or site.carried:
            return  # whether it sleeps depends on a value this function was given: the callers decide
        self._report(site, lock, registration)

    def _tests_param_expression(self, state: PathState) -> bool:
        """Does this path know a fact about an expression of an unchanged parameter (not the parameter
        itself, which the conditions carry)?  Fields read through a pointer parameter count too: they may
        be device state (``priv->wpa.rsn_enabled``) or a flag the caller set (``cmd->flags & CMD_ASYNC``
        in a command it built), and only the second kind is common enough on cross-file chains to decide
        (iwlwifi: 16 chains through CMD_ASYNC commands against 6 real ones lost in ks7010, b44, cdns3)."""
        return any(key not in self.params and not key.startswith("$") and any(
            p not in state.binds and mentions(key, p) for p in self.params) for key in state.facts)

    def _param_conditions(self, state: PathState) -> Conditions:
        return tuple((p, state.facts[p]) for p in self.params if p in state.facts and p not in state.binds)

    def _released(self, state: PathState, site: SleepSite) -> tuple[tuple[ir.Expr, ...], frozenset]:
        """Locks this function's caller held and this path has released before the sleep, as
        expressions over the parameters (``spin_unlock_irqrestore(lock, flags); schedule_timeout();``),
        and the classes of those it names through its own locals (``dev = fd->private_data``)."""
        exprs = self.lockflow.flow(self.name).lock_exprs
        pseudo = self.lockflow.table.pseudo_locks  # local_irq dropped by spin_unlock_irq(): a class of its own
        dropped = [h for h in state.data if not h.held and h.entry is True and (h.key in exprs or h.key in pseudo)]
        nameable = set(self.params)
        out = [exprs[h.key] for h in dropped
               if h.key in exprs and ir.names_in(exprs[h.key]) <= nameable | _globals(exprs[h.key])]
        out += [lock for lock in site.released if ir.names_in(lock) <= nameable | _globals(lock)]
        classes = {(lock_class(h.key), h.kind) for h in dropped if h.key not in exprs or exprs[h.key] not in out}
        classes |= site.released_classes
        return tuple(dict.fromkeys(out)), frozenset(classes)

    def _report(self, site: SleepSite, lock: Optional[Held], registration: Optional[Registration]) -> None:
        call = site.call
        key = (self.name, call.loc.line)
        if key in self.findings:
            return
        name = call.written or call.callee or "?"
        if lock is not None:
            where = f"while '{lock.key}' ({lock.kind}) is held (taken at line {lock.site})"
            begin = Step(lock.site, 0, f"'{lock.key}' ({lock.kind}) acquired here: atomic context begins")
        else:
            where = (f"in a {registration.what}: {self.name}() runs in atomic context "
                     f"(registered at line {registration.line} by {registration.by})")
            begin = Step(registration.line, registration.col,
                         f"{self.name}() registered here as a {registration.what} by {registration.by}")
        chain = site.witness.steps
        via = "" if len(chain) == 1 else f" (through {' -> '.join(c + '()' for c in site.witness.calls[1:])})"
        verb = "may deadlock waiting for a timer callback" if site.witness.hardirq_only else "may sleep"
        message = f"{name}() {verb}{via} {where}; the blocking call is {site.witness.primitive}()"
        if len(chain) == 1:
            message = f"{name}() {verb} {where}"
        self.findings[key] = Finding(self.checker.rule_id, message, self.unit.path, call.loc.line, call.loc.col,
                                     self.name, [begin, *chain], self.checker.level, self.checker.category,
                                     self.checker.cwe)


def _globals(expr: ir.Expr) -> set[str]:
    return {n.name for n in ir.walk_expr(expr) if isinstance(n, ir.Name) and not n.is_param and not n.is_local}


def _step_at(call: ir.Call, message: str) -> Step:
    return Step(call.loc.line, call.loc.col, message)


def _chain_step(text: str) -> Step:
    """A step in another file, from a study's injected rule: ``path:line:col: message``."""
    path, line, col, message = text.split(":", 3)
    return Step(int(line), int(col), message.strip(), path)
