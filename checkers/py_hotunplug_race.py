"""py-hotunplug-race: a Python driver class releases a device handle (ser.close(), dispose_resources(dev),
handle.close(), mm.close(), MMIO.close()) while a thread, timer or callback it started may still use it.

The async model is read from the rule packs: ``py_thread_start`` and ``py_callback`` registrations give
the users (the target function and, when the registration result is stored, the attribute holding it),
``py_teardown`` gives the stops (join, cancel, remove) and the releases (close, dispose).  A user uses a
handle when its function, or a same-class method it calls, touches ``self.<handle>``.  Every method that
releases a handle is a teardown; the shared dataflow engine runs over its CFG with the set of users
stopped so far as the state, so a stop placed after the release, missing on an exception path, or
missing altogether leaves the user live at the release.  A user whose holder attribute the path has
tested to be None (``if self._thread is not None: join``) was never started on that path.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from typing import Iterable, Optional

from drvlint import dataflow, ir
from drvlint.cfg import CFG, CfgNode
from drvlint.checker import Checker
from drvlint.dataflow import PathState
from drvlint.findings import Finding, Step
from drvlint.pymodel import argument, awaited_callable, function_ref, rule_for
from drvlint.rules import RuleSet
from drvlint.unit import Unit

_STOPS = ("join", "cancel", "remove", "release")  # actions that stop a user (release: GPIO.cleanup)
_RELEASES = ("close", "dispose")  # actions that release a device handle


def _owner(name: str) -> str:
    return name.rpartition(".")[0]


def _self_field(expr: Optional[ir.Expr]) -> Optional[str]:
    """``f`` for ``self.f`` (the handle or holder attribute), else None."""
    expr = ir.strip(expr) if expr is not None else None
    if isinstance(expr, ir.Member) and isinstance(ir.strip(expr.base), ir.Name) and ir.strip(expr.base).name == "self":
        return expr.field
    return None


@dataclass(frozen=True)
class User:
    """A function the class makes run asynchronously: where, through which API, held in which attribute."""

    ident: int
    function: str
    api: str
    what: str
    line: int
    col: int
    starter: str
    holder: Optional[str]  # self attribute the thread/timer object is stored in
    uses: frozenset[str]  # self attributes the function (and same-class methods it calls) touch


class AsyncUsers:
    """The users each class starts, found through the rule packs."""

    def __init__(self, unit: Unit, rules: RuleSet):
        self.unit = unit
        self.users: dict[str, list[User]] = {}  # class -> users
        tables = [(rules.by_name("py_thread_start"), True), (rules.by_name("py_callback"), False)]
        seen: set[tuple[str, int, int]] = set()
        for name, cfg in unit.cfgs.items():
            function = unit.functions[name]
            if not function.cls:
                continue
            for node_id in cfg.graph.nodes:
                expr = cfg.node(node_id).expr
                for call in ir.calls_in(expr):
                    for index, thread_table in tables:
                        rule = rule_for(index, call)
                        if rule is None or (call.awaited and (thread_table or rule.get("context") == "executor")):
                            continue  # an awaited worker has finished when the await returns
                        arg = argument(call, rule["kw"]) if rule.get("kw") else None
                        if arg is None and rule.get("arg") is not None:
                            arg = argument(call, f"#{rule['arg']}")
                        target = function_ref(arg, function, unit.functions) if arg is not None else None
                        if target is None or (target, call.loc.line, call.loc.col) in seen:
                            continue
                        seen.add((target, call.loc.line, call.loc.col))
                        users = self.users.setdefault(function.cls, [])
                        users.append(User(len(users), target, call.callee or call.written or "?", rule["what"],
                                          call.loc.line, call.loc.col, name, self._holder(expr, call),
                                          self._uses(target, function.cls)))

    @staticmethod
    def _holder(expr: Optional[ir.Expr], call: ir.Call) -> Optional[str]:
        expr = ir.strip(expr) if expr is not None else None
        if isinstance(expr, ir.Binary) and expr.op == "=" and ir.strip(expr.rhs) is call:
            return _self_field(expr.lhs)
        return None

    def _uses(self, start: str, cls: str) -> frozenset[str]:
        """Self attributes touched by ``start`` and the same-class methods and nested defs it calls."""
        out: set[str] = set()
        todo, done = [start], set()
        while todo:
            name = todo.pop()
            if name in done or name not in self.unit.cfgs:
                continue
            done.add(name)
            todo += [f for f, fn in self.unit.functions.items() if fn.parent == name]
            cfg = self.unit.cfgs[name]
            for node_id in cfg.graph.nodes:
                expr = cfg.node(node_id).expr
                if expr is None:
                    continue
                for sub in ir.walk_expr(expr):
                    field = _self_field(sub)
                    if field is not None:
                        out.add(field)
                        if f"{cls}.{field}" in self.unit.functions:
                            todo.append(f"{cls}.{field}")
        return frozenset(out)


@dataclass(frozen=True)
class Release:
    line: int
    col: int
    call: str
    handle: str


class _Teardown:
    """The dataflow pass over one method: the state is the frozenset of user ids stopped on the path."""

    def __init__(self, checker: "PyHotunplugRaceChecker", unit: Unit, name: str, users: list[User],
                 helper_stops):
        self.checker = checker
        self.unit = unit
        self.name = name
        self.cls = unit.functions[name].cls
        self.users = users
        self.helper_stops = helper_stops
        self.teardown = checker.rules.by_name("py_teardown")
        self.runs = checker.rules.by_name("py_runs_callable")
        self.types = checker.rules.by_name("py_type")  # registration -> the type of the object it returns
        self.live_at: dict[Release, set[int]] = {}  # release -> users live there on some path
        self.exit_stops: Optional[frozenset[int]] = None
        self.stop_lines: dict[int, list[tuple[int, str]]] = {}

    def initial(self) -> frozenset:
        return frozenset()

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> Iterable[PathState]:
        stopped: frozenset = state.data
        if node.kind == "return":  # normal returns only: a helper that raised stopped nothing we rely on
            self.exit_stops = stopped if self.exit_stops is None else self.exit_stops & stopped
        calls = ir.calls_in(node.expr)
        deferred = [c for c in (awaited_callable(call, self.runs, self.unit.tu.types, self.cls) for call in calls)
                    if c is not None]
        for call in [*calls, *deferred]:
            rule = rule_for(self.teardown, call)
            if rule is not None and rule["action"] in _RELEASES:
                handle = _self_field(call.receiver) or _self_field(argument(call, "#0"))
                if handle is not None:
                    live = {u.ident for u in self.users if handle in u.uses and u.ident not in stopped
                            and not self._never_started(u, state)}
                    site = Release(call.loc.line, call.loc.col, call.written or call.callee or "?", handle)
                    self.live_at.setdefault(site, set()).update(live)
            if rule is not None and rule["action"] in _STOPS:
                matched = self._stopped_by(call, rule)
                for ident in matched:
                    self.stop_lines.setdefault(ident, []).append((call.loc.line, call.written or call.callee))
                stopped = stopped | matched
            callee = call.callee or ""
            if call.bound and callee in self.helper_stops:
                stopped = stopped | self.helper_stops[callee]
        return [state.with_data(stopped)]

    def _stopped_by(self, call: ir.Call, rule) -> frozenset[int]:
        """Users a stop call stops.  The object it stops is its receiver (``self._thread.join()``) or, for a
        module function, its first argument (``free_irq(self.irq)``); when that and the user's holder
        attribute are both known they decide.  Otherwise the API family does: the stop is a method of the
        registration's class or a sibling in its module (Thread/Thread.join, add_event_detect/
        remove_event_detect), or a method of the type the registration returns (timer -> Timer.cancel)."""
        name = call.callee or call.written or ""
        target = _self_field(call.receiver) or _self_field(argument(call, "#0"))
        out = set()
        for user in self.users:
            if user.holder and target:
                if target == user.holder:
                    out.add(user.ident)
                continue
            family = {user.api, _owner(user.api)}
            returned = self.types.get(user.api)
            if returned is not None:
                family.add(returned["type"])
            if _owner(name) in family:
                out.add(user.ident)
        return frozenset(out)

    @staticmethod
    def _never_started(user: User, state: PathState) -> bool:
        """The path tested the holder attribute and found it None: nothing was started there."""
        if not user.holder:
            return False
        key = f"self.{user.holder}"
        rng = state.facts.get(state.binds.get(key, key))
        return rng is not None and rng.value == 0


class PyHotunplugRaceChecker(Checker):
    rule_id = "py-hotunplug-race"
    name = "Race in hot-unplug/close handler (Python)"
    short = ("close()/__exit__/disconnect releases a device handle while a thread, timer or callback the "
             "driver started may still use it.")
    description = (
        "Finds the threads (threading.Thread, Timer), callbacks (RPi.GPIO edge callbacks, bleak notifications, "
        "asyncio loop readers and timers, python-libusb1 transfer callbacks) a driver class starts and the "
        "device handles they use, and reports a release of such a handle (ser.close(), "
        "usb.util.dispose_resources(dev), handle.close(), mmap/MMIO close) in a teardown method on a path "
        "where the user is not yet joined, cancelled or removed: the stop is missing, comes after the "
        "release, or is skipped on an exception path. Setting a stop flag or event is not a stop.")
    help_markdown = (
        "**Race in a hot-unplug/close handler** (concurrency defect; CWE-362, CWE-416).\n\n"
        "When a device goes away the driver's close/disconnect releases its handle. A reader thread, a "
        "re-arming timer or a library callback that is still running then reads a closed port, a disposed "
        "libusb device or an unmapped window: exceptions on the worker thread at best, a reused file "
        "descriptor or a crash in ctypes at worst.\n\n"
        "Fix: stop every user synchronously before the release, in teardown order: signal the thread and "
        "`join()` it, `cancel()` timers, `GPIO.remove_event_detect()`, `await client.stop_notify()`, "
        "`loop.remove_reader()`, then close the handle; keep the stops on error paths too (try/finally).")
    category = "concurrency/hot-unplug-race"
    cwe = (362, 416)
    precision = "high"
    level = "warning"
    security_severity = "6.0"
    languages = ("python",)

    def check(self, unit: Unit) -> Iterable[Finding]:
        model = AsyncUsers(unit, self.rules)
        findings: list[Finding] = []
        for cls, users in sorted(model.users.items()):
            methods = sorted(n for n, f in unit.functions.items() if f.cls == cls and n in unit.cfgs)
            helper_stops: dict[str, frozenset[int]] = {}
            passes = {}
            for name in methods:  # helpers first: their must-stops feed the callers
                passes[name] = self._run(unit, name, users, {})
                if passes[name].exit_stops:
                    helper_stops[name] = passes[name].exit_stops
            for name in methods:
                result = self._run(unit, name, users, helper_stops) if helper_stops else passes[name]
                findings.extend(self._report(unit, name, users, result))
        return findings

    @staticmethod
    def _runs_on(unit: Unit, user: User, teardown: str) -> bool:
        """The teardown is called by the user itself (a menu key handled on the writer thread closes the
        port): while it runs, that thread is busy running it and cannot race with the release."""
        graph = unit.call_graph
        return user.function in graph and teardown in graph and nx.has_path(graph, user.function, teardown)

    def _run(self, unit: Unit, name: str, users: list[User], helper_stops) -> _Teardown:
        check = _Teardown(self, unit, name, users, helper_stops)
        dataflow.run(unit.cfgs[name], check)
        return check

    def _report(self, unit: Unit, name: str, users: list[User], result: _Teardown) -> Iterable[Finding]:
        reported: set[int] = set()  # a missing stop is reported at the first release it exposes
        for site in sorted(result.live_at, key=lambda s: (s.line, s.col)):
            live = [users[i] for i in sorted(result.live_at[site] - reported)
                    if users[i].starter != name and not self._runs_on(unit, users[i], name)]
            if not live:
                continue
            reported.update(u.ident for u in live)
            user = live[0]
            late = [(line, call) for line, call in result.stop_lines.get(user.ident, []) if line > site.line]
            state = (f"is stopped only after the release ({late[0][1]}() at line {late[0][0]})" if late
                     else "is not stopped on this path")
            message = (f"{site.call}() in {name}() releases self.{site.handle} while {user.what} "
                       f"{user.function}() (started at line {user.line}) {state}; it uses self.{site.handle}")
            if len(live) > 1:
                message += f" (also live: {', '.join(u.function + '()' for u in live[1:4])})"
            steps = [Step(user.line, user.col, f"{user.api}() in {user.starter}() starts {user.function}()"),
                     Step(unit.functions[name].loc.line, 1, f"teardown {name}()"),
                     Step(site.line, site.col, f"{site.call}() releases self.{site.handle}")]
            steps += [Step(line, 1, f"{call}() stops {user.function}() only now") for line, call in late[:1]]
            yield Finding(self.rule_id, message, unit.path, site.line, site.col, name, steps, level=self.level,
                          category=self.category, cwe=self.cwe, statement=f"{site.call}(self.{site.handle})")
