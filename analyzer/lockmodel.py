"""Lock semantics shared by the lock checkers: the rule tables, lock events at a CFG node, and the
per-path lock state the dataflow engine carries.

A lock's state on a path records whether it is held now and how this function first touched it:
acquired here (``entry=False``) or released although not taken here (``entry=True``: the caller held
it).  That distinction is what separates a lock helper (net acquire) from code that drops and re-takes
its caller's lock (net nothing), and a double unlock from releasing the caller's lock.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Optional

from . import ir
from .cfg import CfgNode
from .dataflow import PathState, Range, assigned_keys, call_symbol, exact, mentions, within
from .rules import FieldSpec, RuleSet, TableSpec, declare

ACTIONS = ("acquire", "release", "try_nonzero", "try_zero")

LOCK_TABLE = declare(TableSpec("lock", {
    "names": FieldSpec(list, True),
    "action": FieldSpec(str, True, ACTIONS),
    "arg": FieldSpec(int),  # index of the lock argument (default 0)
    "lock": FieldSpec(str),  # a pseudo-lock for argument-less APIs: "rcu", "irq", "preempt", "bh"
    "kind": FieldSpec(str, True),  # spinlock, rwlock, mutex, semaphore, rwsem, rcu, irq, preempt, bh
    "atomic": FieldSpec(bool),  # holding it makes the context atomic (no sleeping)
    "nestable": FieldSpec(bool),  # may be taken again while held (rcu_read_lock, preempt_disable)
    "shared": FieldSpec(bool),  # reader side
    "fails": FieldSpec(str, False, ("negative", "nonzero")),  # try_zero: what a failed call returns
    # Python: the lock is the method's receiver (``self._lock.acquire()`` locks ``self._lock``), and
    # arguments that make an acquire a try (``blocking=False``, ``timeout=1``: see analyzer/pymodel.py)
    "receiver": FieldSpec(bool),
    "try_when": FieldSpec(list),
    # a pseudo-lock taken or released together with the lock argument: spin_lock_irqsave() also disables
    # interrupts, so spin_unlock_irqrestore() ends a local_irq_save() + spin_lock() region
    "also": FieldSpec(str),
    # a release that sets a state instead of counting down (local_irq_enable(), local_irq_restore()):
    # doing it when the state is already released is not a bug
    "idempotent": FieldSpec(bool),
}, "Calls that take or release a lock. try_nonzero: taken iff the call returns non-zero (spin_trylock); "
   "try_zero: taken iff it returns 0 (mutex_lock_interruptible, down_trylock)."))

GUARD_TABLE = declare(TableSpec("guard", {
    "class": FieldSpec(str, True),  # guard(CLASS) / scoped_guard(CLASS, ...)
    "kind": FieldSpec(str, True),
    "arg": FieldSpec(int),
    "lock": FieldSpec(str),
    "atomic": FieldSpec(bool),
    "nestable": FieldSpec(bool),
}, "Lock classes usable with guard(CLASS)(lock) and scoped_guard(CLASS, lock): released at scope exit."))


INIT_TABLE = declare(TableSpec("lock_init", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int),  # index of the lock argument (default 0)
    "count_arg": FieldSpec(int, True),  # index of the initial count
    "kind": FieldSpec(str, True),
}, "Calls that initialise a counting lock with a count (sema_init(sem, n)).  Only a semaphore initialised "
   "with the constant 1 is a mutual-exclusion lock; one started at 0 is an event (up() signals, another "
   "context waits) and one started at n > 1 or a run-time count admits n holders, so neither has to be "
   "balanced in the function that takes it."))

ALIAS_TABLE = declare(TableSpec("lock_alias", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int),
}, "Functions that return (a view of) their lock argument, e.g. spinlock_check() inside spin_lock_irqsave()."))


@dataclass(frozen=True, slots=True)
class LockEvent:
    """One lock operation at a node."""

    action: str  # acquire | release | try_nonzero | try_zero
    key: str
    expr: Optional[ir.Expr]  # the lock expression (None for pseudo-locks)
    kind: str
    loc: ir.Loc
    call: Optional[ir.Call] = None
    api: str = ""
    nestable: bool = False
    atomic: bool = False
    via: str = ""  # name of the same-file helper this event comes from
    fails_negative: bool = True  # try_zero: a failed call returns a negative errno
    idempotent: bool = False  # a release that sets a state: releasing it again is not a bug
    companion: bool = False  # the pseudo-lock a call takes with its lock (spin_lock_bh's local_bh)
    when: tuple = ()  # (argument, Range) pairs: a helper's effect that its parameters decide


@dataclass(frozen=True, slots=True)
class Held:
    """A lock's state on one path."""

    key: str
    held: int  # depth; 0 = not held
    entry: Optional[bool]  # None: untouched; False: first taken here; True: caller held it
    site: int  # line of the operation that set this state
    kind: str


