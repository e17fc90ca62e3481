"""lock-imbalance: a lock left held on some returns, taken twice, or released when not held.

Smatch's lesson, not Sparse's: compare returns of the same kind only (an error return that keeps a
lock its success return releases is a leak; a function that holds the lock exactly on success is a
conditional-acquire helper), exempt -EINTR/-ERESTARTSYS, summarise same-file helpers, and let path
feasibility, not a per-block counter, decide what "held" means.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import networkx as nx

from drvlint import ir
from drvlint.checker import Checker
from drvlint.dataflow import IDENTIFIER, PathState, assigned_keys
from drvlint.findings import Finding, Step
from drvlint.lockflow import FunctionFlow, LockFlow, bare, net_effect, parameter_decided
from drvlint.lockmodel import Held, LockEvent, lock_class, locks_of
from drvlint.returns import ReturnState
from drvlint.unit import Unit
from drvlint.witness import branch_steps

INDEX = re.compile(r"\[([^\[\]]*)\]")
SLEEPING_KINDS = ("mutex", "semaphore", "rwsem")  # a second acquisition waits rather than spins


class LockImbalanceChecker(Checker):
    rule_id = "lock-imbalance"
    name = "Imbalanced lock"
    short = "A lock is left held on some return paths, acquired twice, or released when not held."
    description = (
        "Reports a function that returns with a lock it took still held on some paths while other returns of "
        "the same kind (success or error) release it, an error return that keeps a lock the success return "
        "releases, a lock acquired again while already held on a feasible path, and a lock released on a path "
        "where it is not held. Paths are followed with branch conditions, trylock and interruptible results, "
        "and same-file lock helpers.")
    help_markdown = (
        "**Imbalanced locks** (concurrency defect; CWE-667, CWE-764, CWE-765).\n\n"
        "A lock that stays held on an error path deadlocks the next caller; a double acquisition of a "
        "non-recursive kernel lock deadlocks at once; releasing a lock that is not held corrupts its state.\n\n"
        "Fix: release the lock on every return path (a common exit label such as `out_unlock:` helps), or use "
        "`guard()`/`scoped_guard()`. Returns of `-EINTR`/`-ERESTARTSYS` are exempt; a function that holds the "
        "lock on every return (a lock helper) or exactly on success (a conditional-acquire helper) is not "
        "reported. Annotate intentional cases with `__acquires()`, `__releases()` or `__must_hold()`.")
    category = "concurrency/imbalanced-locks"
    cwe = (667, 764, 765)
    precision = "high"
    level = "warning"
    security_severity = "5.5"

    def check(self, unit: Unit) -> Iterable[Finding]:
        lockflow = LockFlow.of(unit, self.rules)
        checks = [_FunctionCheck(self, unit, lockflow, flow) for flow in
                  (lockflow.flows[name] for name in lockflow.order if name in lockflow.flows) if flow.locking]
        handed_off = self._handed_off(unit, checks) | self._escaped(unit, checks)
        unowned = lockflow.tracker.table.counting_classes(c for calls in unit.calls.values() for c in calls)
        unowned |= self._unowned_semaphores(unit, lockflow)
        return [finding for checked in checks for finding in checked.findings(handed_off, unowned)]

    @staticmethod
    def _unowned_semaphores(unit: Unit, lockflow: LockFlow) -> set[tuple[str, str]]:
        """Semaphores a signaller ups: a function reached from outside the file (exported, or stored as a
        callback) that never downs it, such as a completion freeing a command slot (``up(ent->page_queue ?
        &cmd->pages_sem : &cmd->sem)``); and semaphores the file downs but never ups (another file's
        callback does: ``BUG_ON(down_trylock(&mlc->isem))`` marks input pending).  A semaphore has no
        owner: the function that downs it may leave the up to that signaller, so no per-function balance
        holds.  (An unlock helper reached only through the functions that down it is not a signaller.)"""
        table = lockflow.tracker.table
        downs: dict[str, set[str]] = {}  # class -> functions that down it
        ups: dict[str, set[str]] = {}
        for name, calls in unit.calls.items():
            for call in calls:
                event = table.event_for_call(call)
                if event is None or event.kind != "semaphore" or event.expr is None:
                    continue
                for cls in {lock_class(ir.expr_key(arm)) for arm in _arms(event.expr)}:
                    (ups if event.action == "release" else downs).setdefault(cls, set()).add(name)
        entries = {n for n, f in unit.functions.items() if not f.is_static or n in unit.escaped}
        graph = unit.call_graph
        out: set[tuple[str, str]] = set()
        for cls in set(downs) | set(ups):
            upping = ups.get(cls, set())
            if not upping:
                out.add((cls, "semaphore"))
                continue
            downing = downs.get(cls, set())
            signallers = upping - downing
            outside = graph.subgraph(set(graph.nodes) - downing)  # (not through a function that downs it)
            if any((nx.descendants(outside, e) | {e}) & signallers for e in entries - downing):
                out.add((cls, "semaphore"))
        return out

    @staticmethod
    def _escaped(unit: Unit, checks: list["_FunctionCheck"]) -> set[tuple[str, str]]:
        """Locks whose address the file stores in a data structure (``t->act.semaphore = &tsem``):
        whoever holds that pointer (an interrupt handler, a completion) releases them."""
        kinds = {key_kind for checked in checks for key_kind in checked.acquired_classes}
        stored: set[str] = set()
        for cfg in unit.cfgs.values():
            for node_id in cfg.graph.nodes:
                expr = cfg.node(node_id).expr
                if expr is None:
                    continue
                for node in ir.walk_expr(expr):
                    if isinstance(node, ir.Binary) and node.op == "=":
                        value = ir.strip(node.rhs)
                        if isinstance(value, ir.Unary) and value.op == "&" and not isinstance(
                                ir.strip(node.lhs), ir.Temp):
                            stored.add(lock_class(ir.expr_key(value)))
        return {(cls, kind) for cls, kind in kinds if cls in stored}

    @staticmethod
    def _handed_off(unit: Unit, checks: list["_FunctionCheck"]) -> set[tuple[str, str]]:
        """Lock classes that a function of this file releases without taking, when neither it nor its
        callers take them (a callback such as an URB completion or ``post_reset``, or an event producer
        doing ``up()``): the file hands them over between functions (``pre_reset`` takes,
        ``post_reset`` releases; ``down()`` per URB, ``up()`` in its completion), so a return that keeps
        one held is the protocol, not a leak.  Unlock helpers do not count: their callers take the lock."""
        acquiring = {checked.function.name: checked.acquired_classes for checked in checks}
        out: set[tuple[str, str]] = set()
        for checked in checks:
            callers = set(unit.call_graph.predecessors(checked.function.name))
            for (_, key), event in checked.untouched_releases.items():
                cls = (lock_class(key), event.kind)
                # an unlock helper's callers take the lock themselves; a producer's or callback's do not.
                # A callback that drops the lock and takes it again (devlink reload_up, a giveback) was
                # handed it held, just as one that only drops it.
                if (cls not in checked.acquired_classes or checked.callback) and \
                        not any(cls in acquiring.get(c, ()) for c in callers):
                    out.add(cls)
        return out


class _FunctionCheck:
    """The report pass over one function's converged states, and its summary."""

    def __init__(self, checker: LockImbalanceChecker, unit: Unit, lockflow: LockFlow, flow: FunctionFlow):
        self.checker = checker
        self.unit = unit
        self.function = flow.function
        self.flow = flow
        self.cfg = flow.cfg
        self.cfg_id = flow.cfg_id
        self.tracker = lockflow.tracker
        self.states_in = flow.states_in
        self.returns: list[ReturnState] = flow.returns
        self.out: dict[tuple, Finding] = {}
        self.untouched_releases: dict[tuple[int, str], LockEvent] = {}
        # releases of a lock this function took on some path -> where it took it (the held lock may carry
        # another name of the same lock than the release)
        self.held_releases: dict[tuple[int, str], set[int]] = {}
        self.acquired_classes: set[tuple[str, str]] = set()
        self.kinds: dict[str, str] = {}  # lock key -> kind, for the reports
        self.direct: set[str] = set()  # locks some call here names itself (not only as a companion)
        function = flow.function
        self.callback = function.is_static and unit.call_graph.in_degree(function.name) == 0
        self.param_names = tuple(p.name for p in function.params)
        self.params = frozenset(self.param_names)
        self.annotated = {k for a in function.annotations for k in (ir.expr_key(a.lock), "&" + bare(ir.expr_key(a.lock)))}
        self._observe_all()

    # ------------------------------------------------------------------ the pass

    def _observe_all(self) -> None:
        for node_id in sorted(self.states_in):
            node = self.cfg.node(node_id)
            for event in self.tracker.events(self.cfg_id, node_id, node):
                if event.action != "release":
                    self.acquired_classes.add((lock_class(event.key), event.kind))
                if not event.companion:
                    self.direct.add(event.key)
            for state in self.states_in[node_id]:
                self.tracker.step(self.cfg_id, node_id, node, state,
                                  lambda what, ev, st, cur: self._observed(node_id, what, ev, st, cur))
        for (node_id, key), event in self.untouched_releases.items():
            if (node_id, key) in self.held_releases and not event.companion \
                    and not self._parameter_split(node_id, key) \
                    and not self._keyed_on_two_fields(key, self.held_releases[(node_id, key)],
                                                 self._guarding_fields(node_id)):
                self._report_mixed_release(node_id, event)

    def _observed(self, node_id: int, what: str, event: LockEvent, state: PathState, current: Optional[Held]) -> None:
        self.kinds[event.key] = event.kind
        if what == "double-acquire" and current is not None and current.key not in self.annotated \
                and not self._element_advanced_by_loop(node_id, event.key):
            if current.entry is False or event.via:
                self._report(("double", event.loc, event.key), event.loc,
                             f"'{event.key}' is acquired while already held (taken at line {current.site})",
                             [Step(current.site, 0, f"'{event.key}' acquired here"),
                              Step(event.loc.line, event.loc.col, f"acquired again here{self._via(event)}")])
        elif what == "release-unheld" and current is not None:
            self._report(("unheld", event.loc, event.key), event.loc,
                         f"'{event.key}' is released but it is not held on this path "
                         f"(already released at line {current.site})",
                         [Step(current.site, 0, f"'{event.key}' released here"),
                          Step(event.loc.line, event.loc.col, f"released again here{self._via(event)}")])
        elif what == "release-untouched":
            self.untouched_releases.setdefault((node_id, event.key), event)
        if event.action == "release" and current is not None and current.held and current.entry is False:
            self.held_releases.setdefault((node_id, event.key), set()).add(current.site)

    def _element_advanced_by_loop(self, node_id: int, key: str) -> bool:
        """Is the lock an array element whose index the loop around this acquisition advances
        (``for (i = 0; i < n; i++) spin_lock_nested(&cp->tx_lock[i], i);``)?  Each pass takes another
        element, not the one already held."""
        indexes = {name for inner in INDEX.findall(key) for name in IDENTIFIER.findall(inner)}
        if not indexes or node_id not in self.cfg.looping:
            return False
        loop = next(c for c in nx.strongly_connected_components(self.cfg.graph) if node_id in c)
        return any(write.key in indexes for n in loop if (expr := self.cfg.node(n).expr) is not None
                   for write in assigned_keys(expr))

    def _report_mixed_release(self, node_id: int, event: LockEvent) -> None:
        acquired_at = sorted(self.held_releases[(node_id, event.key)])
        self._report(("mixed", event.loc, event.key), event.loc,
                     f"'{event.key}' is released here, but on some paths to this point it was never acquired "
                     f"(on others it was taken at line {acquired_at[0]})",
                     [Step(acquired_at[0], 0, f"'{event.key}' acquired here on some paths"),
                      Step(event.loc.line, event.loc.col, "released here, also on paths that never took it")])

    @staticmethod
    def _via(event: LockEvent) -> str:
        return f" (inside {event.via}())" if event.via else ""

    # ------------------------------------------------------------------ returns

    def _return_findings(self, handed_off: set[tuple[str, str]]) -> None:
        held = {h.key: h.kind for r in self.returns for h in r.state.data if h.held and h.entry is False}
        for key in sorted(set(held) - self.annotated):
            self.kinds.setdefault(key, held[key])
            # a lock handed to another function keeps one rule: an error return that keeps it while another
            # error return releases it is still a leak (devlink reload_down's -EBUSY path)
            handed = (lock_class(key), held[key]) in handed_off
            holding = [r for r in self.returns if net_effect(r, key) == "acquire" and r.cls != "exempt"]
            free = [r for r in self.returns if not _holds(r, key) and r.cls != "exempt"]
            reported: set[int] = set()
            if holding and parameter_decided(self.flow, key, self.param_names):
                continue  # a helper its callers ask to take the lock (``if (!locked) down_write(...)``)
            for ret in holding:
                if ret.line in reported or self._parameter_decides(ret, key) or self._released_on_other_field(ret, key):
                    continue
                same = [f for f in free if f.cls == ret.cls]
                if handed:
                    if ret.cls == "error" and same:
                        reported.add(ret.line)
                        self._report_return(ret, key, same[0], True)
                    continue
                better = [f for f in free if ret.cls == "error" and f.cls == "success"]
                if self.callback and ret.cls == "success":
                    # a static function nothing here calls is a callback: the kernel will not release
                    # what it keeps on success, so it cannot be a conditional-acquire helper
                    better += [f for f in free if f.cls == "error"]
                other = (same or better)
                if not other and self.callback and not free and ret.line not in reported:
                    reported.add(ret.line)
                    self._report_return(ret, key, None, False)
                    continue
                if not other:
                    continue
                reported.add(ret.line)
                self._report_return(ret, key, other[0], bool(same))

    def _parameter_decides(self, holding: ReturnState, key: str) -> bool:
        """Do the parameters decide whether the function takes or drops the lock (``gate_ctrl(fe, enable)``:
        ``enable`` takes it, ``!enable`` releases it; a message type in ``msgid >> 24``: PAUSE keeps the
        lock, RESUME releases it; ``flags`` without NO_LOCK but with NO_UNLOCK keeps it, with NO_LOCK but
        without NO_UNLOCK releases the caller's)?  Then keeping it on those paths is its contract: every
        return that releases it lies outside what the parameters were on this path, and every return inside
        keeps it too (or is an error: the acquisition may have failed).  Not when the other paths merely
        never took it: that is the leak this checker looks for."""
        releasing = [r for r in self.returns if net_effect(r, key) == "release"]
        mine = {fact: holding.state.facts[fact] for fact in self._parameter_facts(holding.state)}
        if not releasing or not mine:
            return False

        def outside(ret: ReturnState) -> bool:
            theirs = self._parameter_facts(ret.state)
            return any(fact in theirs and rng.meet(ret.state.facts[fact]).empty for fact, rng in mine.items())
        return all(outside(r) for r in releasing) and \
            all(net_effect(r, key) == "acquire" or r.cls == "error" for r in self.returns if not outside(r))

    def _parameter_split(self, node_id: int, key: str) -> bool:
        """At a release reached both holding ``key`` and never having touched it: does a parameter tell the
        two apart, in a function with a lock contract?  Either its parameters also decide when it returns
        keeping the lock (the RESUME that releases what an earlier PAUSE call kept), or every path that
        found the lock held on entry gives it back held (``if (!is_locked) lock();`` ... ``unlock();
        call(); lock();``: the caller holds it when the parameter says so, and the function drops it only
        for a while).  A release under another condition (a field) while a parameter decided the taking
        is the bug."""
        entered = [r for r in self.returns if any(h.key == key and h.entry is True for h in r.state.data)]
        dropped_for_a_while = bool(entered) and all(_holds(r, key) for r in entered)
        if not dropped_for_a_while and not any(net_effect(r, key) == "acquire" and self._parameter_decides(r, key)
                                               for r in self.returns):
            return False
        states = self.states_in[node_id]
        holding = [s for s in states if any(h.key == key and h.held and h.entry is False for h in s.data)]
        untouched = [s for s in states if not any(h.key == key for h in s.data)]
        if not holding or not untouched:
            return False
        known_everywhere = frozenset.intersection(*(self._parameter_facts(s) for s in holding + untouched))
        return any(all(h.facts[fact].meet(u.facts[fact]).empty for h in holding for u in untouched)
                   for fact in known_everywhere)

    def _released_on_other_field(self, holding: ReturnState, key: str) -> bool:
        """A return that keeps ``key`` where another path to the same return released it under a test of a
        field that went the other way on this path: was that field's object also the one whose other field
        decided the acquisition?"""
        taken = locks_of(holding.state.data)[key].site
        for other in self.returns:
            released = locks_of(other.state.data).get(key)
            if other.node_id != holding.node_id or released is None or released.held or released.entry is not False:
                continue
            for node_id in self._event_nodes(released.site, key, "release"):
                guard = {g for g in self._guarding_fields(node_id)
                         if g in holding.state.facts and g in other.state.facts
                         and holding.state.facts[g].meet(other.state.facts[g]).empty}
                if guard and self._keyed_on_two_fields(key, {taken}, guard):
                    return True
        return False

    def _keyed_on_two_fields(self, key: str, acquired_at: set[int], released_under: set[str]) -> bool:
        """Is the lock taken only under a test of one field of an object and released only under a test of
        another field of the same object (``case OPENSYNC: mutex_lock(); ...`` then ``if (svc->sync)
        mutex_unlock();``)?  The code relies on an invariant between the object's two fields (``sync`` is
        set exactly in the OPENSYNC state) that no single function shows; that conditional locking was what
        buried Sparse's lock checks, so it is not reported.  A release under the same field as the
        acquisition (an early exit that skips it) is still judged."""
        taken = [self._guarding_fields(n) for line in acquired_at for n in self._event_nodes(line, key, "acquire")]
        return bool(taken) and all(any(_object_of(t) == _object_of(d) and t != d for t in fields
                                       for d in released_under) for fields in taken)

    def _event_nodes(self, line: int, key: str, action: str) -> list[int]:
        """Nodes on ``line`` that acquire (or release) ``key``."""
        return [n for n in self.states_in if self.cfg.node(n).loc.line == line and any(
            e.key == key and (e.action == "release") == (action == "release")
            for e in self.tracker.events(self.cfg_id, n, self.cfg.node(n)))]

    def _guarding_fields(self, node_id: int) -> set[str]:
        """The fields tested by the branch or switch that decides whether the node runs, when the node is
        reached from that test alone (``if (svc->sync) mutex_unlock(...)``); empty otherwise."""
        seen: set[int] = set()
        while node_id not in seen:
            seen.add(node_id)
            preds = list(self.cfg.graph.predecessors(node_id))
            if len(preds) != 1:
                return set()
            test = self.cfg.node(preds[0])
            if test.kind in ("branch", "switch") and test.expr is not None:
                return {ir.expr_key(m) for m in ir.walk_expr(test.expr)
                        if isinstance(m, ir.Member) and _object_of(ir.expr_key(m))}
            node_id = preds[0]
        return set()

    def _parameter_facts(self, state: PathState) -> frozenset[str]:
        """Fact keys that are values of unchanged parameters alone (``enable``, ``msgid >> 24``)."""
        params = self.params
        return frozenset(fact for fact in state.facts
                         if (names := set(IDENTIFIER.findall(fact))) and names <= params
                         and not names & set(state.binds))

    def _report_return(self, ret: ReturnState, key: str, other: Optional[ReturnState], same_kind: bool) -> None:
        """A return that keeps ``key`` held; ``other`` is a return that releases it (None for a callback
        that holds it on every return)."""
        held = locks_of(ret.state.data)[key]
        node = self.cfg.node(ret.node_id)
        where = "the end of the function" if node.implicit else "this return"
        kind = {"error": "error", "success": "success", "unknown": ""}.get(ret.cls, "")
        if other is None:
            tail = ("this is a callback (static, not called in this file) and nothing in the file releases "
                    "the lock after it returns")
        elif other.line == ret.line:
            tail = "on other paths the same return releases it"
        elif ret.cls == "success" and other.cls == "error":
            tail = (f"the error return at line {other.line} releases it, and as a callback nothing here "
                    "releases it after a success")
        elif same_kind:
            tail = f"another {kind + ' ' if kind else ''}return (line {other.line}) releases it"
        else:
            tail = f"the success return at line {other.line} releases it"
        message = f"'{key}' is still held at {where} (taken at line {held.site}); {tail}"
        steps = [Step(held.site, 0, f"'{key}' acquired here")]
        steps += self._witness(key, held.site, ret.node_id)
        steps.append(Step(ret.line, node.loc.col, f"returns{' ' + ret.cls if ret.cls in ('error', 'success') else ''}"
                          f" with '{key}' held"))
        if other is not None and other.line != ret.line:
            steps.append(Step(other.line, 0, f"this return releases '{key}'"))
        self._report(("return", ret.line, key), node.loc, message, steps)

    def _witness(self, key: str, site: int, target: int) -> list[Step]:
        """Branches taken from the acquisition to the return, on paths where the lock stays held."""
        def holding(_: int, node_id: int) -> bool:
            return node_id == target or any(h.key == key and h.held and h.site == site
                                            for s in self.states_in.get(node_id, ()) for h in s.data)

        starts = [n for n in self.states_in if self.cfg.node(n).loc.line == site]
        return branch_steps(self.cfg, starts, target, holding)

    # ------------------------------------------------------------------ output

    def _report(self, key: tuple, loc: ir.Loc, message: str, steps: list[Step]) -> None:
        if key in self.out:
            return
        self.out[key] = Finding(self.checker.rule_id, message, self.unit.path, loc.line, loc.col, self.function.name,
                                steps, self.checker.level, self.checker.category, self.checker.cwe)

    def findings(self, handed_off: set[tuple[str, str]] = frozenset(),
                 unowned: set[tuple[str, str]] = frozenset()) -> list[Finding]:
        """The reports, less those on locks without an owner (event and counting semaphores: whoever
        signals may release, n holders may take them), which no per-function balance describes, and
        sleeping locks taken again that the file hands over: another function releases them, so taking
        one again waits for that release (a TX worker locks per packet, the TX confirmation unlocks)."""
        self._return_findings(handed_off)
        waited = {cls for cls in handed_off if cls[1] in SLEEPING_KINDS}
        # spin_lock_bh() also disables bottom halves: where the lock itself is reported (at the same site,
        # or anywhere when nothing but such calls touch the pseudo-lock) the state taken with it is the
        # same mistake
        pseudo = self.tracker.table.pseudo_locks
        named = {key[:2] for key in self.out if key[2] not in pseudo}
        return [finding for key, finding in self.out.items()
                if (lock_class(key[2]), self.kinds.get(key[2], "")) not in unowned
                and not (key[0] == "double" and (lock_class(key[2]), self.kinds.get(key[2], "")) in waited)
                and not (key[2] in pseudo and (key[:2] in named or (named and key[2] not in self.direct)))]


def _arms(expr: ir.Expr) -> list[ir.Expr]:
    """The locks a lock expression may name: both arms of ``cond ? &a : &b``."""
    expr = ir.strip(expr)
    if isinstance(expr, ir.Conditional):
        return _arms(expr.then) + _arms(expr.other)
    return [expr]


def _object_of(field_key: str) -> str:
    """The object a field is read through: ``svc`` for ``svc->sync``, ``dev->state`` for
    ``dev->state->flags``."""
    return field_key.rsplit("->", 1)[0] if "->" in field_key else ""


def _holds(ret: ReturnState, key: str) -> bool:
    held = locks_of(ret.state.data).get(key)
    return held is not None and held.held > 0
