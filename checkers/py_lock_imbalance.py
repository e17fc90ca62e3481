"""py-lock-imbalance: a Python lock acquired and not released on some path (exception paths included),
a try-acquire whose result is ignored, a lock released when not held, a non-reentrant lock taken twice.

The C lock machinery does the work: the ``lock`` rules of the Python packs name the receiver as the lock
(``self._lock.acquire()`` locks ``self._lock``), the Python CFG gives every raising call an exception edge
and builds ``with`` and ``finally`` on every way out, and the shared lock flow follows the paths.  Only
the judgement is Python's: a function that holds a lock on every normal return is a lock helper; one
that releases it on some return but keeps it on another, or lets an exception escape while holding it,
is a leak.  ``with lock:`` and ``try``/``finally`` are silent by construction, not by exception.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Optional

from drvlint import ir
from drvlint.cfg import CFG
from drvlint.checker import Checker
from drvlint.dataflow import PathState
from drvlint.findings import Finding, Step
from drvlint.lockflow import FunctionFlow, LockFlow
from drvlint.witness import branch_steps
from drvlint.lockmodel import Held, LockEvent, locks_of
from drvlint.unit import Unit


class PyLockImbalanceChecker(Checker):
    rule_id = "py-lock-imbalance"
    name = "Imbalanced lock (Python)"
    short = "A Python lock stays held on some path (an exception included), is released unheld, or its try-acquire is ignored."
    description = (
        "Reports a threading/asyncio lock, semaphore or bus lock acquired in a function and still held when the "
        "function returns on some path or when an exception raised by a call leaves it, while other paths release "
        "it; a try-acquire (acquire(blocking=False), acquire(timeout=...), busio try_lock()) whose result is "
        "ignored; a release on a path where the lock is not held; and a non-reentrant Lock acquired while held. "
        "`with lock:` and try/finally release on every path and are not reported.")
    help_markdown = (
        "**Imbalanced locks in Python drivers** (concurrency defect; CWE-667, CWE-764, CWE-765).\n\n"
        "`lock.acquire(); dev.write(x); lock.release()` leaves the lock held for ever if `dev.write()` raises "
        "(a USB timeout, a disconnected serial port): the next caller deadlocks. "
        "`lock.acquire(blocking=False)` returns False when the lock is busy; ignoring it releases a lock "
        "someone else holds.\n\n"
        "Fix: `with lock:` or `lock.acquire()` followed by `try: ... finally: lock.release()`; test the result of "
        "a try-acquire (`if not lock.acquire(blocking=False): return`).")
    category = "concurrency/imbalanced-locks"
    cwe = (667, 764, 765)
    precision = "high"
    level = "warning"
    security_severity = "5.5"
    languages = ("python",)

    def check(self, unit: Unit) -> Iterable[Finding]:
        lockflow = LockFlow.of(unit, self.rules)
        findings: list[Finding] = []
        for name in lockflow.order:
            flow = lockflow.flows.get(name)
            if flow is not None and flow.locking:
                findings.extend(_FunctionCheck(self, unit, lockflow, flow).run())
        return findings


class _FunctionCheck:
    def __init__(self, checker: PyLockImbalanceChecker, unit: Unit, lockflow: LockFlow, flow: FunctionFlow):
        self.checker = checker
        self.unit = unit
        self.flow = flow
        self.cfg: CFG = flow.cfg
        self.tracker = lockflow.tracker
        self.out: dict[tuple, Finding] = {}

    def run(self) -> list[Finding]:
        self._observe()
        self._exits()
        return list(self.out.values())

    # ------------------------------------------------------------------ events along the paths

    def _observe(self) -> None:
        for node_id in sorted(self.flow.states_in):
            node = self.cfg.node(node_id)
            for event in self.tracker.events(self.flow.cfg_id, node_id, node):
                if event.action == "try_nonzero" and node.kind == "eval" and _result_ignored(node.expr, event.call):
                    for release in self._releases_after(node_id, event.key) or [event.loc]:
                        self._report(("ignored", release.line), release,
                                     f"the result of {event.api}() is ignored: it returns False when '{event.key}' "
                                     f"was not acquired, and this release then runs without it",
                                     [Step(event.loc.line, event.loc.col, f"{event.api}() may fail to take "
                                                                          f"'{event.key}'"),
                                      Step(release.line, release.col, f"'{event.key}' released here")])
            for state in self.flow.states_in[node_id]:
                self.tracker.step(self.flow.cfg_id, node_id, node, state,
                                  lambda what, ev, st, cur: self._observed(what, ev, cur))

    def _observed(self, what: str, event: LockEvent, current: Optional[Held]) -> None:
        if what == "double-acquire" and current is not None and current.entry is False:
            self._report(("double", event.loc.line, event.key), event.loc,
                         f"'{event.key}' is acquired while already held (taken at line {current.site}): "
                         f"a non-reentrant {event.kind} deadlocks here",
                         [Step(current.site, 0, f"'{event.key}' acquired here"),
                          Step(event.loc.line, event.loc.col, "acquired again here")])
        elif what == "release-unheld" and current is not None:
            self._report(("unheld", event.loc.line, event.key), event.loc,
                         f"'{event.key}' is released but it is not held on this path (already released at line "
                         f"{current.site}); {event.api}() raises RuntimeError",
                         [Step(current.site, 0, f"'{event.key}' released here"),
                          Step(event.loc.line, event.loc.col, "released again here")])

    def _releases_after(self, start: int, key: str) -> list[ir.Loc]:
        """The releases of ``key`` the paths from ``start`` reach first (the convention reports a release
        that may run without the lock on the ``release()`` call)."""
        found: list[ir.Loc] = []
        seen = {start}
        queue = deque(self.cfg.graph.successors(start))
        while queue:
            node_id = queue.popleft()
            if node_id in seen:
                continue
            seen.add(node_id)
            node = self.cfg.node(node_id)
            events = [e for e in self.tracker.events(self.flow.cfg_id, node_id, node) if e.key == key]
            if any(e.action == "release" for e in events):
                found += [e.loc for e in events if e.action == "release" and e.loc not in found]
                continue
            if events:
                continue  # taken again: what follows is that acquisition's business
            queue.extend(self.cfg.graph.successors(node_id))
        return sorted(found, key=lambda loc: (loc.line, loc.col))

    # ------------------------------------------------------------------ returns and the raise exit

    def _exits(self) -> None:
        returns = self.flow.returns
        held_keys = {h.key for r in returns for h in r.state.data if h.held and h.entry is False}
        raised = self._raise_states()
        held_keys |= {h.key for s in raised for h in s.data if h.held and h.entry is False}
        for key in sorted(held_keys):
            free = [r for r in returns if not _held(r.state, key)]
            if not free:
                continue  # held on every normal return: a lock helper (its callers release)
            holding = [r for r in returns if _held(r.state, key)]
            for ret in holding:
                held = locks_of(ret.state.data)[key]
                node = self.cfg.node(ret.node_id)
                where = "the end of the function" if node.implicit else "this return"
                self._report(("return", ret.line, key), node.loc,
                             f"'{key}' is still held at {where} (taken at line {held.site}); the return at line "
                             f"{free[0].line} releases it",
                             [Step(held.site, 0, f"'{key}' acquired here"), *self._witness(key, held.site, ret.node_id),
                              Step(ret.line, node.loc.col, f"returns with '{key}' held"),
                              Step(free[0].line, 0, f"this return releases '{key}'")])
            for site in sorted({h.site for s in raised for h in s.data if h.key == key and h.held and h.entry is False}):
                self._report_raise_statements(key, site, free[0].line)
                self._report_raise(key, site, free[0].line)

    def _raise_states(self) -> frozenset:
        exit_id = self.cfg.raise_exit
        return self.flow.states_in.get(exit_id, frozenset()) if exit_id is not None else frozenset()

    def _report_raise_statements(self, key: str, site: int, released: int) -> None:
        """Each ``raise`` statement whose exception leaves the function with the lock held: an exit of
        its own, like a return."""
        for node_id in sorted(self.flow.states_in):
            node = self.cfg.node(node_id)
            if node.kind == "join" and node.label == "raise" and \
                    any(_held_at(s, key, site) for s in self.flow.states_in[node_id]) and \
                    self._escapes(node_id, key, site):
                self._report(("raise-stmt", node.loc.line, key), node.loc,
                             f"'{key}' (acquired at line {site}) is still held at this raise: the exception "
                             f"leaves the function without releasing it (line {released} releases it on the "
                             f"normal path); use `with` or try/finally",
                             [Step(site, 0, f"'{key}' acquired here"), *self._witness(key, site, node_id),
                              Step(node.loc.line, node.loc.col, f"raises with '{key}' held")])

    def _raise_statement(self, node_id: int) -> bool:
        """Is this node the evaluation of a ``raise`` statement's exception (reported as the raise)?"""
        graph = self.cfg.graph
        return any(not graph.edges[node_id, succ]["edge"].exc and self.cfg.node(succ).label == "raise"
                   for succ in graph.successors(node_id))

    def _report_raise(self, key: str, site: int, released: int) -> None:
        """The first call after the acquisition whose exception leaves the function with the lock held."""
        graph = self.cfg.graph
        for node_id in sorted(self.flow.states_in, key=lambda n: (self.cfg.node(n).loc.line, n)):
            if not any(_held_at(s, key, site) for s in self.flow.states_in[node_id]):
                continue
            node = self.cfg.node(node_id)
            if self._releases(node_id, key):
                continue  # the release itself raising is not a path that forgot to release
            if self._raise_statement(node_id):
                continue  # reported as the raise statement
            for succ in graph.successors(node_id):
                if graph.edges[node_id, succ]["edge"].exc and self._escapes(succ, key, site):
                    node = self.cfg.node(node_id)
                    call = _raising_call(node.expr)
                    api = (call.written or call.callee or "a call") if call is not None else "a call"
                    self._report(("raise", site, key), node.loc,
                                 f"'{key}' (acquired at line {site}) stays held if {api}() raises at line "
                                 f"{node.loc.line}: the exception leaves the function without releasing it "
                                 f"(line {released} releases it on the normal path); use `with` or try/finally",
                                 [Step(site, 0, f"'{key}' acquired here"),
                                  Step(node.loc.line, node.loc.col, f"{api}() may raise here"),
                                  Step(self.cfg.node(self.cfg.raise_exit).loc.line, 0,
                                       f"the exception leaves the function with '{key}' held")])
                    return

    def _escapes(self, start: int, key: str, site: int) -> bool:
        """Does a path from ``start`` reach the raise exit with the lock still held?"""
        target = self.cfg.raise_exit
        seen = {start}
        queue = deque([start])
        while queue:
            node_id = queue.popleft()
            if node_id == target:
                return True
            releases = self._releases(node_id, key)
            for succ in self.cfg.graph.successors(node_id):
                if releases and self.cfg.edge(node_id, succ).exc:
                    continue  # a release (or a release helper, __exit__) that raises did not forget to release
                if succ not in seen and any(_held_at(s, key, site) for s in self.flow.states_in.get(succ, ())):
                    seen.add(succ)
                    queue.append(succ)
        return False

    def _releases(self, node_id: int, key: str) -> bool:
        node = self.cfg.node(node_id)
        return any(e.key == key and e.action == "release" for e in self.tracker.events(self.flow.cfg_id, node_id, node))

    def _witness(self, key: str, site: int, target: int) -> list[Step]:
        """Branches taken from the acquisition to the return, on normal (not exception) edges where the
        lock stays held."""
        def holding(src: int, node_id: int) -> bool:
            return not self.cfg.graph.edges[src, node_id]["edge"].exc and (
                node_id == target or any(_held_at(s, key, site) for s in self.flow.states_in.get(node_id, ())))

        starts = [n for n in self.flow.states_in if self.cfg.node(n).loc.line == site]
        return branch_steps(self.cfg, starts, target, holding)

    def _report(self, key: tuple, loc: ir.Loc, message: str, steps: list[Step]) -> None:
        if key not in self.out:
            self.out[key] = Finding(self.checker.rule_id, message, self.unit.path, loc.line, loc.col,
                                    self.flow.function.name, steps, self.checker.level, self.checker.category,
                                    self.checker.cwe)


def _held(state: PathState, key: str) -> bool:
    held = locks_of(state.data).get(key)
    return held is not None and held.held > 0 and held.entry is False


def _held_at(state: PathState, key: str, site: int) -> bool:
    held = locks_of(state.data).get(key)
    return held is not None and held.held > 0 and held.entry is False and held.site == site


def _result_ignored(expr: Optional[ir.Expr], call: Optional[ir.Call]) -> bool:
    """The try-acquire is a statement of its own: nothing tests or stores what it returned."""
    return call is not None and expr is not None and ir.strip(expr) is call


def _raising_call(expr: Optional[ir.Expr]) -> Optional[ir.Call]:
    calls = ir.calls_in(expr)
    return calls[-1] if calls else None
