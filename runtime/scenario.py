"""Scenarios: which simulated devices, which events in which order, and what a correct driver achieves.

A scenario is a TOML file beside the driver (``NAME.scenario.toml``)::

    [[device]]                 # one or more; type: dummynet | serial
    type = "dummynet"
    name = "dummynet0"         # default: dummynet0 / serial0
    present = true             # false: never plugged in (lookups return None)
    irq_latency = 0.0          # seconds from device event to interrupt

    [[step]]                   # run in order; the loop runs to idle after each
    do = "probe"               # probe remove unplug enable disable suspend resume send open close
                               # write inject irq request advance
    count = 1                  # repeat (send, inject, request, irq)

    [expect]                   # checked when the run ends without a fault
    sent = 3                   # frames completed (net)    received = 1  frames or bytes handed up
    wire = "hello"             # bytes transmitted (serial) requests = ["ok", "error"]
    bound = true

Step fields: ``send``/``write``/``inject``: ``data`` (string); ``request``: ``op``, ``offset``,
``length``, ``data``; ``advance``: ``seconds``; ``unplug``/``inject``/``irq``: ``device`` (name, default
the first).  Unknown fields and operations are errors, named with the step's number."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

from .devices import DEVICE_TYPES
from .driver import Driver
from .runtime import Runtime

STEP_FIELDS: dict[str, set[str]] = {
    "probe": set(), "remove": set(), "unplug": {"device"}, "enable": set(), "disable": set(),
    "suspend": set(), "resume": set(), "send": {"data", "count"}, "open": set(), "close": set(),
    "write": {"data", "count"}, "inject": {"data", "count", "device"}, "irq": {"count", "device"},
    "request": {"op", "offset", "length", "data", "count"}, "advance": {"seconds"},
}
DEVICE_FIELDS = {"type", "name", "present", "irq_latency"}
EXPECT_FIELDS = {"sent", "received", "wire", "requests", "bound"}
TOP_FIELDS = {"description", "region", "device", "step", "expect"}


class ScenarioError(Exception):
    """A malformed scenario: the message names the file and the step."""


@dataclass
class Scenario:
    path: str
    devices: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    expect: dict[str, Any] = field(default_factory=dict)
    region: int = 4096


def load(path: Path) -> Scenario:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read ({type(exc).__name__}: {exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: invalid TOML: {exc}") from None
    where = str(path)
    unknown = set(data) - TOP_FIELDS
    if unknown:
        raise ScenarioError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    devices = data.get("device", [])
    if not isinstance(devices, list) or not devices:
        raise ScenarioError(f"{where}: needs at least one [[device]]")
    for i, dev in enumerate(devices, 1):
        if not isinstance(dev, dict) or dev.get("type") not in DEVICE_TYPES:
            raise ScenarioError(f"{where}: device {i}: type must be one of {', '.join(sorted(DEVICE_TYPES))}")
        if set(dev) - DEVICE_FIELDS:
            raise ScenarioError(f"{where}: device {i}: unknown field(s) {', '.join(sorted(set(dev) - DEVICE_FIELDS))}")
    steps = data.get("step", [])
    if not isinstance(steps, list):
        raise ScenarioError(f"{where}: 'step' must be an array of tables ([[step]])")
    for i, step in enumerate(steps, 1):
        op = step.get("do") if isinstance(step, dict) else None
        if op not in STEP_FIELDS:
            raise ScenarioError(f"{where}: step {i}: 'do' must be one of {', '.join(sorted(STEP_FIELDS))}")
        extra = set(step) - STEP_FIELDS[op] - {"do"}
        if extra:
            raise ScenarioError(f"{where}: step {i} ({op}): unknown field(s) {', '.join(sorted(extra))}")
    expect = data.get("expect", {})
    if not isinstance(expect, dict) or set(expect) - EXPECT_FIELDS:
        raise ScenarioError(f"{where}: [expect] takes only {', '.join(sorted(EXPECT_FIELDS))}")
    region = data.get("region", 4096)
    if not isinstance(region, int) or region <= 0:
        raise ScenarioError(f"{where}: region must be a positive integer")
    return Scenario(where, devices, steps, expect, region)


def build(scenario: Scenario) -> Runtime:
    """A fresh runtime with the scenario's devices plugged in (those with present = false are not)."""
    rt = Runtime(scenario.region)
    for spec in scenario.devices:
        cls = DEVICE_TYPES[spec["type"]]
        device = cls(spec["name"]) if "name" in spec else cls()
        device.irq_latency = float(spec.get("irq_latency", 0.0))
        if spec.get("present", True):
            rt.add_device(device)
    return rt


