"""The asynchronous side of a driver, read from rules/ tables: which objects (URBs, timers, work,
tasklets, IRQs, kthreads) the driver starts, which callback each runs and what that callback touches,
which calls stop them synchronously, which calls free memory, and which functions are the driver's
setup and teardown entry points.

Objects are named by type, not by variable: ``&dev->timer`` in probe and ``&priv->timer`` in remove are
both ``foo.timer`` when ``dev`` and ``priv`` point to ``struct foo``.  That is what lets a teardown path be
paired with the setup path that started the object.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

import networkx as nx

from . import ir
from .contextmodel import function_arg
from .dataflow import ANY, PathState, call_symbol, run
from .rules import FieldSpec, RuleSet, TableSpec, declare
from .private_memory import PrivateMemory
from .unit import Unit

KINDS = ("urb", "timer", "hrtimer", "work", "tasklet", "irq", "kthread")
ALL = "*"  # stop-everything marker: a call this file cannot see into may have stopped anything

DRIVER_ENTRY = declare(TableSpec("driver_entry", {
    "record": FieldSpec(str, True),  # ops struct: usb_driver, pci_driver, net_device_ops...
    "setup": FieldSpec(list, True),  # fields whose function starts the device (probe, ndo_open)
    "teardown": FieldSpec(list, True),  # fields whose function stops it (disconnect, remove, ndo_stop)
    "devres": FieldSpec(bool),  # the bus frees the device's devm_* memory after the teardown entry returns
    # the core calls the teardown holding these pseudo-locks (RTNL around ndo_stop) after clearing the state
    # these pure calls report (netif_running() is already false in ndo_stop): a callback that tests that
    # state under that lock and bails cannot reach what the teardown frees
    "holds": FieldSpec(list),
    "clears": FieldSpec(list),
    # the order in which the core calls the teardown fields of one registration (usb-serial: close, then
    # port_remove, then disconnect, then release): each starts with what the earlier ones stopped
    "sequence": FieldSpec(list),
    # teardown fields the core calls only after killing every URB queued to the bound interface's
    # endpoints (usb_unbind_interface() disables them before disconnect), unless the driver struct
    # sets ``unless_set`` (soft_unbind: the driver kills its own URBs)
    "urbs_killed_before": FieldSpec(list),
    "unless_set": FieldSpec(str),
}, "A bus's or subsystem's setup and teardown entry points, found through the ops structure the driver fills."))

INVOKES = declare(TableSpec("invokes", {
    "names": FieldSpec(list, True),
    "record": FieldSpec(str, True),
    "fields": FieldSpec(list, True),
}, "Calls that run another of the driver's callbacks synchronously: unregister_netdev() runs ndo_stop."))

ASYNC_BIND = declare(TableSpec("async_bind", {
    "names": FieldSpec(list, True),
    "kind": FieldSpec(str, True, KINDS),
    "object": FieldSpec(int, True),  # argument naming the object; -1: the call's result
    "callback": FieldSpec(int, True),  # argument holding the callback
    "thread": FieldSpec(int),  # second callback (threaded IRQ handler)
    "dev_id": FieldSpec(int),  # the cookie free_irq() is called with
    "starts": FieldSpec(bool),  # binds and starts at once (request_irq, kthread_run)
    "devm": FieldSpec(bool),  # released by devres after the teardown entry returns
    "fails": FieldSpec(str, False, ("nonzero",)),  # starts: what it returns when it started nothing
    "to_interface": FieldSpec(bool),  # a URB for an endpoint of the bound interface (bulk, interrupt)
}, "Calls that bind a callback to an asynchronous object (timer_setup, INIT_WORK, usb_fill_bulk_urb, request_irq)."))

ASYNC_FIELD = declare(TableSpec("async_callback_field", {
    "record": FieldSpec(str, True),
    "fields": FieldSpec(list, True),
    "kind": FieldSpec(str, True, KINDS),
}, "Struct fields that hold an asynchronous object's callback (work_struct.func, urb->complete)."))

ASYNC_START = declare(TableSpec("async_start", {
    "names": FieldSpec(list, True),
    "kind": FieldSpec(str, True, KINDS),
    "object": FieldSpec(int, True),
    "group": FieldSpec(int),  # argument naming a group that can be stopped at once (workqueue, anchor)
    "anchors": FieldSpec(bool),  # only attaches the object to the group (usb_anchor_urb)
    "fails": FieldSpec(str, False, ("nonzero",)),  # what it returns when it started nothing (usb_submit_urb)
}, "Calls that start (arm, submit, queue, schedule) an asynchronous object."))

ASYNC_STOP = declare(TableSpec("async_stop", {
    "names": FieldSpec(list, True),
    "kind": FieldSpec(str, True, KINDS),
    "object": FieldSpec(int, True),  # -1 with match = "all"
    "match": FieldSpec(str, False, ("object", "group", "dev_id", "irq", "all")),
    "waits": FieldSpec(bool),  # false: only requests the stop and returns (usb_unlink_urb, del_timer)
    "permanent": FieldSpec(bool),  # later attempts to start it fail (usb_poison_urb, tasklet_disable)
}, "Calls that stop an asynchronous object; with waits (the default) they return only once its callback "
   "has finished and cannot run again."))

FREES = declare(TableSpec("frees", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int, True),
    "private": FieldSpec(str),  # accessor of the private area freed with the object (netdev_priv)
    "release_arg": FieldSpec(int),  # kref_put: frees only through this release function
    "release_field": FieldSpec(str),  # put_device: frees through the function stored in record.field
}, "Calls that free memory."))

FRESH_ALLOC = declare(TableSpec("fresh_alloc", {
    "names": FieldSpec(list, True),
}, "Allocators returning memory nothing else points to: a local that holds only such memory and never "
   "escapes is the function's own, out of every callback's reach."))

REF_GET = declare(TableSpec("ref_get", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int, True),
}, "Calls that take a reference: a user that takes one where it is started keeps the memory alive itself."))

DEVM_ALLOC = declare(TableSpec("devm_alloc", {
    "names": FieldSpec(list, True),
}, "Device-managed allocations: freed by devres after the bus's teardown entry returns."))

DEVRES_INVOKES = declare(TableSpec("devres_invokes", {
    "names": FieldSpec(list, True),
    "record": FieldSpec(str, True),
    "fields": FieldSpec(list, True),
}, "Device-managed registrations whose release runs driver callbacks (before earlier devm memory is freed)."))

STATE_WRITE = declare(TableSpec("state_write", {
    "names": FieldSpec(list, True),
    "arg": FieldSpec(int, True),
}, "Calls that write driver state callbacks may test before restarting work (clear_bit(RUNNING, &dev->flags))."))


# ------------------------------------------------------------------ naming objects


@dataclass(frozen=True)
class ObjectRef:
    """An object named by type: ``foo.timer`` for ``&dev->timer`` with ``dev`` a ``struct foo *``."""

    key: str
    container: str  # the struct holding it ("" for a global)
    embedded: bool  # the struct holds the object itself, not a pointer to it
    text: str  # as written, for messages


def _member_ref(member: ir.Member, embedded: bool) -> Optional[ObjectRef]:
    while True:  # dev->dwork.work, (&dev->dwork)->work: the delayed work dev->dwork
        base = ir.strip(member.base)
        if member.arrow and isinstance(base, ir.Unary) and base.op == "&" and isinstance(ir.strip(base.operand), ir.Member):
            member = ir.strip(base.operand)
        elif not member.arrow and isinstance(base, ir.Member):
            member = base
        else:
            break
    if not member.record:
        return None
    return ObjectRef(f"{member.record}.{member.field}", member.record, embedded, ir.expr_key(member))


def object_ref(expr: Optional[ir.Expr], function: ir.Function, aliases: dict[str, ObjectRef]) -> Optional[ObjectRef]:
    """The object an expression designates (``&dev->work``, ``dev->urbs[i]``, a local alias of a field,
    a global), or None when it cannot be named across functions."""
    if expr is None:
        return None
    expr = ir.strip(expr)
    embedded = False
    if isinstance(expr, ir.Unary) and expr.op == "&":
        embedded = True
        expr = ir.strip(expr.operand)
    while isinstance(expr, ir.Index):
        expr = ir.strip(expr.base)
    if isinstance(expr, ir.Member):
        return _member_ref(expr, embedded)
    if isinstance(expr, ir.Name):
        if expr.name in aliases:
            return aliases[expr.name]
        if not expr.is_local and not expr.is_param:
            return ObjectRef(f"::{expr.name}", "", embedded, expr.name)
    return None


def pointee(expr: ir.Expr, function: ir.Function) -> str:
    """The struct a pointer expression points to, when a declaration says so."""
    expr = ir.strip(expr)
    if isinstance(expr, ir.Name):
        return function.pointee_records.get(expr.name, "")
    return ""


def _aliases(function: ir.Function, cfg) -> dict[str, ObjectRef]:
    """Locals that stand for one field: ``urb = dev->urb`` or ``dev->urb = urb``.  A local tied to two
    different fields is dropped (it names neither)."""
    found: dict[str, Optional[ObjectRef]] = {}
    for node_id in cfg.graph.nodes:
        expr = cfg.node(node_id).expr
        if not isinstance(expr, ir.Binary) or expr.op != "=":
            continue
        lhs, rhs = ir.strip(expr.lhs), ir.strip(expr.rhs)
        for local, other in ((lhs, rhs), (rhs, lhs)):
            if isinstance(local, ir.Name) and local.is_local:
                while isinstance(other, ir.Index):
                    other = ir.strip(other.base)
                if isinstance(other, ir.Member):
                    ref = _member_ref(other, False)
                    if ref is not None:
                        if local.name in found and found[local.name] != ref:
                            found[local.name] = None
                        else:
                            found.setdefault(local.name, ref)
    return {name: ref for name, ref in found.items() if ref is not None}


class _Running:
    """The engine's view of one start call: the path data is the call's result symbol while the object
    may be running (None before the start and after a stop), so ``if (err) return err;`` after a failed
    request_irq() is told apart from a return that leaves the handler installed."""

    def __init__(self, node: int, call: ir.Call, stops: frozenset[int]):
        self.node, self.call, self.stops = node, call, stops

    def initial(self) -> None:
        return None

    def transfer(self, cfg, node_id: int, node, state: PathState) -> list[PathState]:
        if node_id == self.node:
            return [state.with_data(call_symbol(node_id, self.call))]
        if node_id in self.stops:
            return [state.with_data(None)]
        return [state]


def _function_name(expr: Optional[ir.Expr], unit: Unit) -> Optional[str]:
    """A function of this file named by a callback argument or a field store."""
    name = function_arg(expr) if expr is not None else None
    return name if name in unit.functions else None


# ------------------------------------------------------------------ what the driver starts


@dataclass(frozen=True)
class Site:
    function: str
    line: int
    col: int
    call: str
    node: int = -1


@dataclass
class Resource:
    key: str
    kind: str
    container: str
    text: str
    embedded: bool = False
    callbacks: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    starts: list[Site] = field(default_factory=list)
    devm: bool = False
    irq_keys: set[str] = field(default_factory=set)
    dev_ids: set[str] = field(default_factory=set)  # keys or struct names of the dev_id cookie
    endpoints: set[str] = field(default_factory=set)  # URBs: "interface" or "other" per way it was filled

    @property
    def interface_urb(self) -> bool:
        """A URB only ever filled for an endpoint of the bound interface: the USB core kills it on unbind."""
        return self.kind == "urb" and self.endpoints == {"interface"}


def _local_setup(expr: ir.Expr) -> bool:
    """``adapter = container_of(work, ...)``, ``netdev = adapter->netdev``: a local bound, nothing else."""
    expr = ir.strip(expr)
    return (isinstance(expr, ir.Binary) and expr.op == "=" and isinstance(ir.strip(expr.lhs), ir.Name)
            and all(c.pure for c in ir.calls_in(expr)))


# ------------------------------------------------------------------ events on a teardown path


@dataclass(frozen=True)
class Stop:
    call: ir.Call
    keys: frozenset[str]  # resources stopped ({ALL} for an opaque call)
    waits: bool = True
    permanent: bool = False  # nothing can start them again


@dataclass(frozen=True)
class Freed:
    """What a free call releases: whole structs, or one field's memory."""

    records: frozenset[str]
    field: Optional[tuple[str, str]]  # (struct, field) for kfree(dev->buf)
    key: Optional[str]  # the freed field as an object key (usb_free_urb(dev->urb))
    text: str
    ref: Optional[str] = None  # the reference dropped (kref_put(&dev->kref))
    owner: Optional[str] = None  # whose field is freed: ``port.write_urbs`` for kfree(port->write_urbs[j]->buf)


