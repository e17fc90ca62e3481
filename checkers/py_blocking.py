"""py-blocking-in-atomic: a blocking call where Python drivers must not block.

The Python analogues of atomic context (design.md section 6): the body of an ``async def`` (a blocking
call stalls the event loop), a callback the rules say runs on the event loop, in libusb's event
handling, on the GPIO library's one callback thread or as a signal handler, and code that holds a lock
which such a callback also takes (the callback then waits, with its loop, for the blocking call).

Blocking calls come from the ``py_blocking`` rules (``time.sleep``, pyserial reads, pyusb and usb1
synchronous transfers, smbus/spidev, socket, queue, Event.wait, Thread.join, subprocess...) and from
same-file functions that may reach one, propagated bottom-up; the report names the chain, as for C
(``async def Dev.poll -> Dev.read_frame() -> serial.Serial.read()``).  An awaited call does not block,
nor does passing a method to ``run_in_executor`` (it is not called here).  Which nodes are reachable,
and which locks are held there, comes from the shared lock flow (the dataflow engine).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from drvlint import ir
from drvlint.checker import Checker
from drvlint.findings import Finding, Step
from drvlint.lockflow import LockFlow
from drvlint.lockmodel import locks_of
from drvlint.pymodel import (PY_ATOMIC_CONTEXTS, any_holds, callback_registrations, configuration, configured,
                             constructed, constructions, rule_for)
from drvlint.unit import Unit

STALLS = {"event-loop": "the event loop", "libusb-event": "libusb's event handling",
          "gpio-edge": "every other GPIO edge callback", "signal": "the interrupted thread", "async": "the event loop"}


@dataclass(frozen=True)
class Link:
    """One step of a blocking chain: a call at a line, and what it is."""

    line: int
    col: int
    text: str


@dataclass(frozen=True)
class Root:
    """A function that must not block, and why."""

    function: str
    context: str  # "async" or a py_callback context
    text: str  # "async def Dev.poll", "event-loop callback Dev.on_data (registered at line 12 by ...)"


class PyBlockingChecker(Checker):
    rule_id = "py-blocking-in-atomic"
    name = "Blocking call in an event loop or callback (Python)"
    short = "A blocking call inside an async def, an event-loop/libusb/GPIO callback, or under a lock such a callback takes."
    description = (
        "Reports a blocking call (time.sleep, a pyserial read or write, a pyusb or usb1 synchronous transfer, an "
        "smbus/spidev transfer, socket, queue, Event.wait, Thread.join, subprocess...), directly or through "
        "same-file functions, inside an async def, inside a callback that runs on the asyncio event loop, in "
        "libusb's event handling (transfer and hotplug callbacks), on the GPIO edge-callback thread or as a "
        "signal handler, or while holding a lock that such a callback also takes. The call chain is reported.")
    help_markdown = (
        "**Blocking in an atomic context, Python edition** (concurrency defect; CWE-667, CWE-833).\n\n"
        "An `async def` that calls `time.sleep()` or `ser.read()` freezes every other task of the event loop; a "
        "libusb transfer callback that performs a synchronous transfer deadlocks libusb's event handling; a "
        "thread that holds a lock during a blocking read makes the loop callback that wants the lock wait too.\n\n"
        "Fix: `await asyncio.sleep()`, `await loop.run_in_executor(None, ser.read, n)` or "
        "`asyncio.to_thread()`, asynchronous transfers in libusb callbacks, and no blocking call while holding "
        "a lock a callback needs.")
    category = "concurrency/atomic-deadlock"
    cwe = (667, 833)
    precision = "high"
    level = "warning"
    security_severity = "5.0"
    languages = ("python",)

    def check(self, unit: Unit) -> Iterable[Finding]:
        self.blocking = self.rules.by_name("py_blocking")
        self.unit = unit
        lockflow = LockFlow.of(unit, self.rules)
        self.lockflow = lockflow
        self.config = configuration(unit)
        self.built = constructions(unit)
        self.types = self.rules.by_name("py_type")
        self.current_cls = ""
        self.summary: dict[str, Optional[tuple[Link, ...]]] = {}
        for name in unit.bottom_up():
            self.summary[name] = self._first_block(name)
        roots = self._roots()
        findings: dict[tuple, Finding] = {}
        for root in roots:
            for node_id, call, chain in self._blocking_sites(root.function):
                self._add(findings, root, chain, f"blocking here stalls {STALLS.get(root.context, 'the loop')}", call)
        self._held_by_callbacks(roots, findings)
        return list(findings.values())

    # ------------------------------------------------------------------ what blocks

    def chain_of(self, call: ir.Call) -> Optional[tuple[Link, ...]]:
        """The blocking chain a call starts, or None."""
        rule = rule_for(self.blocking, call)
        if rule is not None:
            if call.awaited or any_holds(call, rule.get("unless")):
                return None
            if configured(self.config, self.current_cls, call.receiver, rule.get("unless_configured")):
                return None  # the object was opened or set non-blocking (pyserial timeout=0)
            if constructed(self.built, self.types, self.current_cls, call, rule.get("unless_constructed")):
                return None  # the object was made so that the call cannot wait (an unbounded queue.Queue())
            name = call.callee or call.written or "?"
            return (Link(call.loc.line, call.loc.col, f"{name}() ({rule['why']}{_timeout(call, rule)})"),)
        callee = self.unit.functions.get(call.callee or "")
        if callee is not None and not callee.is_async and not call.awaited:
            inner = self.summary.get(callee.name)
            if inner:
                return (Link(call.loc.line, call.loc.col, f"{callee.name}()"),) + inner
        return None

    def _blocking_sites(self, name: str):
        self.current_cls = self.unit.functions[name].cls
        flow = self.lockflow.flow(name)
        for node_id in sorted(flow.states_in):
            for call in ir.calls_in(flow.cfg.node(node_id).expr):
                chain = self.chain_of(call)
                if chain:
                    yield node_id, call, chain

    def _first_block(self, name: str) -> Optional[tuple[Link, ...]]:
        return next((chain for _, _, chain in self._blocking_sites(name)), None)

    # ------------------------------------------------------------------ where blocking is forbidden

    def _roots(self) -> list[Root]:
        roots = []
        registrations = callback_registrations(self.unit, self.rules)
        for name, function in self.unit.functions.items():
            if function.is_async:
                roots.append(Root(name, "async", f"async def {name}"))
                continue
            for reg in registrations.get(name, []):
                if reg.context in PY_ATOMIC_CONTEXTS:
                    roots.append(Root(name, reg.context, f"{reg.what} {name} (registered at line {reg.line} by "
                                                         f"{reg.api}() in {reg.registrar})"))
                    break
        return roots

    def _held_by_callbacks(self, roots: list[Root], findings: dict) -> None:
        """Blocking calls made while holding a lock an atomic-context function of the same class takes."""
        taken: dict[tuple[str, str], tuple[Root, int]] = {}
        for root in roots:
            flow = self.lockflow.flow(root.function)
            cls = self.unit.functions[root.function].cls
            for node_id in sorted(flow.states_in):
                for event in self.lockflow.tracker.events(flow.cfg_id, node_id, flow.cfg.node(node_id)):
                    if event.action != "release":
                        taken.setdefault((cls, event.key), (root, event.loc.line))
        if not taken:
            return
        root_names = {r.function for r in roots}
        for name, function in self.unit.functions.items():
            if name in root_names or function.is_async:
                continue
            flow = self.lockflow.flow(name)
            for node_id, call, chain in self._blocking_sites(name):
                held = {h.key for s in flow.states_in[node_id] for h in locks_of(s.data) .values()
                        if h.held and h.entry is False}
                for key in sorted(held):
                    hit = taken.get((function.cls, key))
                    if hit is None:
                        continue
                    root, line = hit
                    first = Root(name, root.context, f"{name}")
                    self._add(findings, first, chain,
                              f"while holding '{key}', which {root.text} also takes (line {line}): it waits, "
                              f"and stalls {STALLS.get(root.context, 'the loop')}, until this call returns", call,
                              extra=[Step(line, 0, f"{root.text} takes '{key}' here")])
                    break

    # ------------------------------------------------------------------ output

    def _add(self, findings: dict, root: Root, chain: tuple[Link, ...], tail: str, call: ir.Call,
             extra: Optional[list[Step]] = None) -> None:
        key = (root.function, call.loc.line, call.loc.col)
        if key in findings:
            return
        function = self.unit.functions[root.function]
        text = " -> ".join([root.text] + [link.text for link in chain])
        steps = [Step(function.loc.line, function.loc.col, root.text)]
        steps += [Step(link.line, link.col, f"calls {link.text}") for link in chain]
        steps += extra or []
        findings[key] = Finding(self.rule_id, f"{text}: {tail}", self.unit.path, call.loc.line, call.loc.col,
                                root.function, steps, self.level, self.category, self.cwe)


def _timeout(call: ir.Call, rule) -> str:
    if any_holds(call, rule.get("forever_when")):
        return "; blocks for ever with this argument"
    if rule.get("forever_default") and "timeout" not in dict(call.keywords) and not call.args[call.bound:]:
        return ", timeout=None: may block for ever"
    return ""
