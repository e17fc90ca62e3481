"""The checker interface and the registry that discovers checkers through entry points.

A checker is a small class: metadata (rule id, taxonomy, CWE, help) and ``check(unit)``.  It never walks
the AST: it receives the analysed unit (IR, CFGs, call graph) and runs the shared dataflow engine with
its own transfer function.  Third-party checkers register in the ``drvlint.checkers`` entry-point group.
"""
from __future__ import annotations

from importlib.metadata import entry_points
from typing import ClassVar, Iterable

from .findings import Finding
from .rules import RuleSet
from .unit import Unit

ENTRY_POINT_GROUP = "drvlint.checkers"
BUILTIN = ("drvlint.checkers.lock_imbalance:LockImbalanceChecker",
           "drvlint.checkers.sleep_in_atomic:SleepInAtomicChecker",
           "drvlint.checkers.null_return:NullReturnChecker",
           "drvlint.checkers.user_pointer:UserPointerChecker",
           "drvlint.checkers.hotunplug_race:HotunplugRaceChecker",
           "drvlint.checkers.py_lock_imbalance:PyLockImbalanceChecker",
           "drvlint.checkers.py_blocking:PyBlockingChecker",
           "drvlint.checkers.py_unchecked_none:PyUncheckedNoneChecker",
           "drvlint.checkers.py_untrusted_offset:PyUntrustedOffsetChecker",
           "drvlint.checkers.py_hotunplug_race:PyHotunplugRaceChecker")


class Checker:
    rule_id: ClassVar[str]
    name: ClassVar[str]
    short: ClassVar[str]  # one line
    description: ClassVar[str]  # a paragraph
    help_markdown: ClassVar[str]
    category: ClassVar[str]  # taxonomy sub-category id
    cwe: ClassVar[tuple[int, ...]]
    precision: ClassVar[str] = "high"  # SARIF/GitHub: very-high | high | medium | low
    level: ClassVar[str] = "warning"
    security_severity: ClassVar[str] = "5.0"
    languages: ClassVar[tuple[str, ...]] = ("c",)

    def __init__(self, rules: RuleSet):
        self.rules = rules

    def check(self, unit: Unit) -> Iterable[Finding]:
        raise NotImplementedError


def _load(spec: str) -> type[Checker]:
    module, _, attr = spec.partition(":")
    mod = __import__(module, fromlist=[attr])
    return getattr(mod, attr)


def load_checkers() -> list[type[Checker]]:
    """Every registered checker class, built-in ones first, each once."""
    found: dict[str, type[Checker]] = {}
    specs = list(BUILTIN)
    try:
        specs += [f"{ep.value}" for ep in entry_points(group=ENTRY_POINT_GROUP)]
    except Exception:  # a broken third-party distribution must not stop the tool
        pass
    for spec in specs:
        cls = _load(spec)
        found.setdefault(cls.rule_id, cls)
    return list(found.values())
