"""Analyse files: choose flags, parse, build the shared unit, run every selected checker.

This is the one place that turns per-file failures into notifications, so the CLI and the batch study
both get "one bad file never stops the run" for free."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import ir
from .checker import Checker, load_checkers
from .compilation import CompilationError, CompileOptions, setup_for
from .findings import Finding, Notification
from .flow_rules import FlowRules
from .frontend_py import PySyntaxError, parse_python
from .parse_c import ParseFailure, parse_file
from .rules import RuleSet
from .summaries import collect
from .unit import Unit


@dataclass
class FileResult:
    path: str
    mode: str = ""  # how it was compiled
    findings: list[Finding] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    failed: Optional[str] = None  # reason when the file could not be analysed
    checker_errors: dict[str, str] = field(default_factory=dict)  # rule id -> why it stopped on this file
    functions: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # parse, frontend, cfg, checkers
    function_lines: dict[str, int] = field(default_factory=dict)  # function -> first line (for suppressions)
    summaries: dict[str, dict] = field(default_factory=dict)  # per function, for a whole-tree study (summaries.py)


@dataclass
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, rule_id: str) -> bool:
        if self.select and rule_id not in self.select:
            return False
        return rule_id not in self.ignore


class Analyzer:
    def __init__(self, rules: RuleSet, options: CompileOptions, selection: Selection = Selection(),
                 summaries: bool = False):
        self.rules = rules
        self.summaries = summaries  # leave per-function summaries in each result (drvlint study)
        self.options = options
        # each checker sees the packs of its own languages only (C packs never apply to Python files)
        self.checkers: list[Checker] = [cls(rules.for_languages(cls.languages)) for cls in load_checkers()
                                        if selection.wants(cls.rule_id)]
        self._db_cache: dict = {}
        self.flow = FlowRules.from_rules(rules.for_languages(("c",)))
        python = rules.for_languages(("python",))
        self.pyflow = FlowRules.from_rules(python)
        self.py_types = {name: rule["type"] for name, rule in python.by_name("py_type").items()}

    def analyze(self, path: Path, tu: Optional[ir.TranslationUnit] = None,
                on_parsed: Optional[Callable[[ir.TranslationUnit], None]] = None) -> FileResult:
        """Never raises for a bad or unusual input file: failures become notifications.  ``tu``: the C
        file's IR from an earlier parse with the same options and parse-time rules (a study's whole-tree
        pass), used instead of parsing again; ``on_parsed`` is handed the IR of a C file it parses."""
        try:
            return self._analyze(path, tu, on_parsed)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # front-end bug on an odd file: report it, keep the run going
            result = FileResult(str(path), failed=f"internal error ({type(exc).__name__}: {exc})")
            result.notifications.append(Notification("error", f"skipped: {result.failed}", str(path)))
            return result

    def _analyze(self, path: Path, tu: Optional[ir.TranslationUnit],
                 on_parsed: Optional[Callable[[ir.TranslationUnit], None]]) -> FileResult:
        if path.suffix == ".py":
            return self._analyze_python(path)
        started = time.perf_counter()
        result = FileResult(str(path))
        if tu is None:
            try:
                setup = setup_for(path, self.options, self._db_cache)
                result.mode = setup.description
                for note in setup.notes:
                    result.notifications.append(Notification("note", note, str(path)))
                tu = parse_file(path, setup, self.flow.pure, self.flow.log_macros)
            except (CompilationError, ParseFailure) as exc:
                result.failed = str(exc)
                result.notifications.append(Notification("error", f"skipped: {exc}", str(path)))
                return result
            if on_parsed is not None:
                on_parsed(tu)
        result.mode = tu.mode
        for diag in tu.diagnostics:
            result.notifications.append(Notification(diag.severity, f"parse: {diag.message}", diag.path,
                                                     diag.line, diag.col))
        unit = Unit(tu, self.flow)
        self._run_checkers(unit, result, "c")
        self._drop_degraded(unit, result)
        result.findings.sort(key=Finding.sort_key)
        result.seconds = time.perf_counter() - started
        return result

    def _analyze_python(self, path: Path) -> FileResult:
        """A .py file: the ``ast`` front end (the code is parsed, never imported or run)."""
        started = time.perf_counter()
        result = FileResult(str(path), mode="python")
        try:
            tu = parse_python(path, self.py_types)
        except PySyntaxError as exc:
            where = f"line {exc.line}: " if exc.line else ""
            result.failed = f"{where}{exc}"
            result.notifications.append(Notification("error", f"skipped: {exc}", str(path), exc.line, exc.col))
            return result
        self._run_checkers(Unit(tu, self.pyflow), result, "python")
        result.findings.sort(key=Finding.sort_key)
        result.seconds = time.perf_counter() - started
        return result

    def _run_checkers(self, unit: Unit, result: FileResult, language: str) -> None:
        """Build the CFGs once and run the checkers for the file's language."""
        tu = unit.tu
        unit.wants_summaries = self.summaries
        result.functions = len(unit.functions)
        result.function_lines = {f.name: f.loc.line for f in unit.tu.functions}
        result.timings = dict(tu.timings)
        mark = time.perf_counter()
        unit.cfgs  # built once, shared by every checker
        result.timings["cfg"] = time.perf_counter() - mark
        mark = time.perf_counter()
        for checker in self.checkers:
            if language not in checker.languages:
                continue
            begun = time.perf_counter()
            try:
                result.findings.extend(checker.check(unit))
            except RecursionError:
                self._checker_failed(result, checker.rule_id, "function too deeply nested to analyse")
            except Exception as exc:  # a checker bug must cost this checker on this file only
                self._checker_failed(result, checker.rule_id, f"internal error ({type(exc).__name__}: {exc})")
            result.timings[checker.rule_id] = time.perf_counter() - begun  # shared analyses count for the first
        result.timings["checkers"] = time.perf_counter() - mark
        if self.summaries:
            result.summaries = collect(unit)

    @staticmethod
    def _checker_failed(result: FileResult, rule_id: str, reason: str) -> None:
        """The file's other checkers' findings stand; this checker's absence must be visible (a study counts
        it), not mistaken for a clean file."""
        result.checker_errors[rule_id] = reason
        result.notifications.append(Notification("error", f"{rule_id}: {reason}", result.path))

    @staticmethod
    def _drop_degraded(unit: Unit, result: FileResult) -> None:
        """Findings in a function whose body has parse errors rest on a broken AST (error recovery
        drops calls and members): keep them out, and say how many were dropped."""
        error_lines = unit.tu.error_lines
        if not error_lines:
            return
        broken = {f.name for f in unit.tu.functions if any(f.loc.line <= line <= f.end.line for line in error_lines)}
        kept = [f for f in result.findings if f.function not in broken]
        dropped = len(result.findings) - len(kept)
        if dropped:
            result.notifications.append(Notification(
                "warning", f"{dropped} finding(s) not reported: in functions with parse errors "
                           f"({', '.join(sorted({f.function for f in result.findings if f.function in broken}))})",
                unit.path))
        result.findings = kept

    def analyze_all(self, paths: Iterable[Path]) -> list[FileResult]:
        return [self.analyze(p) for p in paths]
