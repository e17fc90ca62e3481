"""``drvlint validate``: run drivers written for the drvrt runtime both ways and compare.

Dynamic half: each driver runs on its simulated device under the scenario beside it
(``NAME.scenario.toml``) in a child process (``python -m drvrt.harness``) with a timeout: the analyser
never imports analysed code.  Static half: drvlint's own Analyzer on the same file.  A buggy driver
(``CLASS/buggy/NAME.py``) must trip the runtime check of CLASS and be flagged with rule CLASS in the same
function: the static finding's function is the driver function of the dynamic report (the innermost
traceback frame in the driver file) or one the fault blames (the function that took a lock a handler
returned holding; the teardown that let an unplugged device's user run on).  A fixed driver must run
clean and not be flagged."""
from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

KINDS = ("buggy", "fixed")


class ValidateError(Exception):
    """Bad input to validate (no drivers found, a path that does not exist): one line."""


@dataclass
class Case:
    driver: Path
    scenario: Path
    bug_class: str  # the directory above buggy/ or fixed/
    kind: str  # buggy | fixed


@dataclass
class Dynamic:
    outcome: str  # clean | wrong | fault | crash | error | timeout
    bug_class: Optional[str] = None
    function: Optional[str] = None
    line: Optional[int] = None
    blame: list[str] = field(default_factory=list)
    message: str = ""

    def functions(self) -> list[str]:
        return [f for f in [self.function, *self.blame] if f]


@dataclass
class StaticFinding:
    rule_id: str
    function: str
    line: int


@dataclass
class Verdict:
    case: Case
    dynamic: Dynamic
    static: Optional[list[StaticFinding]]  # None: static half not available
    dynamic_ok: bool = False
    static_ok: Optional[bool] = None

    @property
    def agrees(self) -> Optional[bool]:
        return None if self.static_ok is None else self.dynamic_ok and self.static_ok


def discover(root: Path) -> list[Case]:
    """Every CLASS/{buggy,fixed}/NAME.py at or under ``root``."""
    if not root.exists():
        raise ValidateError(f"{root}: no such file or directory")
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    cases = [Case(p, p.with_name(p.stem + ".scenario.toml"), p.parent.parent.name, p.parent.name)
             for p in files if p.suffix == ".py" and p.parent.name in KINDS]
    if not cases:
        raise ValidateError(f"{root}: no drivers (expected CLASS/buggy/NAME.py and CLASS/fixed/NAME.py, "
                            "each with NAME.scenario.toml beside it)")
    return cases


def run_dynamic(case: Case, timeout: float) -> Dynamic:
    """The harness in a child process; a hang is killed after ``timeout`` seconds."""
    if not case.scenario.is_file():
        return Dynamic("error", message=f"{case.scenario}: no scenario beside the driver")
    cmd = [sys.executable, "-m", "drvrt.harness", str(case.driver), str(case.scenario)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Dynamic("timeout", message=f"killed after {timeout:g} s")
    lines = proc.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1])
    except (IndexError, ValueError):
        err = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        return Dynamic("error", message=f"harness failed: {err}")
    return Dynamic(report.get("outcome", "error"), report.get("bug_class"), report.get("function"),
                   report.get("line"), list(report.get("blame", [])), report.get("message", ""))


def python_checkers_available() -> bool:
    from .checker import load_checkers

    return any(c.rule_id.startswith("py-") for c in load_checkers())


def run_static(cases: list[Case]) -> Optional[dict[Path, list[StaticFinding]]]:
    """Findings per driver, or None when this drvlint has no Python checkers."""
    if not python_checkers_available():
        return None
    from .compilation import CompileOptions
    from .engine import Analyzer
    from .rules import load_rules

    analyzer = Analyzer(load_rules(), CompileOptions(None, None, True))
    out = {}
    for case in cases:
        result = analyzer.analyze(case.driver)
        out[case.driver] = [StaticFinding(f.rule_id, f.function, f.line) for f in result.findings]
    return out


def same_function(static: str, dynamic: str) -> bool:
    """Qualified names (Class.method) compared, or the method alone when one side is unqualified."""
    if static == dynamic:
        return True
    if "." in static and "." in dynamic:
        return False
    return static.rpartition(".")[2] == dynamic.rpartition(".")[2]


