"""hotunplug-race: memory freed in a remove/disconnect path while an asynchronous user the driver
started (a submitted URB, an armed timer, queued work, a tasklet, an IRQ handler, a kthread) may still
run and touch it.

How: the async model (rules/kernel-unplug.toml) names every object the setup entry points start, the
callback each runs and the structs that callback touches.  The shared dataflow engine then walks each
teardown entry point (and bottom-up, the same-file helpers it calls) with the set of objects stopped
synchronously so far.  At each free the objects not stopped on some path are checked against what is
freed.  Teardown in a helper counts; a teardown skipped only where the code tested the driver's own
state (``if (dev->irq) free_irq(...)``, a loop over URBs) counts as matching a conditional start; a
stop done while another live object's callback can start it again does not count.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

import networkx as nx

from drvlint import ir
from drvlint.asyncmodel import ALL, AsyncModel, Free, Freed, Helper, Invoke, Resource, Stop, Write
from drvlint.cfg import CFG, CfgNode
from drvlint.checker import Checker
from drvlint.dataflow import PathState, run
from drvlint.findings import Finding, Step
from drvlint.lockflow import LockFlow
from drvlint.lockmodel import lock_class
from drvlint.unit import Unit

Pairs = frozenset[tuple[str, str]]
MAX_LISTED = 3  # live objects named in one message


@dataclass(frozen=True)
class Teardown:
    """Path data: objects stopped so far; stops that another live object may undo (stopped, undoer);
    the branch just taken (so the successor can apply what the branch excused); state fields written."""

    stopped: frozenset[str] = frozenset()
    pairs: Pairs = frozenset()
    branch: Optional[int] = None
    quiesced: frozenset[str] = frozenset()  # driver state written so far (callbacks may test it)
    # (lock, state) a teardown callback run on this path (ndo_stop through unregister_netdev()) left
    # cleared for good: a callback that tests it under that lock bails from then on
    cleared: frozenset[tuple[str, str]] = frozenset()

    def live(self, universe: frozenset[str]) -> frozenset[str]:
        return frozenset() if ALL in self.stopped else universe - self.stopped


@dataclass(frozen=True)
class FreeSite:
    """A free reached from a function: what it frees, the calls leading to it, and the objects that may
    still run there (not stopped on some path, or stopped while something could restart them)."""

    freed: Freed
    call: ir.Call
    steps: tuple[Step, ...]
    live: frozenset[str]
    pairs: Pairs
    locked: frozenset[str] = frozenset()  # lock classes held on every path to the free
    # (lock, state) the core holds and has cleared around the teardown entry the free runs in (RTNL and
    # netif_running() for ndo_stop)
    guards: frozenset[tuple[str, str]] = frozenset()
    # the same states whatever is freed: what could start a stopped object again bails on them
    cleared: frozenset[tuple[str, str]] = frozenset()


@dataclass
class Summary:
    stops: frozenset[str]
    pairs: Pairs
    writes: frozenset[str] = frozenset()
    frees: list[FreeSite] = field(default_factory=list)
    exit_live: frozenset[str] = frozenset()  # objects that may still run when the function returns
    exit_pairs: Pairs = frozenset()
    stop_sites: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # object -> (line, call)


class _FunctionPass:
    """The engine's transfer function over one function, recording what is live at frees and calls."""

    def __init__(self, checker: "_FileCheck", name: str, stopped: frozenset[str] = frozenset()):
        self.check = checker
        self.stopped = stopped  # what the core's earlier teardown calls stopped before this entry runs
        self.model = checker.model
        self.name = name
        self.cfg: CFG = checker.unit.cfgs[name]
        self.events = self.model.events(name)
        self.universe = checker.universe
        # (node, call id) -> live, pairs, and the cleared guards every path there has
        self.seen: dict[tuple[int, int], tuple[frozenset[str], Pairs, frozenset[tuple[str, str]]]] = {}
        self.stop_nodes = self._stop_nodes()
        self.excuses = self._excuses()

    # ---------------------------------------------------------------- static preparation

    def _stops_of(self, event) -> frozenset[str]:
        if isinstance(event, Stop):
            return event.keys if event.waits else frozenset()
        if isinstance(event, Helper):
            return self.check.summary(event.callee).stops
        if isinstance(event, Invoke):
            return frozenset().union(*(self.check.summary(f).stops for f in event.functions))
        return frozenset()

    def _stop_nodes(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for node_id, events in self.events.items():
            for event in events:
                keys = self._stops_of(event)
                for key in (self.universe if ALL in keys else keys):
                    out.setdefault(key, set()).add(node_id)
        return out

    def _excuses(self) -> dict[tuple[int, int], frozenset[str]]:
        """Branch edges that skip an object's stop where the branch tested the driver's state (or left a
        loop over the objects): on that edge the object is taken as never started."""
        if not self.stop_nodes:
            return {}
        graph = self.cfg.graph
        out: dict[tuple[int, int], set[str]] = {}
        loops = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
        for node_id in graph.nodes:
            node = self.cfg.node(node_id)
            succs = list(graph.successors(node_id))
            if node.kind not in ("branch", "switch") or len(succs) < 2:
                continue
            state_test = self._tests_state(node.expr)
            loop = next((c for c in loops if node_id in c), set())
            reach = {succ: _reach_avoiding(graph, succ, node_id) for succ in succs}  # within one iteration
            for key, stops in self.stop_nodes.items():
                hits = {succ: bool(reach[succ] & stops) for succ in succs}
                if not any(hits.values()) or all(hits.values()):
                    continue
                if state_test or (loop and stops & loop):
                    for succ, hit in hits.items():
                        if not hit:
                            out.setdefault((node_id, succ), set()).add(key)
        return {k: frozenset(v) for k, v in out.items()}

    def _tests_state(self, cond: Optional[ir.Expr]) -> bool:
        """Does the condition test what setup recorded (fields, globals, the object pointers), rather than
        the outcome of something this path just did (``ret = hw_stop(dev); if (ret)``)?"""
        if cond is None:
            return False
        function = self.model.unit.functions[self.name]
        has_member = False
        for node in ir.walk_expr(cond):
            if isinstance(node, ir.Member):
                has_member = True
            elif isinstance(node, ir.Name) and node.is_local and node.name not in function.pointee_records \
                    and node.name not in self.model.aliases[self.name]:
                return False
            elif isinstance(node, ir.Call) and not node.pure and node.callee in self.model.unit.functions:
                return False
        return has_member or not any(isinstance(n, ir.Call) and not n.pure for n in ir.walk_expr(cond))

    # ---------------------------------------------------------------- the engine's interface

    def initial(self) -> Teardown:
        return Teardown(stopped=self.stopped)

    def before(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> PathState:
        data: Teardown = state.data
        if data.branch is None:
            return state
        excused = self.excuses.get((data.branch, node_id), frozenset())
        return state.with_data(replace(data, stopped=data.stopped | excused, branch=None))

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> Iterable[PathState]:
        data: Teardown = state.data
        for event in self.events.get(node_id, ()):
            data = self.apply(node_id, event, data)
        branch = node_id if node.kind in ("branch", "switch") else None
        if branch != data.branch:
            data = replace(data, branch=branch)
        return [state.with_data(data)]

    def apply(self, node_id: int, event, data: Teardown) -> Teardown:
        if isinstance(event, Free):
            self._record(node_id, event.call, data)
            return data
        if isinstance(event, Write):
            written = event.keys & self.check.guard_keys
            return replace(data, quiesced=data.quiesced | written) if written - data.quiesced else data
        if isinstance(event, Stop):
            return self._stop(data, event.keys if event.waits else frozenset(), frozenset() if event.permanent else None)
        functions = (event.callee,) if isinstance(event, Helper) else event.functions
        for function in functions:
            self._record(node_id, event.call, data)
            summary = self.check.summary(function)
            cleared = self.model.teardown_guards.get(function, frozenset()) if isinstance(event, Invoke) else frozenset()
            if cleared - data.cleared:  # (before its stops: the core cleared the state before calling it)
                data = replace(data, cleared=data.cleared | cleared)
            data = self._stop(data, summary.stops, summary.pairs)
            if summary.writes - data.quiesced:
                data = replace(data, quiesced=data.quiesced | summary.writes)
        return data

    def _record(self, node_id: int, call: ir.Call, data: Teardown) -> None:
        key = (node_id, id(call))
        known = self.seen.get(key)
        live, pairs, cleared = known if known is not None else (frozenset(), frozenset(), data.cleared)
        self.seen[key] = (live | data.live(self.universe), pairs | data.pairs, cleared & data.cleared)

    def _stop(self, data: Teardown, keys: frozenset[str], callee_pairs: Optional[Pairs]) -> Teardown:
        """Stop ``keys``.  A stop counts as undone while another object whose callback restarts it is still
        live, unless this path already wrote the state that restart is conditional on, or the state the
        restarted callback tests first and returns on."""
        if not keys:
            return data
        if ALL in keys or ALL in data.stopped:
            return replace(data, stopped=frozenset({ALL}), pairs=frozenset())
        live = data.live(self.universe)
        pairs = {p for p in data.pairs if p[0] not in keys}
        written = data.quiesced | {f"call:{state}" for _, state in data.cleared}
        for key in keys:
            undoers = {p[1] for p in callee_pairs if p[0] == key} if callee_pairs is not None else \
                set(self.model.rearmers.get(key, ()))
            bails = self.model.bail_keys.get(key, frozenset())
            pairs |= {(key, other) for other in undoers if other in live and other not in keys
                      and not ((self.model.rearm_guards.get((key, other), frozenset()) | bails) & written)}
        return replace(data, stopped=data.stopped | keys, pairs=frozenset(pairs))

    # ---------------------------------------------------------------- result

    def run(self) -> Summary:
        result = run(self.cfg, self)
        exits = result.states_in.get(self.cfg.exit, frozenset())
        if exits:
            stops = frozenset.intersection(*(self._all(s.data.stopped) for s in exits))
            pairs = frozenset().union(*(s.data.pairs for s in exits))
            writes = frozenset().union(*(s.data.quiesced for s in exits))
        else:
            stops, pairs, writes = frozenset(self.universe), frozenset(), frozenset()
        summary = Summary(stops, frozenset(p for p in pairs if p[0] in stops), writes)
        summary.exit_live = frozenset().union(*(s.data.live(self.universe) for s in exits)) if exits else frozenset()
        summary.exit_pairs = pairs
        for node_id, events in self.events.items():
            for event in events:
                for key in self._stops_of(event):
                    summary.stop_sites.setdefault(key, []).append(
                        (event.call.loc.line, event.call.written or event.call.callee or "?"))
                seen = self.seen.get((node_id, id(event.call)))
                if seen is None:
                    continue  # unreachable, or an event that does not depend on the path
                live, pairs_here, cleared = seen
                if isinstance(event, Free):
                    step = Step(event.call.loc.line, event.call.loc.col,
                                f"{event.call.written or event.call.callee}({event.freed.text}) frees it here")
                    summary.frees.append(FreeSite(event.freed, event.call, (step,), live, pairs_here,
                                                  self.check.held_at(self.name, node_id),
                                                  _bail_guards(event.freed, cleared), cleared))
                elif isinstance(event, (Helper, Invoke)):
                    functions = (event.callee,) if isinstance(event, Helper) else event.functions
                    for function in functions:
                        frees = self.check.summary(function).frees
                        # the locks held around the call are held around the callee's frees too
                        # (``mutex_lock(&a->rule_lock); list_for_each...(r) del_rule(a, r);``)
                        held = self.check.held_at(self.name, node_id) if frees else frozenset()
                        for site in frees:
                            through = self._through(event.call, function, site, live, pairs_here)
                            summary.frees.append(replace(through, guards=through.guards
                                                         | _bail_guards(site.freed, cleared),
                                                         cleared=through.cleared | cleared,
                                                         locked=through.locked | held))
        guards = self.model.teardown_guards.get(self.name)
        if guards:
            summary.frees = [replace(site, guards=site.guards | guards, cleared=site.cleared | guards)
                             for site in summary.frees]
        return summary

    def _all(self, stopped: frozenset[str]) -> frozenset[str]:
        return frozenset(self.universe) if ALL in stopped else stopped

    @staticmethod
    def _through(call: ir.Call, callee: str, site: FreeSite, live: frozenset[str], pairs: Pairs) -> FreeSite:
        step = Step(call.loc.line, call.loc.col, f"calls {callee}()")
        inner_pairs = frozenset(p for p in site.pairs if p[1] in live)
        outer_pairs = frozenset(p for p in pairs if p[0] in site.live)
        return FreeSite(site.freed, site.call, (step,) + site.steps, site.live & live, inner_pairs | outer_pairs,
                        site.locked, site.guards, site.cleared)


def _bail_guards(freed: Freed, cleared: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The cleared states that keep a callback away from this free: only a field's memory.  A callback
    that bails still reads the struct its state lives in (``netif_running(sp->dev)``), so freeing a
    whole struct (free_netdev()) is not made safe by it."""
    return cleared if freed.field is not None else frozenset()


def _reach_avoiding(graph: nx.DiGraph, start: int, avoid: int) -> set[int]:
    """Nodes reachable from ``start`` without passing through ``avoid`` (the branch being judged: going
    round a loop back to it is another iteration, not this branch's outcome)."""
    seen = {start}
    stack = [start]
    while stack:
        for succ in graph.successors(stack.pop()):
            if succ != avoid and succ not in seen:
                seen.add(succ)
                stack.append(succ)
    return seen


class _FileCheck:
    def __init__(self, unit: Unit, model: AsyncModel, lockflow: LockFlow):
        self.unit = unit
        self.model = model
        self.lockflow = lockflow
        self.universe = frozenset(model.started)
        # Only state some restart is conditional on matters to a teardown path; tracking every field
        # store made path states differ everywhere (no merging: minutes on a 16,000-line NIC driver).
        self.guard_keys = frozenset().union(*model.rearm_guards.values(), *model.bail_keys.values())
        self.summaries: dict[str, Summary] = {}
        self.active: set[str] = set()
        self._bails: dict[tuple[frozenset[str], frozenset[tuple[str, str]]], bool] = {}
        self._reached: dict[frozenset[str], tuple[frozenset[str], frozenset[tuple[str, str]]]] = {}

    def held_at(self, name: str, node_id: int) -> frozenset[str]:
        """Lock classes held on every path into a node (from the shared lock flow)."""
        if not self.lockflow.has_lock_events(name):
            return frozenset()
        states = self.lockflow.flow(name).states_in.get(node_id, frozenset())
        held = [frozenset(lock_class(h.key) for h in s.data if h.held > 0) for s in states]
        return frozenset.intersection(*held) if held else frozenset()

    def taken_by(self, functions: Iterable[str]) -> frozenset[str]:
        """Lock classes a callback (or a same-file function it calls) holds somewhere."""
        graph = self.unit.call_graph
        out: set[str] = set()
        for function in functions:
            for name in nx.descendants(graph, function) | {function}:
                if not self.lockflow.has_lock_events(name):
                    continue
                for states in self.lockflow.flow(name).states_in.values():
                    out |= {lock_class(h.key) for s in states for h in s.data if h.held > 0}
        return frozenset(out)

    def restarted_by_reopen(self, key: str, undoer: str, freed: Freed) -> bool:
        """Does ``undoer`` start ``key`` again only inside this file's open entry point, run under the locks
        the core holds around it (a reset work's ``rtnl_lock(); close(dev); open(dev);``), an open that
        assigns the freed field anew?  The restarted callback then uses the new memory (myri10ge's
        watchdog work reopens: open reallocates the rings, then arms the timer and requests the IRQ)."""
        if freed.key is None:
            return False
        graph = self.unit.call_graph
        direct, entered = self._outside_entries(self.model.resources[undoer].callbacks)
        reopens = {e for e in entered if e in self.model.setup}
        inside = reopens.union(*(nx.descendants(graph, e) for e in reopens))
        elsewhere = direct.union(*(nx.descendants(graph, e) | {e} for e in entered - reopens))
        sites = {s.function for s in self.model.resources[key].starts} & (inside | elsewhere)
        return bool(sites) and sites <= inside - elsewhere and \
            all(self.model.assigns_field(e, freed.key) for e in reopens)

    def reached(self, res: Resource) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
        """Structs and fields the object's callbacks reach, leaving out this file's open and stop entry
        points that a callback runs while holding every lock the core holds around them (a reset work's
        ``rtnl_lock(); close(dev); open(dev); rtnl_unlock();``): they run as the core runs them,
        serialized with the teardown, and are judged as entry points of their own."""
        key = frozenset(res.callbacks)
        known = self._reached.get(key)
        if known is None:
            functions, _ = self._outside_entries(res.callbacks)
            known = self._reached[key] = (
                frozenset().union(*(self.model.own_records.get(f, frozenset()) for f in functions)),
                frozenset().union(*(self.model.own_fields.get(f, frozenset()) for f in functions)))
        return known

    def _outside_entries(self, callbacks: Iterable[str]) -> tuple[set[str], set[str]]:
        """The same-file functions the callbacks run, not counting what runs inside an entry point they
        call under the locks the core holds around it; and those entry points."""
        model, graph = self.model, self.unit.call_graph
        seen: set[str] = set()
        entered: set[str] = set()
        stack = [c for c in callbacks if c in self.unit.functions]
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            for callee in graph.successors(name) if name in graph else ():
                if model.entry_locks.get(callee) and self._entered_under_core_locks(name, callee):
                    entered.add(callee)
                else:
                    stack.append(callee)
        return seen, entered

    def _entered_under_core_locks(self, caller: str, entry: str) -> bool:
        """Does every call of ``entry`` in ``caller`` hold the locks the core holds around that entry?"""
        cfg = self.unit.cfgs[caller]
        calls = [n for n in cfg.graph.nodes if cfg.node(n).expr is not None
                 and any(c.callee == entry for c in ir.calls_in(cfg.node(n).expr))]
        needed = self.model.entry_locks[entry]
        return bool(calls) and all(needed <= self.held_at(caller, n) for n in calls)

    def bails_under(self, functions: Iterable[str], guards: frozenset[tuple[str, str]]) -> bool:
        """Does a callback (or a same-file function it calls) test one of the teardown's cleared states
        while holding the lock the teardown runs under (``rtnl_lock(); if (!netif_running(dev)) goto
        out;``)?  Then it cannot use what the teardown freed: it waits for the teardown and bails."""
        key = (frozenset(functions), guards)
        if key not in self._bails:
            self._bails[key] = self._tests_under(key[0], guards)
        return self._bails[key]

    def _tests_under(self, functions: frozenset[str], guards: frozenset[tuple[str, str]]) -> bool:
        graph = self.unit.call_graph
        states_tested = {state for _, state in guards}
        for function in functions:
            for name in nx.descendants(graph, function) | {function}:
                cfg = self.unit.cfgs[name]
                tests = {}  # branch node -> the guard states it tests (found first: the lock flow costs)
                for node_id in cfg.graph.nodes:
                    node = cfg.node(node_id)
                    if node.kind == "branch":
                        tested = {n for call in ir.calls_in(node.expr) for n in call.names} & states_tested
                        if tested:
                            tests[node_id] = tested
                if not tests or not self.lockflow.has_lock_events(name):
                    continue
                states_in = self.lockflow.flow(name).states_in
                for node_id, tested in tests.items():
                    states = states_in.get(node_id)
                    if states and any(state in tested and all(any(lock_class(h.key) == lock and h.held > 0
                                                                  for h in s.data) for s in states)
                                      for lock, state in guards):
                        return True
        return False

    def entry_summary(self, entry: str) -> Summary:
        """A teardown entry's summary, starting from what the teardown entries the core calls before it
        stopped (usb-serial: close before port_remove, both before disconnect, all before release) and
        the URBs the USB core killed before it (every URB of the bound interface's endpoints)."""
        before = self.model.teardown_after.get(entry, ())
        stopped = frozenset().union(*(self.summary(other).stops for other in sorted(before)))
        if entry in self.model.urbs_killed_before:
            stopped |= {key for key in self.universe if self.model.resources[key].interface_urb}
        if not stopped:
            return self.summary(entry)
        return _FunctionPass(self, entry, stopped).run()

    def summary(self, name: str) -> Summary:
        known = self.summaries.get(name)
        if known is not None:
            return known
        if name in self.active:  # recursion: assume it stops nothing and frees nothing
            return Summary(frozenset(), frozenset())
        self.active.add(name)
        try:
            result = self.summaries[name] = _FunctionPass(self, name).run()
        finally:
            self.active.discard(name)
        return result


class HotunplugRaceChecker(Checker):
    rule_id = "hotunplug-race"
    name = "Race in hot-unplug handler"
    short = "Memory is freed in remove/disconnect while a URB, timer, work item, tasklet, IRQ or kthread may still use it."
    description = (
        "Pairs every asynchronous user a driver starts in probe/open (submitted URBs, timers, work, tasklets, "
        "IRQ handlers, kthreads) with its synchronous teardown, and reports a free in the remove/disconnect path "
        "(kfree, free_netdev, usb_free_urb, kref_put/put_device with a freeing release) of an object that still "
        "holds a live user or that a live callback touches: the teardown is missing on some path, asynchronous "
        "only (usb_unlink_urb, del_timer, cancel_work), undone by another live callback, or placed after the free.")
    help_markdown = (
        "**Race in a hot-unplug handler** (concurrency defect; CWE-362, CWE-416).\n\n"
        "When a device is unplugged the bus calls the driver's disconnect/remove. If it frees the driver's state "
        "while a submitted URB, an armed timer, queued work, a tasklet, an IRQ handler or a kthread can still run, "
        "that callback uses freed memory.\n\n"
        "Fix: before freeing, stop every asynchronous user synchronously, in an order where nothing still "
        "running can restart what was stopped: `free_irq()`/`disable_irq()` before `cancel_work_sync()` of work "
        "the handler queues, `usb_kill_urb()` (not `usb_unlink_urb()`), `del_timer_sync()` (not `del_timer()`), "
        "`cancel_work_sync()`, `tasklet_kill()`, `kthread_stop()`. A `devm_request_irq()` handler stays live "
        "until after remove returns: do not `kfree()` what it touches in remove.")
    category = "concurrency/hot-unplug-race"
    cwe = (362, 416)
    precision = "high"
    level = "warning"
    security_severity = "7.0"

    def check(self, unit: Unit) -> Iterable[Finding]:
        model = AsyncModel.of(unit, self.rules)
        if not model.teardown or not model.started:
            return []
        file_check = _FileCheck(unit, model, LockFlow.of(unit, self.rules))
        findings: dict[tuple[int, int], Finding] = {}
        for entry, how in sorted(model.teardown.items()):
            summary = file_check.entry_summary(entry)
            reported: set[str] = set()  # a missing stop is reported at the first free it exposes, not at each
            for site in sorted(summary.frees, key=lambda s: [(st.line, st.col) for st in s.steps]):
                finding = self._judge(unit, file_check, entry, how, summary, site, reported)
                if finding is not None:
                    findings.setdefault((finding.line, finding.col), finding)
            if entry in model.devres:
                for finding in self._devres_frees(unit, file_check, entry, how, summary, reported):
                    findings.setdefault((finding.line, finding.col), finding)
        return list(findings.values())

    def _devres_frees(self, unit: Unit, file_check: "_FileCheck", entry: str, how: str, summary: Summary,
                      reported: set[str]) -> Iterable[Finding]:
        """After the bus's remove returns, devres frees the device's devm_* memory (after releasing the
        devm IRQs requested later, so those are fine): anything else still running then uses freed memory."""
        model = file_check.model
        live = (summary.exit_live | {p[0] for p in summary.exit_pairs}) & model.started
        for callback in model.devres_callbacks():  # run by devres before it frees older devm memory
            live -= file_check.summary(callback).stops
        end = unit.functions[entry].end
        for record, alloc in sorted(model.devm_records().items()):
            users = [model.resources[k] for k in sorted(live - reported) if not model.resources[k].devm
                     and _relation(model, model.resources[k], Freed(frozenset({record}), None, None, record),
                                   frozenset(), file_check.reached(model.resources[k])) is not None]
            if not users:
                continue
            res = users[0]
            reported.update(r.key for r in users)
            start = model.start_site(res)
            callbacks = ", ".join(f"{c}()" for c in sorted(res.callbacks)) or "its completion"
            message = (f"{how} {entry}() returns while {res.kind} {res.text} may still run; devres then frees "
                       f"struct {record} (allocated with {alloc.call}() at line {alloc.line}), which {callbacks} uses")
            steps = [Step(start.line, start.col, f"{start.call}() in {start.function}() starts {res.text} ({callbacks})"),
                     Step(alloc.line, alloc.col, f"{alloc.call}() in {alloc.function}(): devres frees it after {entry}()"),
                     Step(unit.functions[entry].loc.line, 1, f"{how} entry point {entry}()"),
                     Step(end.line, end.col, f"{entry}() returns with {res.text} not stopped synchronously")]
            yield Finding(self.rule_id, message, unit.path, end.line, end.col, entry, steps, level=self.level,
                          category=self.category, cwe=self.cwe, statement=f"}} of {entry}")

    def _judge(self, unit: Unit, file_check: "_FileCheck", entry: str, how: str, summary: Summary,
               site: FreeSite, reported: set[str]) -> Optional[Finding]:
        model = file_check.model
        pairs = sorted(site.pairs)  # (a frozenset: in a fixed order, the message names the same restarter in every run)
        undone = {stopped: other for stopped, other in pairs}
        candidates = (site.live | set(undone)) & model.started
        live = []
        for key in sorted(candidates):
            res = model.resources[key]
            if site.guards and file_check.bails_under(res.callbacks, site.guards):
                continue
            if key not in site.live and site.cleared and \
                    file_check.bails_under(model.resources[undone[key]].callbacks, site.cleared):
                continue  # stopped here, and what could start it again bails once the teardown ran
            if key not in site.live and all(file_check.restarted_by_reopen(key, other, site.freed)
                                            for stopped, other in site.pairs if stopped == key):
                continue  # stopped here, and only a reopen that reallocates the freed memory restarts it
            why = _relation(model, res, site.freed, site.locked & file_check.taken_by(res.callbacks),
                            file_check.reached(res))
            if why is not None:
                live.append((res, why))
        if not live or all(res.key in reported for res, _ in live):
            return None
        reported.update(res.key for res, _ in live)
        free = site.call
        res, why = live[0]
        start = model.start_site(res)
        callbacks = ", ".join(f"{c}()" for c in sorted(res.callbacks)) or "its completion"
        late = [s for s in summary.stop_sites.get(res.key, []) if s[0] > site.steps[0].line]
        state = (f"{res.kind} {res.text} is stopped only after the free ({late[0][1]}() at line {late[0][0]})"
                 if late and res.key not in undone else
                 f"{res.kind} {res.text} may be restarted by {model.resources[undone[res.key]].text} after it was stopped"
                 if res.key in undone else
                 f"{res.kind} {res.text} is not stopped synchronously on this path")
        message = (f"{free.written or free.callee}({site.freed.text}) in {how} {entry}() frees memory while "
                   f"{state}; {callbacks} {why}")
        if len(live) > 1:
            others = ", ".join(r.text for r, _ in live[1:1 + MAX_LISTED])
            message += f" (also live: {others})"
        steps = [Step(start.line, start.col, f"{start.call}() in {start.function}() starts {res.text} "
                                             f"({callbacks})")]
        for stopped, other in pairs:
            if stopped == res.key:
                steps.append(Step(model.start_site(model.resources[other]).line, 1,
                                  f"{model.resources[other].text} can start {res.text} again"))
        steps.append(Step(unit.functions[entry].loc.line, 1, f"{how} entry point {entry}()"))
        steps += list(site.steps)
        steps += [Step(line, 1, f"{call}() stops {res.text} only now") for line, call in late[:1]]
        return Finding(self.rule_id, message, unit.path, free.loc.line, free.loc.col, entry, steps,
                       level=self.level, category=self.category, cwe=self.cwe,
                       statement=ir.expr_key(free))


def _relation(model: AsyncModel, res: Resource, freed: Freed, shared_locks: frozenset[str],
              reached: tuple[frozenset[str], frozenset[tuple[str, str]]]) -> Optional[str]:
    """Why freeing ``freed`` hurts a live ``res``, or None when it does not.  ``reached`` holds the structs
    and fields its callbacks reach.  Memory the callback reaches only under a lock the free also holds (a
    list element unlinked and freed under the lock the handler walks the list with) is not raced on."""
    own = set(model.unit.tu.driver_records)
    if freed.key is not None and freed.key == res.key:
        return "may still be running on the object being freed"
    if res.embedded and res.container in freed.records:
        return f"runs from inside the freed struct {res.container}"
    if shared_locks:
        return None
    records, fields = reached
    touched = records & freed.records & own
    if touched:
        return f"uses struct {sorted(touched)[0]}, which is freed"
    if freed.field is not None and freed.field in fields and not (
            freed.owner is not None and freed.owner != res.key and freed.field in model.callback_own_fields(res)):
        # (a field the callbacks reach only through the object they run for is that object's own: the
        # same field of another object, such as a write URB's buffer while the read URB completes, is not)
        return f"uses {freed.text}, which is freed"
    return None