LockData = frozenset  # of Held


def _side(action: str) -> str:
    """Trylocks take their lock like an acquire."""
    return "release" if action == "release" else "acquire"


def lock_class(key: str) -> str:
    """The field a lock lives in (``&dev->priv->lock`` -> ``lock``), or the whole name for globals."""
    for sep in ("->", "."):
        if sep in key:
            key = key.rsplit(sep, 1)[1]
    return key.lstrip("&*")


def locks_of(data: LockData) -> dict[str, Held]:
    return {h.key: h for h in data}


class LockTable:
    """Rule lookups for calls and guards."""

    def __init__(self, rules: RuleSet):
        self.calls = rules.by_name("lock")
        self.guards = {r["class"]: r for r in rules.table("guard")}
        self.aliases = {name: r.get("arg", 0) for name, r in rules.by_name("lock_alias").items()}
        self.inits = rules.by_name("lock_init")
        # pseudo-lock -> the rules of its own calls (local_irq -> local_irq_disable's and local_irq_enable's)
        self.pseudo: dict[tuple[str, str], dict] = {}
        for rule in rules.table("lock"):
            if rule.get("lock"):
                self.pseudo.setdefault((rule["lock"], _side(rule["action"])), rule)
        self.pseudo_locks = frozenset(lock for lock, _ in self.pseudo)  # local_irq, local_bh, preempt, rcu

    def counting_classes(self, calls: Iterable[ir.Call]) -> set[tuple[str, str]]:
        """(lock class, kind) of the locks these calls initialise with a count other than the constant 1:
        event and counting semaphores, which have no owner."""
        out: set[tuple[str, str]] = set()
        for call in calls:
            rule = next((self.inits[n] for n in call.names if n in self.inits), None)
            if rule is None or max(rule.get("arg", 0), rule["count_arg"]) >= len(call.args):
                continue
            count = ir.strip(call.args[rule["count_arg"]])
            if not (isinstance(count, ir.Const) and count.value == 1):
                out.add((lock_class(ir.expr_key(self.unalias(call.args[rule.get("arg", 0)]))), rule["kind"]))
        return out

    def rule_for(self, call: ir.Call):
        for name in call.names:
            rule = self.calls.get(name)
            if rule is not None:
                return rule
        return None

    def events_for_call(self, call: ir.Call) -> list[LockEvent]:
        """The call's lock event, then the pseudo-lock it also takes or releases."""
        event = self.event_for_call(call)
        if event is None:
            return []
        rule = self.rule_for(call)
        also = self.pseudo.get((rule.get("also", ""), _side(event.action)))
        if also is None:
            return [event]
        return [event, replace(self._event(also, event.action, (), call.loc, call, event.api), companion=True)]

    def with_pseudo_traits(self, event: LockEvent) -> LockEvent:
        """A helper's effect on a pseudo-lock behaves like the pseudo-lock's own calls (nestable...)."""
        rule = self.pseudo.get((event.key, _side(event.action)))
        if rule is None:
            return event
        return replace(event, nestable=rule.get("nestable", False), atomic=rule.get("atomic", False), companion=True)

    def event_for_call(self, call: ir.Call) -> Optional[LockEvent]:
        rule = self.rule_for(call)
        if rule is None:
            return None
        action = rule["action"]
        if rule.get("try_when") and action == "acquire":
            from .pymodel import any_holds
            if any_holds(call, rule["try_when"]):
                action = "try_nonzero"
        if rule.get("receiver"):
            receiver = call.receiver
            if receiver is None:
                return None
            return self._event(rule, action, (receiver,), call.loc, call, call.callee or call.written or "")
        return self._event(rule, action, call.args, call.loc, call, call.written or call.callee or "")

    def event_for_guard(self, guard, release: bool, loc: ir.Loc) -> Optional[LockEvent]:
        rule = self.guards.get(guard.lock_class)
        if rule is None:
            return None
        return self._event(rule, "release" if release else "acquire", guard.args, loc, None,
                           f"guard({guard.lock_class})")

    def _event(self, rule, action: str, args: tuple, loc: ir.Loc, call, api: str) -> Optional[LockEvent]:
        if rule.get("lock"):
            key, expr = rule["lock"], None
        else:
            index = rule.get("arg", 0)
            if index >= len(args):
                return None
            expr = self.unalias(args[index])
            key = ir.expr_key(expr)
        return LockEvent(action, key, expr, rule["kind"], loc, call, api, rule.get("nestable", False),
                         rule.get("atomic", False), fails_negative=rule.get("fails", "negative") == "negative",
                         idempotent=rule.get("idempotent", False))

    def unalias(self, expr: ir.Expr) -> ir.Expr:
        expr = ir.strip(expr)
        while isinstance(expr, ir.Call) and any(n in self.aliases for n in expr.names):
            index = next(self.aliases[n] for n in expr.names if n in self.aliases)
            if index >= len(expr.args):
                break
            expr = ir.strip(expr.args[index])
        return expr