@dataclass(frozen=True)
class Free:
    call: ir.Call
    freed: Freed


@dataclass(frozen=True)
class Helper:
    call: ir.Call
    callee: str


@dataclass(frozen=True)
class Write:
    """Driver state written (``clear_bit(RUNNING, &dev->flags)``, ``dev->stopping = true``)."""

    call: ir.Expr
    keys: frozenset[str]


@dataclass(frozen=True)
class Invoke:
    call: ir.Call
    functions: tuple[str, ...]  # driver callbacks the call runs (ndo_stop through unregister_netdev)


Event = Union[Stop, Free, Helper, Invoke, Write]


class AsyncModel:
    """Everything the hot-unplug checker needs to know about one file, computed once."""

    def __init__(self, unit: Unit, rules: RuleSet):
        self.unit = unit
        self.bind = rules.by_name("async_bind")
        self.start = rules.by_name("async_start")
        self.stop = rules.by_name("async_stop")
        self.frees = rules.by_name("frees")
        self.invokes = rules.by_name("invokes")
        self.ref_get = rules.by_name("ref_get")
        self.state_write = rules.by_name("state_write")
        self.private = PrivateMemory(unit, frozenset(rules.by_name("fresh_alloc")),
                                     frozenset(self.bind) | frozenset(self.start))
        self.callback_fields = {(r["record"], f): r["kind"] for r in rules.table("async_callback_field")
                                for f in r["fields"]}
        self.resources: dict[str, Resource] = {}
        self._call_lists: dict[str, list] = {}
        self._private: dict[str, set[str]] = {}
        self.aliases = {name: _aliases(fn, unit.cfgs[name]) for name, fn in unit.functions.items()}
        self._anchored_locals()
        for _ in range(2):  # helpers of helpers
            self._param_aliases()
        self.arms: dict[str, set[str]] = {name: set() for name in unit.functions}  # own starts per function
        self._start_calls: dict[str, list[tuple[int, ir.Call, str, Optional[str]]]] = {}
        self.setup, self.teardown, self.devres = self._entries(rules)
        self.devm_alloc = rules.by_name("devm_alloc")
        self.devres_invokes = rules.by_name("devres_invokes")
        self._collect_starts()
        self._events: dict[str, dict[int, list[Event]]] = {}
        self._drop_scoped_starts()
        self.own_records: dict[str, frozenset[str]] = {}  # structs each function reads or writes itself
        self.own_fields: dict[str, frozenset[tuple[str, str]]] = {}
        self.touched_records, self.touched_fields = self._touches()
        self.own_object_fields = {name: self._own_object_fields(name) for name in unit.functions}
        self.started = self._started()
        self.rearm_guards: dict[tuple[str, str], frozenset[str]] = {}
        self.rearmers = self._rearmers()
        # object -> driver state its callbacks test first and return on (``if (test_bit(__AT_DOWN,
        # &adapter->flags)) return;``): once a teardown wrote it, a restart runs a callback that does nothing
        self.bail_keys = {key: keys for key in self.started
                          if (keys := self._bails_first(self.resources[key].callbacks))}

    @classmethod
    def of(cls, unit: Unit, rules: RuleSet) -> "AsyncModel":
        return unit.shared(("async-model", rules.digest), lambda: cls(unit, rules))

    # -------------------------------------------------------------- entry points

    def _entries(self, rules: RuleSet) -> tuple[dict[str, str], dict[str, str], set[str]]:
        """Setup and teardown functions of this file, each with how it is registered, and the teardown
        entries after which devres frees the device's managed memory."""
        roles = {}
        guards: dict[tuple[str, str], frozenset[tuple[str, str]]] = {}
        held: dict[tuple[str, str], frozenset[str]] = {}  # (record, entry field) -> locks the core holds
        earlier: dict[tuple[str, str], list[str]] = {}  # (record, teardown field) -> fields the core runs first
        killing: dict[tuple[str, str], str] = {}  # (record, teardown field) -> the flag that turns it off
        self.cleared_states = {state for rule in rules.table("driver_entry") for state in rule.get("clears", [])}
        for rule in rules.table("driver_entry"):
            for f in rule.get("urbs_killed_before", []):
                killing[(rule["record"], f)] = rule.get("unless_set", "")
            sequence = rule.get("sequence", [])
            for index, f in enumerate(sequence):
                earlier[(rule["record"], f)] = sequence[:index]
            for f in rule["setup"]:
                roles[(rule["record"], f)] = ("setup", False)
            for f in rule["teardown"]:
                roles[(rule["record"], f)] = ("teardown", bool(rule.get("devres")))
                guards[(rule["record"], f)] = frozenset(
                    (lock, state) for lock in rule.get("holds", []) for state in rule.get("clears", []))
            for f in rule["setup"] + rule["teardown"]:
                held[(rule["record"], f)] = frozenset(rule.get("holds", []))
        setup: dict[str, str] = {}
        teardown: dict[str, str] = {}
        devres: set[str] = set()
        self.teardown_guards: dict[str, frozenset[tuple[str, str]]] = {}
        # entry point -> locks the core holds around it (RTNL around ndo_open and ndo_stop)
        self.entry_locks: dict[str, frozenset[str]] = {}
        self.urbs_killed_before: set[str] = set()  # teardown functions the USB core runs after killing URBs
        for init in self.unit.tu.field_inits:
            flag = killing.get((init.record, init.field))
            if flag is not None and init.function in self.unit.functions \
                    and flag not in self.unit.tu.driver_flags.get(init.owner, frozenset()):
                self.urbs_killed_before.add(init.function)
            role = roles.get((init.record, init.field))
            if role is not None and init.function in self.unit.functions:
                (setup if role[0] == "setup" else teardown).setdefault(init.function, f"{init.record}.{init.field}")
                if role[1]:
                    devres.add(init.function)
                if guards.get((init.record, init.field)):
                    self.teardown_guards[init.function] = guards[(init.record, init.field)]
                if held.get((init.record, init.field)):
                    self.entry_locks[init.function] = held[(init.record, init.field)]
        self.teardown_after: dict[str, set[str]] = {}  # teardown function -> teardown functions run before it
        for init in self.unit.tu.field_inits:
            before = earlier.get((init.record, init.field))
            if before and init.function in teardown:
                self.teardown_after.setdefault(init.function, set()).update(
                    other.function for other in self.unit.tu.field_inits
                    if other.owner == init.owner and other.record == init.record and other.field in before
                    and other.function in self.unit.functions and other.function != init.function)
        return setup, teardown, devres

    def registered(self, record: str, fields: list[str]) -> tuple[str, ...]:
        return tuple(sorted({i.function for i in self.unit.tu.field_inits
                             if i.record == record and i.field in fields and i.function in self.unit.functions}))

    # -------------------------------------------------------------- starts and callbacks

    def _resource(self, ref: ObjectRef, kind: str) -> Optional[Resource]:
        """Objects of the framework's structs are the framework's to stop; only the driver's own structs
        (and globals) are tracked."""
        if ref.container and ref.container not in self.unit.tu.driver_records:
            return None
        res = self.resources.get(ref.key)
        if res is None:
            res = self.resources[ref.key] = Resource(ref.key, kind, ref.container, ref.text)
        res.embedded = res.embedded or ref.embedded
        return res

    def _calls(self, name: str) -> list[tuple[int, ir.Expr, ir.Call]]:
        """(node, node expression, call) for every call of a function, listed once: several tables are
        matched against the same calls."""
        cached = self._call_lists.get(name)
        if cached is None:
            cfg = self.unit.cfgs[name]
            cached = self._call_lists[name] = [
                (node_id, cfg.node(node_id).expr, call) for node_id in sorted(cfg.graph.nodes)
                if cfg.node(node_id).expr is not None for call in ir.calls_in(cfg.node(node_id).expr)]
        return cached

    def _anchored_locals(self) -> None:
        """A local URB put on an anchor (``usb_anchor_urb(urb, &dev->rx_anchor)``) is one of the anchor's
        URBs: named after the anchor, it is stopped by ``usb_kill_anchored_urbs()`` on that anchor."""
        for name, function in self.unit.functions.items():
            aliases = self.aliases[name]
            for _, _, call in self._calls(name):
                rule = next((self.start[n] for n in call.names if n in self.start), None)
                if rule is None or not rule.get("anchors") or max(rule["object"], rule.get("group", 0)) >= len(call.args):
                    continue
                local = ir.strip(call.args[rule["object"]])
                group = object_ref(call.args[rule["group"]], function, aliases)
                if isinstance(local, ir.Name) and local.is_local and local.name not in aliases and group is not None:
                    aliases[local.name] = ObjectRef(f"{group.key}[]", group.container, False, f"URBs on {group.text}")

    def _param_aliases(self) -> None:
        """A helper's parameter stands for the one object the file's call sites name when they pass it
        (``rx_submit(pnd, pnd->urbs[i])`` makes ``rx_submit``'s URB ``pnd.urbs``)."""
        passed: dict[tuple[str, int], set] = {}
        for caller, function in self.unit.functions.items():
            for _, _, call in self._calls(caller):
                if call.callee not in self.unit.functions or call.callee == caller:
                    continue
                for index, arg in enumerate(call.args):
                    passed.setdefault((call.callee, index), set()).add(object_ref(arg, function, self.aliases[caller]))
        for (callee, index), refs in passed.items():
            params = self.unit.functions[callee].params
            refs.discard(None)  # a call site passing something unnamed (a completion's own urb) says nothing
            if len(refs) == 1 and index < len(params):
                self.aliases[callee].setdefault(params[index].name, next(iter(refs)))

    def _collect_starts(self) -> None:
        refs_taken: dict[str, set[str]] = {}
        for name, function in self.unit.functions.items():
            aliases = self.aliases[name]
            for node_id, expr, call in self._calls(name):
                rule = next((self.bind[n] for n in call.names if n in self.bind), None)
                if rule is not None:
                    self._bind(name, function, aliases, expr, call, rule, node_id)
                rule = next((self.ref_get[n] for n in call.names if n in self.ref_get), None)
                if rule is not None and rule["arg"] < len(call.args):
                    ref = object_ref(call.args[rule["arg"]], function, aliases)
                    if ref is not None:
                        refs_taken.setdefault(name, set()).add(ref.key)
                rule = next((self.start[n] for n in call.names if n in self.start), None)
                if rule is not None and rule["object"] < len(call.args):
                    ref = object_ref(call.args[rule["object"]], function, aliases)
                    res = self._resource(ref, rule["kind"]) if ref is not None else None
                    if res is None:
                        continue
                    group = rule.get("group")
                    if group is not None and group < len(call.args):
                        group_ref = object_ref(call.args[group], function, aliases)
                        if group_ref is not None:
                            res.groups.add(group_ref.key)
                    if not rule.get("anchors"):
                        res.starts.append(Site(name, call.loc.line, call.loc.col, call.written or call.callee, node_id))
                        self.arms[name].add(res.key)
                        self._start_calls.setdefault(name, []).append((node_id, call, res.key, rule.get("fails")))
            for node_id in self.unit.cfgs[name].graph.nodes:
                self._bind_by_field(name, function, aliases, self.unit.cfgs[name].node(node_id).expr)
        self.shared_refs = set().union(*refs_taken.values()) if refs_taken else set()

    def _bind(self, name, function, aliases, expr, call: ir.Call, rule, node_id: int) -> None:
        index = rule["object"]
        if index < 0:  # the result: `dev->thread = kthread_run(...)`
            target = expr.lhs if isinstance(expr, ir.Binary) and expr.op == "=" and ir.strip(expr.rhs) is call else None
            ref = object_ref(target, function, aliases)
        elif rule["kind"] == "irq":  # named after its handler: the primary one, else the thread (primary NULL)
            handlers = [_function_name(call.args[i], self.unit) for i in (rule["callback"], rule.get("thread"))
                        if i is not None and i < len(call.args)]
            callback = next((h for h in handlers if h), None)
            ref = ObjectRef(f"irq:{callback}", "", False, f"IRQ handler {callback}()") if callback else None
        else:
            ref = object_ref(call.args[index], function, aliases) if index < len(call.args) else None
        res = self._resource(ref, rule["kind"]) if ref is not None else None
        if res is None:
            return
        if rule["kind"] == "urb":
            res.endpoints.add("interface" if rule.get("to_interface") else "other")
        for slot in ("callback", "thread"):
            position = rule.get(slot)
            if position is not None and position < len(call.args):
                callback = _function_name(call.args[position], self.unit)
                if callback:
                    res.callbacks.add(callback)
        if rule["kind"] == "irq":
            if index < len(call.args):
                irq = object_ref(call.args[index], function, aliases)
                if irq is not None:
                    res.irq_keys.add(irq.key)
            res.dev_ids |= self._dev_id(call, rule.get("dev_id"), function, aliases)
            res.devm = res.devm or bool(rule.get("devm"))
        if rule.get("starts"):
            res.starts.append(Site(name, call.loc.line, call.loc.col, call.written or call.callee, node_id))
            self.arms[name].add(res.key)
            self._start_calls.setdefault(name, []).append((node_id, call, res.key, rule.get("fails")))

    def _dev_id(self, call: ir.Call, index: Optional[int], function, aliases) -> set[str]:
        if index is None or index >= len(call.args):
            return set()
        arg = call.args[index]
        out = set()
        ref = object_ref(arg, function, aliases)
        if ref is not None:
            out.add(ref.key)
        record = pointee(arg, function)
        if record:
            out.add(record)
        return out

    def _bind_by_field(self, name, function, aliases, expr) -> None:
        """``dev->work.func = fn`` (INIT_WORK as the kernel expands it), ``urb->complete = fn``."""
        if not isinstance(expr, ir.Binary) or expr.op != "=":
            return
        lhs = ir.strip(expr.lhs)
        if not isinstance(lhs, ir.Member):
            return
        kind = self.callback_fields.get((lhs.record, lhs.field))
        callback = _function_name(expr.rhs, self.unit)
        if kind is None or callback is None:
            return
        # dev->work.func: the object is dev->work (embedded); urb->complete: the object urb points to
        ref = object_ref(lhs.base if lhs.arrow else ir.Unary("&", lhs.base), function, aliases)
        res = self._resource(ref, kind) if ref is not None else None
        if res is not None:
            res.callbacks.add(callback)
            if kind == "urb":
                res.endpoints.add("other")  # filled by hand: any pipe

    # -------------------------------------------------------------- what callbacks touch

    def _touches(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[tuple[str, str]]]]:
        """Structs and fields each function reads or writes through a pointer, its same-file callees
        included."""
        records: dict[str, set[str]] = {}
        fields: dict[str, set[tuple[str, str]]] = {}
        for name in self.unit.functions:
            own_records, own_fields = records.setdefault(name, set()), fields.setdefault(name, set())
            cfg = self.unit.cfgs[name]
            for node_id in cfg.graph.nodes:
                expr = cfg.node(node_id).expr
                if expr is None:
                    continue
                for node in ir.walk_expr(expr):
                    if isinstance(node, ir.Member) and node.record:
                        own_records.add(node.record)
                        own_fields.add((node.record, node.field))
        self.own_records = {name: frozenset(found) for name, found in records.items()}
        self.own_fields = {name: frozenset(found) for name, found in fields.items()}
        graph = self.unit.call_graph
        all_records, all_fields = {}, {}
        for name in self.unit.functions:
            reach = nx.descendants(graph, name) | {name}
            all_records[name] = frozenset().union(*(records[f] for f in reach))
            all_fields[name] = frozenset().union(*(fields[f] for f in reach))
        return all_records, all_fields

    def _own_object_fields(self, function: str) -> frozenset[tuple[str, str]]:
        """Fields a function reaches only through its own parameters (``urb->transfer_buffer`` in an URB
        completion), never through another pointer, nor in a same-file function it calls.  In a
        callback, those are the fields of the object it was called for."""
        through_params: set[tuple[str, str]] = set()
        other: set[tuple[str, str]] = set()
        cfg = self.unit.cfgs[function]
        for node_id in cfg.graph.nodes:
            expr = cfg.node(node_id).expr
            for node in ir.walk_expr(expr) if expr is not None else ():
                if isinstance(node, ir.Member) and node.record:
                    base = ir.strip(node.base)
                    mine = node.arrow and isinstance(base, ir.Name) and base.is_param
                    (through_params if mine else other).add((node.record, node.field))
        graph = self.unit.call_graph
        for callee in nx.descendants(graph, function) if function in graph else ():
            other |= self.touched_fields.get(callee, frozenset())
        return frozenset(through_params - other)

    def callback_own_fields(self, res: Resource) -> frozenset[tuple[str, str]]:
        """Fields every callback of the object reaches only through the object it runs for."""
        own = [self.own_object_fields.get(c, frozenset()) for c in res.callbacks]
        return frozenset.intersection(*own) if own else frozenset()

    # -------------------------------------------------------------- what is running

    def start_site(self, res: Resource) -> Site:
        """Where to say an object was started: in setup code when it is (probe rather than the callback
        that re-arms it)."""
        graph = self.unit.call_graph
        setup = set(self.setup).union(*(nx.descendants(graph, f) for f in self.setup if f in graph))
        return next((s for s in res.starts if s.function in setup), res.starts[0])

    def _drop_scoped_starts(self) -> None:
        """An object a function starts and then stops, waiting for it, on every path on which the start
        succeeded (a test IRQ requested and freed inside one probe helper) is not left running by it."""
        for name, starts in self._start_calls.items():
            events = self.events(name)
            for key in {key for _, _, key, _ in starts}:
                stops = frozenset(n for n, evs in events.items() for e in evs
                                  if isinstance(e, Stop) and e.waits and ALL not in e.keys and key in e.keys)
                if stops and not any(self._left_running(name, node, call, fails, stops)
                                     for node, call, k, fails in starts if k == key):
                    self.arms[name].discard(key)

    def _left_running(self, name: str, node: int, call: ir.Call, fails: Optional[str], stops: frozenset[int]) -> bool:
        """Can the function return with the object this start call started still running?"""
        cfg = self.unit.cfgs[name]
        result = run(cfg, _Running(node, call, stops))
        for state in result.states_in.get(cfg.exit, ()):
            if state.data is not None and (fails != "nonzero" or state.facts.get(state.data, ANY).may_be(0)):
                return True
        return False

    def _arms_from(self, functions: set[str]) -> set[str]:
        graph = self.unit.call_graph
        reach = set(functions)
        for f in functions:
            if f in graph:
                reach |= nx.descendants(graph, f)
        return set().union(*(self.arms.get(f, set()) for f in reach)) if reach else set()

    def _started(self) -> set[str]:
        """Objects started by the setup entry points, or by callbacks of objects those start."""
        started: set[str] = set()
        frontier = set(self.setup)
        seen: set[str] = set()
        while frontier:
            seen |= frontier
            new = self._arms_from(frontier) - started
            started |= new
            frontier = {c for key in new for c in self.resources[key].callbacks} - seen
        return started

    def _rearmers(self) -> dict[str, frozenset[str]]:
        """For each started object, the other started objects whose callbacks start it again: stopping it
        while one of them may still run does not keep it stopped (unless the teardown path first wrote
        the driver state every such restart is conditional on: see ``rearm_guards``)."""
        out: dict[str, set[str]] = {}
        graph = self.unit.call_graph
        for key in self.started:
            callbacks = self.resources[key].callbacks
            reach = set(callbacks).union(*(nx.descendants(graph, c) for c in callbacks if c in graph))
            for armed in self._arms_from(callbacks):
                if armed == key or armed not in self.started:
                    continue
                out.setdefault(armed, set()).add(key)
                sites = [s for s in self.resources[armed].starts if s.function in reach]
                guards = [self._guards(site) for site in sites]
                self.rearm_guards[(armed, key)] = frozenset.intersection(*guards) if guards else frozenset()
        return {k: frozenset(v) for k, v in out.items()}

    def _bails_first(self, callbacks: set[str]) -> frozenset[str]:
        """Driver-state fields that every callback tests before doing anything (only local assignments
        come first) with one outcome leading straight to a return."""
        out: Optional[frozenset[str]] = None
        for callback in callbacks:
            keys = self._entry_test(callback) if callback in self.unit.cfgs else frozenset()
            out = keys if out is None else out & keys
            if not out:
                return frozenset()
        return out or frozenset()

    def _entry_test(self, function: str) -> frozenset[str]:
        """The driver-state fields of the function's first test (its branches: a macro such as test_bit()
        may expand to several) when one of its outcomes returns at once."""
        cfg = self.unit.cfgs[function]
        node_id = cfg.entry
        for _ in range(16):  # only local assignments may come first
            node = cfg.node(node_id)
            succs = list(cfg.graph.successors(node_id))
            if node.kind == "branch":
                break
            if len(succs) != 1 or (node.expr is not None and not _local_setup(node.expr)):
                return frozenset()
            node_id = succs[0]
        else:
            return frozenset()
        test, frontier, returns = set(), [node_id], False
        while frontier and len(test) < 16:
            current = frontier.pop()
            if current in test:
                continue
            test.add(current)
            for succ in cfg.graph.successors(current):
                if cfg.node(succ).kind == "branch" and cfg.node(succ).loc.line == cfg.node(node_id).loc.line:
                    frontier.append(succ)  # (the same test: one line)
                elif self._returns_at_once(cfg, succ):
                    returns = True
        if not returns:
            return frozenset()
        return frozenset(f"{m.record}.{m.field}" for n in test for m in ir.walk_expr(cfg.node(n).expr)
                         if isinstance(m, ir.Member) and m.record in self.unit.tu.driver_records)

    @staticmethod
    def _returns_at_once(cfg, node_id: int) -> bool:
        for _ in range(4):
            node = cfg.node(node_id)
            if node.kind in ("return", "exit"):
                return True
            succs = list(cfg.graph.successors(node_id))
            if len(succs) != 1 or (node.expr is not None and any(not c.pure for c in ir.calls_in(node.expr))):
                return False
            node_id = succs[0]
        return False

    def _guards(self, site: Site) -> frozenset[str]:
        """Driver-state fields tested by the branches that lead to a start site, and the core states a
        teardown clears for good (``call:netif_running``) tested there."""
        cfg = self.unit.cfgs[site.function]
        if site.node not in cfg.graph:
            return frozenset()
        out = set()
        for node_id in nx.ancestors(cfg.graph, site.node):
            node = cfg.node(node_id)
            if node.kind in ("branch", "switch") and node.expr is not None:
                for sub in ir.walk_expr(node.expr):
                    if isinstance(sub, ir.Member) and sub.record in self.unit.tu.driver_records:
                        out.add(f"{sub.record}.{sub.field}")
                    elif isinstance(sub, ir.Call) and sub.pure:
                        out.update(f"call:{n}" for n in sub.names if n in self.cleared_states)
        return frozenset(out)

    # -------------------------------------------------------------- events on teardown paths

    def events(self, name: str) -> dict[int, list[Event]]:
        cached = self._events.get(name)
        if cached is None:
            cached = self._events[name] = self._collect_events(name)
        return cached

    def _collect_events(self, name: str) -> dict[int, list[Event]]:
        function = self.unit.functions[name]
        aliases = self.aliases[name]
        out: dict[int, list[Event]] = {}
        cfg = self.unit.cfgs[name]
        for node_id in cfg.graph.nodes:
            expr = cfg.node(node_id).expr
            if isinstance(expr, ir.Binary) and expr.op == "=" and isinstance(ir.strip(expr.lhs), ir.Member):
                ref = _member_ref(ir.strip(expr.lhs), False)
                if ref is not None and ref.container in self.unit.tu.driver_records:
                    out.setdefault(node_id, []).append(Write(expr, frozenset({ref.key})))
        for node_id, expr, call in self._calls(name):
            event = self._event(call, function, aliases)
            if event is not None:
                out.setdefault(node_id, []).append(event)
        return out

    def _event(self, call: ir.Call, function: ir.Function, aliases) -> Optional[Event]:
        names = call.names
        rule = next((self.stop[n] for n in names if n in self.stop), None)
        if rule is not None:
            return Stop(call, self._stopped(call, rule, function, aliases), rule.get("waits", True),
                        rule.get("permanent", False))
        rule = next((self.frees[n] for n in names if n in self.frees), None)
        if rule is not None:
            freed = self._freed(call, rule, function, aliases)
            return Free(call, freed) if freed is not None else None
        rule = next((self.invokes[n] for n in names if n in self.invokes), None)
        if rule is not None:
            return Invoke(call, self.registered(rule["record"], rule["fields"]))
        rule = next((self.state_write[n] for n in names if n in self.state_write), None)
        if rule is not None:
            ref = object_ref(call.args[rule["arg"]], function, aliases) if rule["arg"] < len(call.args) else None
            return Write(call, frozenset({ref.key})) if ref is not None else None
        if call.callee in self.unit.functions:
            return Helper(call, call.callee)
        if call.callee is None or call.callee in self.unit.tu.driver_functions:
            return Stop(call, frozenset({ALL}))  # code this file cannot see (another file of the driver, an ops call)
        return None

    def _stopped(self, call: ir.Call, rule, function, aliases) -> frozenset[str]:
        kind, match, index = rule["kind"], rule.get("match", "object"), rule["object"]
        of_kind = {k for k, r in self.resources.items() if r.kind == kind}
        arg = call.args[index] if 0 <= index < len(call.args) else None
        if match == "all" or arg is None:
            return frozenset(of_kind)
        if match == "dev_id":
            ids = self._dev_id(call, index, function, aliases)
            hit = {k for k in of_kind if self.resources[k].dev_ids & ids}
            return frozenset(hit or of_kind)
        ref = object_ref(arg, function, aliases)
        if ref is None:
            return frozenset(of_kind)
        if match == "irq":
            hit = {k for k in of_kind if ref.key in self.resources[k].irq_keys}
            return frozenset(hit or of_kind)
        if match == "group":
            return frozenset(k for k in self.resources if ref.key in self.resources[k].groups)
        return frozenset({ref.key})

    def _freed(self, call: ir.Call, rule, function, aliases) -> Optional[Freed]:
        index = rule["arg"]
        if index >= len(call.args):
            return None
        arg = ir.strip(call.args[index])
        text = ir.expr_key(arg)
        release = rule.get("release_arg")
        release_field = rule.get("release_field")
        if release is not None or release_field is not None:
            if not self._release_frees(call, release, release_field):
                return None
            ref = object_ref(arg, function, aliases)
            if ref is None or not ref.container or ref.key in self.shared_refs:
                return None  # unnamed, or a put among several: not known to be the one that frees
            return Freed(frozenset({ref.container}), None, None, text, ref.key)
        if isinstance(arg, ir.Name) and arg.is_local and self.private.owned(function.name, arg.name):
            return None  # allocated here for this function alone: no callback reaches it
        records = set()
        record = pointee(arg, function)
        if record:
            records.add(record)
        if rule.get("private"):
            records |= self.private_records(rule["private"])
        inner = arg
        while isinstance(inner, ir.Index):
            inner = ir.strip(inner.base)
        ref = _member_ref(inner, False) if isinstance(inner, ir.Member) else object_ref(arg, function, aliases)
        if ref is not None and ref.key in self.shared_refs:
            return None  # a put after a get elsewhere (usb_get_urb ... usb_put_urb): not known to be the last
        owner_ref = object_ref(inner.base, function, aliases) if isinstance(inner, ir.Member) else None
        owner = owner_ref.key if owner_ref is not None else None
        if ref is not None and ref.container:  # the memory of one field (kfree(dev->buf), a local alias of it)
            # (the field itself, not the embedded struct holding it: kfree(ss->tx.info) frees tx.info, and a
            # callback reading ss->tx.req does not touch it)
            field = (inner.record, inner.field) if isinstance(inner, ir.Member) and inner.record else \
                (ref.container, ref.key.partition(".")[2])
            return Freed(frozenset(records), field, ref.key, text, owner=owner)
        if isinstance(inner, ir.Member) and inner.record:
            return Freed(frozenset(records), (inner.record, inner.field), None, text, owner=owner)
        return Freed(frozenset(records), None, None, text) if records else None

    def _release_frees(self, call: ir.Call, release: Optional[int], release_field: Optional[str]) -> bool:
        """kref_put()/put_device() free only when the release function does."""
        functions: set[str] = set()
        if release is not None and release < len(call.args):
            fn = _function_name(call.args[release], self.unit)
            if fn:
                functions.add(fn)
        if release_field:
            record, _, fld = release_field.partition(".")
            functions |= set(self.registered(record, [fld]))
        graph = self.unit.call_graph
        for fn in functions:
            for f in nx.descendants(graph, fn) | {fn}:
                for _, _, inner in self._calls(f):
                    rule = next((self.frees[n] for n in inner.names if n in self.frees), None)
                    if rule is not None and rule.get("release_arg") is None and rule.get("release_field") is None:
                        return True
        return False

    def devm_records(self) -> dict[str, Site]:
        """Driver structs allocated with devm_* (``priv = devm_kzalloc(...)``), with where."""
        found: dict[str, Site] = {}
        for name, function in self.unit.functions.items():
            for node_id, expr, call in self._calls(name):
                if not any(n in self.devm_alloc for n in call.names):
                    continue
                if isinstance(expr, ir.Binary) and expr.op == "=" and ir.strip(expr.rhs) is call:
                    record = pointee(expr.lhs, function)
                    if record in self.unit.tu.driver_records:
                        found.setdefault(record, Site(name, call.loc.line, call.loc.col, call.written or "", node_id))
        return found

    def assigns_field(self, function: str, key: str) -> bool:
        """Does the function (or a same-file callee) store a call's result into the field ``key``
        (``ss->rx_big.info = kcalloc(...)``)?  Read from the driver-state writes the events record."""
        graph = self.unit.call_graph
        reach = (nx.descendants(graph, function) | {function}) if function in graph else {function}
        return any(isinstance(event, Write) and key in event.keys and isinstance(event.call, ir.Binary)
                   and isinstance(ir.strip(event.call.rhs), ir.Call)
                   for name in reach for events in self.events(name).values() for event in events)

    def devres_callbacks(self) -> tuple[str, ...]:
        """Driver callbacks devres runs when it releases a managed registration of this file."""
        out: set[str] = set()
        for name in self.unit.functions:
            for _, _, call in self._calls(name):
                rule = next((self.devres_invokes[n] for n in call.names if n in self.devres_invokes), None)
                if rule is not None:
                    out.update(self.registered(rule["record"], rule["fields"]))
        return tuple(sorted(out))

    def private_records(self, accessor: str) -> set[str]:
        """Structs this file reaches through a private-area accessor (``priv = netdev_priv(net)``)."""
        cached = self._private.get(accessor)
        if cached is not None:
            return cached
        found: set[str] = set()
        for name, function in self.unit.functions.items():
            cfg = self.unit.cfgs[name]
            for node_id in cfg.graph.nodes:
                expr = cfg.node(node_id).expr
                if isinstance(expr, ir.Binary) and expr.op == "=":
                    rhs = ir.strip(expr.rhs)
                    if isinstance(rhs, ir.Call) and accessor in rhs.names:
                        record = pointee(expr.lhs, function)
                        if record:
                            found.add(record)
        self._private[accessor] = found
        return found