def judge(case: Case, dynamic: Dynamic, static: Optional[list[StaticFinding]]) -> Verdict:
    verdict = Verdict(case, dynamic, static)
    if case.kind == "buggy":
        verdict.dynamic_ok = dynamic.outcome == "fault" and dynamic.bug_class == case.bug_class
        if static is not None:
            verdict.static_ok = any(f.rule_id == case.bug_class and
                                    any(same_function(f.function, d) for d in dynamic.functions())
                                    for f in static)
    else:
        verdict.dynamic_ok = dynamic.outcome == "clean"
        if static is not None:
            verdict.static_ok = not static
    return verdict


def validate(root: Path, timeout: float = 10.0, jobs: int = 2, static: bool = True) -> list[Verdict]:
    cases = discover(root)
    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        dynamics = list(pool.map(lambda c: run_dynamic(c, timeout), cases))
    statics = run_static(cases) if static else None
    return [judge(c, d, None if statics is None else statics.get(c.driver, [])) for c, d in zip(cases, dynamics)]


def _ratio(ok: int, n: int) -> str:
    return f"{ok}/{n}" if n else "-"


def table(verdicts: list[Verdict]) -> str:
    """The agreement table (Markdown): per bug class, buggy and fixed drivers, dynamic and static."""
    has_static = any(v.static_ok is not None for v in verdicts)
    rows = ["| class | buggy | dynamic trips | static flags (same function) | fixed | dynamic clean | static clean "
            "| agreement |", "|---|---|---|---|---|---|---|---|"]
    classes = sorted({v.case.bug_class for v in verdicts})
    totals = [0] * 7
    for cls in classes + ["total"]:
        mine = verdicts if cls == "total" else [v for v in verdicts if v.case.bug_class == cls]
        buggy = [v for v in mine if v.case.kind == "buggy"]
        fixed = [v for v in mine if v.case.kind == "fixed"]
        counts = [len(buggy), sum(v.dynamic_ok for v in buggy), sum(bool(v.static_ok) for v in buggy),
                  len(fixed), sum(v.dynamic_ok for v in fixed), sum(bool(v.static_ok) for v in fixed),
                  sum(bool(v.agrees) for v in mine)]
        if cls != "total":
            totals = [a + b for a, b in zip(totals, counts)]
        nb, dyn_b, st_b, nf, dyn_f, st_f, agree = counts
        static_b = _ratio(st_b, nb) if has_static else "n/a"
        static_f = _ratio(st_f, nf) if has_static else "n/a"
        agreement = _ratio(agree, len(mine)) if has_static else "n/a"
        name = "**total**" if cls == "total" else f"`{cls}`"
        rows.append(f"| {name} | {nb} | {_ratio(dyn_b, nb)} | {static_b} | {nf} | {_ratio(dyn_f, nf)} | {static_f} "
                    f"| {agreement} |")
    return "\n".join(rows) + "\n"


def describe(v: Verdict) -> str:
    """One line per driver: what happened both ways."""
    d = v.dynamic
    where = f" in {d.function}" + (f":{d.line}" if d.line else "") if d.function else ""
    dyn = f"{d.outcome}" + (f" [{d.bug_class}]" if d.bug_class else "") + where + (f": {d.message}" if d.message else "")
    if v.static is None:
        st = "static n/a"
    elif not v.static:
        st = "static: no finding"
    else:
        st = "static: " + ", ".join(f"{f.rule_id} in {f.function}:{f.line}" for f in v.static)
    mark = "ok " if v.dynamic_ok and v.static_ok is not False else "BAD"
    return f"{mark} {v.case.kind:5} {v.case.driver}: {dyn}; {st}"


def to_json(verdicts: list[Verdict]) -> str:
    out = []
    for v in verdicts:
        out.append({"driver": str(v.case.driver), "class": v.case.bug_class, "kind": v.case.kind,
                    "dynamic": asdict(v.dynamic), "dynamic_ok": v.dynamic_ok,
                    "static": None if v.static is None else [asdict(f) for f in v.static],
                    "static_ok": v.static_ok, "agrees": v.agrees})
    return json.dumps({"drivers": out}, indent=2) + "\n"