# ------------------------------------------------------------------ summaries of same-file functions


@dataclass(frozen=True, slots=True)
class SummaryEffect:
    """What calling a function does to one lock, in terms of its parameters."""

    action: str  # acquire | release | try_zero | try_nonzero
    lock: ir.Expr  # template over the callee's parameter names
    kind: str
    when: tuple[tuple[str, Range], ...] = ()  # only when these parameters lie in these ranges


@dataclass(frozen=True)
class LockSummary:
    params: tuple[str, ...]
    effects: tuple[SummaryEffect, ...]

    def events(self, call: ir.Call, via: str) -> list[LockEvent]:
        mapping = {p: ir.strip(a) for p, a in zip(self.params, call.args)}
        out = []
        for effect in self.effects:
            if (ir.names_in(effect.lock) | {p for p, _ in effect.when}) & set(self.params) - set(mapping):
                continue
            expr = ir.substitute(effect.lock, mapping)
            when = tuple((mapping[p], rng) for p, rng in effect.when)
            out.append(LockEvent(effect.action, ir.expr_key(expr), expr, effect.kind, call.loc, call, via, via=via,
                                 when=when))
        return out


# ------------------------------------------------------------------ the transfer function


Observer = Callable[[str, LockEvent, PathState, Held | None], None]


