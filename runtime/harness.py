"""Run one driver on its simulated device under a scenario, and report the outcome as one JSON line.

``python -m drvrt.harness DRIVER.py [SCENARIO.toml]`` (the scenario defaults to DRIVER.scenario.toml).
This is the child-process half of ``drvlint validate``: the analyser never imports a driver, it runs
this in a subprocess with a timeout.  The report names the dynamic bug class and the driver function
(innermost traceback frame in the driver file, plus any the fault blames)::

    {"outcome": "fault", "bug_class": "py-hotunplug-race", "error": "UseAfterUnplug",
     "message": "...", "function": "Drv.on_timer", "line": 42, "blame": ["Drv.remove"]}

Outcomes: ``clean`` (no fault, expectations met), ``wrong`` (no fault, an expectation failed),
``fault`` (a runtime check fired, or a None was used), ``crash`` (another exception), ``error`` (the
driver or scenario could not be loaded: one line)."""
from __future__ import annotations

import importlib.util
import json
import os
import sys
import traceback
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any, Optional

from . import scenario as scen
from .driver import Driver, NetDriver, SerialDriver
from .errors import DriverFault

UNCHECKED_NONE = "py-unchecked-none"


def load_driver(path: Path) -> type[Driver]:
    """The driver class: the module's DRIVER, else its one Driver subclass."""
    spec = importlib.util.spec_from_file_location("drvrt_driver_under_test", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return _driver_class(module, path)


def _driver_class(module: ModuleType, path: Path) -> type[Driver]:
    chosen = getattr(module, "DRIVER", None)
    if isinstance(chosen, type) and issubclass(chosen, Driver):
        return chosen
    own = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Driver)
           and c.__module__ == module.__name__ and c not in (Driver, NetDriver, SerialDriver)]
    if len(own) != 1:
        raise ImportError(f"{path}: expected one drvrt.Driver subclass (or DRIVER = Class), found {len(own)}")
    return own[0]


def _qualname(code: Any) -> str:
    return getattr(code, "co_qualname", code.co_name)


def driver_frames(tb: Optional[TracebackType], driver_path: str) -> list[tuple[str, int]]:
    """(function, line) of each traceback frame in the driver file, outermost first."""
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if os.path.abspath(code.co_filename) == driver_path:
            out.append((_qualname(code), tb.tb_lineno))
        tb = tb.tb_next
    return out


def classify(exc: BaseException) -> Optional[str]:
    """The bug class of an exception: the fault's own, or unchecked-None for a None used as a value."""
    if isinstance(exc, DriverFault):
        return exc.bug_class
    if isinstance(exc, AttributeError) and getattr(exc, "obj", object()) is None:
        return UNCHECKED_NONE
    if isinstance(exc, AttributeError) and "'NoneType' object" in str(exc):
        return UNCHECKED_NONE
    if isinstance(exc, TypeError) and "'NoneType'" in str(exc):
        return UNCHECKED_NONE
    return None


def report_exception(exc: BaseException, driver_path: str) -> dict[str, Any]:
    frames = driver_frames(exc.__traceback__, driver_path)
    bug_class = classify(exc)
    blame = list(getattr(exc, "blame", ()))
    report: dict[str, Any] = {
        "outcome": "fault" if bug_class else "crash", "bug_class": bug_class, "error": type(exc).__name__,
        "message": str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
        "function": frames[-1][0] if frames else (blame[0] if blame else None),
        "line": frames[-1][1] if frames else None, "blame": blame,
    }
    if not bug_class:
        report["traceback"] = traceback.format_exception(type(exc), exc, exc.__traceback__)[-3:]
    return report


def run(driver_path: Path, scenario_path: Path) -> dict[str, Any]:
    """Load and run; never raises for a bad driver or scenario."""
    where = os.path.abspath(driver_path)
    try:
        scenario = scen.load(scenario_path)
    except scen.ScenarioError as exc:
        return {"outcome": "error", "message": str(exc)}
    rt = scen.build(scenario)  # before the import: a driver may create locks at module level
    try:
        cls = load_driver(driver_path)
    except SyntaxError as exc:
        return {"outcome": "error", "message": f"{driver_path}:{exc.lineno}: SyntaxError: {exc.msg}"}
    except Exception as exc:  # import-time failure of the driver module
        line = next((ln for _, ln in reversed(driver_frames(exc.__traceback__, where))), 0)
        return {"outcome": "error", "message": f"{driver_path}:{line}: {type(exc).__name__}: {exc}".splitlines()[0]}
    try:
        driver = cls()
        scen.run(rt, driver, scenario)
    except scen.ScenarioError as exc:
        return {"outcome": "error", "message": str(exc)}
    except Exception as exc:
        return report_exception(exc, where)
    failures = scen.check_expectations(rt, scenario)
    if failures:
        return {"outcome": "wrong", "message": "; ".join(failures)}
    return {"outcome": "clean", "events": rt.loop.delivered, "bound": rt.bound}


def main(argv: Optional[list[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m drvrt.harness DRIVER.py [SCENARIO.toml]", file=sys.stderr)
        return 2
    driver = Path(args[0])
    scenario = Path(args[1]) if len(args) == 2 else driver.with_suffix(".scenario.toml")
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # the driver's own prints must not corrupt the report
    try:
        report = run(driver, scenario)
    finally:
        sys.stdout = real_stdout
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