def _device(rt: Runtime, scenario: Scenario, step: dict[str, Any]) -> Any:
    name = step.get("device") or scenario.devices[0].get("name") or DEVICE_TYPES[scenario.devices[0]["type"]]().name
    return rt.bus.devices.get(name)


def _data(step: dict[str, Any]) -> bytes:
    return str(step.get("data", "frame")).encode()


def run(rt: Runtime, driver: Driver, scenario: Scenario) -> None:
    """Play the steps; a driver fault propagates to the caller."""
    for step in scenario.steps:
        op = step["do"]
        for _ in range(int(step.get("count", 1))):
            _post(rt, driver, scenario, op, step)
            rt.run()


def _post(rt: Runtime, driver: Driver, scenario: Scenario, op: str, step: dict[str, Any]) -> None:
    post = rt.loop.post
    iface = rt.interface
    if op == "probe":
        post(lambda _: rt.bind(driver))
    elif op == "remove":
        post(lambda _: rt.unbind())
    elif op == "unplug":
        name = step.get("device") or next(iter(rt.bus.devices), "")
        post(lambda _: rt.bus.unplug(name))
    elif op in ("enable", "disable", "suspend", "resume", "open", "close"):
        if iface is None:
            raise ScenarioError(f"{scenario.path}: '{op}' needs a NetDriver or SerialDriver")
        post(lambda _: getattr(iface, f"os_{op}")())
    elif op in ("send", "write"):
        if iface is None:
            raise ScenarioError(f"{scenario.path}: '{op}' needs a NetDriver or SerialDriver")
        post(lambda _: getattr(iface, f"os_{op}")(_data(step)))
    elif op == "inject":
        device = _device(rt, scenario, step)
        if device is not None:
            post(lambda _: device.inject(_data(step)))
    elif op == "irq":
        device = _device(rt, scenario, step)
        if device is not None:
            post(lambda _: device.raise_irq())
    elif op == "request":
        rt.client_request(str(step.get("op", "read")), int(step.get("offset", 0)), int(step.get("length", 0)),
                          str(step.get("data", "")).encode())
    elif op == "advance":
        rt.advance(float(step.get("seconds", 0.0)))


def check_expectations(rt: Runtime, scenario: Scenario) -> list[str]:
    """What a correct driver should have achieved, as failures (empty: all met)."""
    failures = []
    exp = scenario.expect
    iface = rt.interface
    if "bound" in exp and rt.bound != exp["bound"]:
        failures.append(f"bound is {rt.bound}, expected {exp['bound']}")
    if "sent" in exp:
        sent = getattr(iface, "sent", None)
        if sent != exp["sent"]:
            failures.append(f"{sent} frames sent, expected {exp['sent']}")
    if "received" in exp:
        got = getattr(iface, "rx_count", None)
        if got is None and iface is not None:
            got = len(getattr(iface, "received", b""))
        if got != exp["received"]:
            failures.append(f"{got} received, expected {exp['received']}")
    if "wire" in exp:
        wires = [bytes(d.wire) for d in rt.bus.ever if isinstance(getattr(d, "wire", None), bytearray)]
        if exp["wire"].encode() not in wires:
            failures.append(f"wire holds {wires!r}, expected {exp['wire']!r}")
    if "requests" in exp:
        statuses = ["ok" if r.status == "ok" else "error" if r.status.startswith("error") else r.status
                    for r in rt.requests]
        if statuses != exp["requests"]:
            failures.append(f"request statuses {statuses}, expected {exp['requests']}")
    return failures