class LockTracker:
    """Applies lock events to path states; reports what it sees to an optional observer
    ("double-acquire", "release-unheld", "release-untouched", "release-held"; checkers judge them)."""

    def __init__(self, table: LockTable, summaries: dict[str, LockSummary]):
        self.table = table
        self.summaries = summaries
        self._events: dict[tuple[int, int], list[LockEvent]] = {}
        # per function (cfg id): a stable local's value -> the local (``hw->priv`` -> ``priv``), so a
        # callee's lock named through its parameters matches the caller's own name for it
        self.folds: dict[int, dict[str, ir.Expr]] = {}
        self.fold_source: Optional[Callable[[int], dict[str, ir.Expr]]] = None  # fills folds when first asked

    def initial(self, function: ir.Function) -> LockData:
        held = []
        for note in function.annotations:
            if note.kind in ("__must_hold", "__releases"):
                key = ir.expr_key(note.lock)
                held.append(Held(key, 1, True, function.loc.line, "annotated"))
        return frozenset(held)

    def events(self, cfg_id: int, node_id: int, node: CfgNode) -> list[LockEvent]:
        cache_key = (cfg_id, node_id)
        cached = self._events.get(cache_key)
        if cached is not None:
            return cached
        events: list[LockEvent] = []
        if node.kind in ("acquire", "release") and node.guard is not None:
            event = self.table.event_for_guard(node.guard, node.kind == "release", node.loc)
            if event is not None:
                events.append(event)
        elif node.expr is not None:
            for call in ir.calls_in(node.expr):
                own = self.table.events_for_call(call)
                if own:
                    events.extend(own)
                elif call.callee in self.summaries:
                    events.extend(self.table.with_pseudo_traits(self._folded(cfg_id, e))
                                  for e in self.summaries[call.callee].events(call, call.callee))
        self._events[cache_key] = events
        return events

    def _folded(self, cfg_id: int, event: LockEvent) -> LockEvent:
        if event.expr is None:
            return event
        folds = self.folds.get(cfg_id)
        if folds is None and self.fold_source is not None:
            folds = self.folds[cfg_id] = self.fold_source(cfg_id)
        if not folds:
            return event
        expr = ir.replace_keyed(event.expr, folds)
        key = ir.expr_key(expr)
        return event if key == event.key else replace(event, key=key, expr=expr)

    def step(self, cfg_id: int, node_id: int, node: CfgNode, state: PathState,
             observe: Optional[Observer] = None) -> list[PathState]:
        states = [self.forget_reassigned(node, state)]
        for event in self.events(cfg_id, node_id, node):
            nxt: list[PathState] = []
            for current in states:
                nxt.extend(self.apply(node_id, event, current, observe))
            states = nxt
        return states

    @staticmethod
    def forget_reassigned(node: CfgNode, state: PathState) -> PathState:
        """A lock named through a variable that is assigned here is another lock from now on: forget
        the released or caller-held states recorded under the old name (a loop that unlocks
        ``&serial->m`` for each ``serial`` is not a double unlock).  Held locks stay: they are still held."""
        if node.expr is None or node.kind == "return" or not state.data:
            return state
        written = [w.key for w in assigned_keys(node.expr) if not w.by_call]
        if not written:
            return state
        kept = frozenset(h for h in state.data if h.held or not any(mentions(h.key, w) for w in written))
        return state if len(kept) == len(state.data) else state.with_data(kept)

    def apply(self, node_id: int, event: LockEvent, state: PathState,
              observe: Optional[Observer]) -> Iterable[PathState]:
        if event.when and not all(within(state.range_of(arg, node_id), rng) for arg, rng in event.when):
            yield state  # (``up_write_ref_node(node, locked)`` releases only when the caller passes false)
            return
        locks = locks_of(state.data)
        current = locks.get(event.key)
        if event.action == "release":
            yield state.with_data(self._release(event, current, locks, state, observe))
            return
        acquired = self._acquire(event, current, locks, state, observe)
        if event.action == "acquire":
            yield state.with_data(acquired)
            return
        symbol = call_symbol(node_id, event.call) if event.call is not None else None
        taken_when: Range = Range(ne=frozenset({0})) if event.action == "try_nonzero" else exact(0)
        if event.action == "try_nonzero":
            failed_when = exact(0)
        else:
            failed_when = Range(hi=-1) if event.fails_negative else Range(ne=frozenset({0}))
        if symbol is None:
            yield state.with_data(acquired)
            yield state
            return
        taken = state.with_data(acquired).constrain(symbol, taken_when)
        failed = state.constrain(symbol, failed_when)
        if taken is not None:
            yield taken
        if failed is not None:
            yield failed

    def _acquire(self, event: LockEvent, current: Optional[Held], locks: dict[str, Held], state: PathState,
                 observe: Optional[Observer]) -> LockData:
        if current is not None and current.held:
            if not event.nestable and observe is not None and event.action == "acquire":
                observe("double-acquire", event, state, current)
            depth = min(current.held + 1, 3) if event.nestable else current.held
            locks[event.key] = Held(event.key, depth, current.entry, event.loc.line, event.kind)
        else:
            entry = current.entry if current is not None and current.entry is not None else False
            locks[event.key] = Held(event.key, 1, entry, event.loc.line, event.kind)
        return frozenset(locks.values())

    @staticmethod
    def _same_class_held(event: LockEvent, locks: dict[str, Held]) -> Optional[Held]:
        """The one lock this function took that a release under another name must mean: same kind,
        same field (``&user->barrier`` taken through a helper's argument, released through the pointer
        the helper returned).  Like lockdep's lock classes; used only when the exact name is unknown."""
        cls = lock_class(event.key)
        matches = [h for h in locks.values() if h.held and h.entry is False and h.kind == event.kind
                   and h.key != event.key and lock_class(h.key) == cls]
        return matches[0] if len(matches) == 1 else None

    def _release(self, event: LockEvent, current: Optional[Held], locks: dict[str, Held], state: PathState,
                 observe: Optional[Observer]) -> LockData:
        if event.companion and (current is None or current.held == 0):
            # the interrupt or BH state a lock call gives back with its lock, when this function did not
            # take it (the caller's lock, a macro's hidden local_irq_save(), a nesting deeper than counted):
            # the lock's own release is what to judge; the state is recorded for the function's summary
            # and for the checkers (a release of the caller's state: a hand-off)
            if current is None or current.entry is None:
                if observe is not None:
                    observe("release-untouched", event, state, current)
                locks[event.key] = Held(event.key, 0, True, event.loc.line, event.kind)
            return frozenset(locks.values())
        if current is None or current.entry is None:
            alias = self._same_class_held(event, locks)
            if alias is not None:
                if observe is not None:
                    observe("release-held", event, state, alias)
                locks[alias.key] = Held(alias.key, alias.held - 1, alias.entry, event.loc.line, event.kind)
                return frozenset(locks.values())
            if observe is not None:
                observe("release-untouched", event, state, current)
            locks[event.key] = Held(event.key, 0, True, event.loc.line, event.kind)
        elif current.held == 0:
            if observe is not None and not event.idempotent:
                observe("release-unheld", event, state, current)
        else:
            if observe is not None:
                observe("release-held", event, state, current)
            locks[event.key] = Held(event.key, current.held - 1, current.entry, event.loc.line, event.kind)
        return frozenset(locks.values())
