"""``drvlint study``: every checker over every .c file of a tree, in isolated parallel workers, cached
per file so that an interrupted run resumes and an unchanged re-run costs seconds, then statistics,
tables and charts for the whole tree (see study_tables and study_charts).
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional, TextIO

from . import __version__, ir
from .compilation import CompileOptions
from .engine import Analyzer, FileResult, Selection
from .rules import RuleSet
from .study_pool import run_isolated
from .findings import Finding, Notification
from .study_ir import IRScratch
from .study_link import SOURCE as LINK_SOURCE, TreeSummaries, atomic_external_calls
from .study_store import StudyStore, file_key, finding_from_dict, result_from_dict, result_to_dict


@dataclass
class StudyParams:
    tree: str
    outdir: str
    jobs: int
    timeout: float
    depth: int = 2
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    memory_limit_mib: int = 0
    cache: str = ""
    options: dict = field(default_factory=dict)
    selection: dict = field(default_factory=dict)
    executor: str = "local"  # local | dask
    scheduler: str = ""  # dask scheduler address (tcp://host:port)
    rule_files: tuple[str, ...] = ()


@dataclass
class FileRecord:
    """One file's outcome in the study."""

    result: FileResult
    loc: int
    peak_rss: int = 0
    cached: bool = False
    linked: bool = False  # re-analysed in phase 3 with other files' may-sleep summaries


def count_loc(path: Path) -> int:
    """Non-blank lines: the size measure for findings per KLOC."""
    try:
        return sum(1 for line in path.read_bytes().splitlines() if line.strip())
    except OSError:
        return 0


def _matcher(globs: tuple[str, ...]):
    """One compiled regex for many globs: a study of a sample names hundreds of files, and a kernel tree
    has tens of thousands to test against them."""
    return re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)).match if globs else None


def study_files(tree: Path, include: Iterable[str], exclude: Iterable[str]) -> list[Path]:
    """All .c files under the tree (relative-path globs: --include keeps, --exclude drops)."""
    keep, drop = _matcher(tuple(include)), _matcher(tuple(exclude))
    out = []
    for path in sorted(tree.rglob("*.c")):
        rel = path.relative_to(tree).as_posix()
        if (keep is not None and not keep(rel)) or (drop is not None and drop(rel)) or not path.is_file():
            continue
        out.append(path)
    return out


_ANALYZER: Optional[Analyzer] = None  # set in the parent before the workers fork
# the local pool's: the IR of files phase 3 may re-analyse, and the APIs whose summaries it ignores
_SCRATCH: Optional[IRScratch] = None
_DESCRIBED: frozenset[str] = frozenset()


def _analyse(path: Path) -> tuple[dict, int]:
    assert _ANALYZER is not None
    parsed: list[ir.TranslationUnit] = []
    result = _ANALYZER.analyze(path, on_parsed=parsed.append if _SCRATCH is not None else None)
    if _SCRATCH is not None and parsed and atomic_external_calls(result.summaries, _DESCRIBED):
        _SCRATCH.save(path, parsed[0], _ANALYZER.flow)
    return result_to_dict(result), count_loc(path)


_LINK_OPTIONS: Optional[CompileOptions] = None  # set in the parent before phase 3's workers fork
LINKED_RULE = "sleep-in-atomic"  # the checker whose findings phase 3 redoes with whole-tree summaries


def _reanalyse(task: tuple[Path, RuleSet, str]) -> list[dict]:
    """Phase 3 in a worker: the sleep checker again, with other files' sleepers as rules, on the IR
    phase 1 kept when it did (else the file is parsed again)."""
    assert _LINK_OPTIONS is not None
    path, rules, _ = task
    analyzer = Analyzer(rules, _LINK_OPTIONS, Selection(select=(LINKED_RULE,)))
    kept = _SCRATCH.load(path, analyzer.flow) if _SCRATCH is not None else None
    result = analyzer.analyze(path, kept)
    if result.failed is not None:
        raise RuntimeError(result.failed)
    return [asdict(f) for f in result.findings]


class Progress:
    """A live bar on a terminal; a plain line every ``every`` seconds otherwise."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, every: float = 10.0):
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.every = every
        self.started = time.monotonic()
        self.last = 0.0
        self.done = self.failed = self.cached = 0

    def update(self, failed: bool = False, cached: bool = False, force: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self.cached += cached
        now = time.monotonic()
        if not force and not self.tty and now - self.last < self.every and self.done < self.total:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-6)
        fresh = self.done - self.cached
        rate = fresh / elapsed
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        text = (f"{self.done}/{self.total} files, {rate:.1f} files/s, ETA {int(eta) // 60}:{int(eta) % 60:02d}, "
                f"{self.failed} failed, {self.cached} cached")
        if self.tty:
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {text}")
            if self.done >= self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"drvlint study: {text}\n")
        self.stream.flush()


def run_study(params: StudyParams, rules: RuleSet, options: CompileOptions, selection: Selection,
              progress_stream: TextIO = sys.stderr) -> list[FileRecord]:
    """Phase 1 over every file: cached rows are reused, the rest analysed in isolated workers, each
    committed to the cache as soon as it finishes."""
    global _ANALYZER, _SCRATCH, _DESCRIBED
    tree = Path(params.tree)
    files = study_files(tree, params.include, params.exclude)
    outdir = Path(params.outdir)
    store = StudyStore(Path(params.cache) if params.cache else outdir / "cache.sqlite")
    # the study analyses C files: only the C packs decide their results
    context = json.dumps({"options": asdict(options), "rules": rules.for_languages(("c",)).digest,
                          "select": sorted(selection.select), "ignore": sorted(selection.ignore)}, sort_keys=True)
    records: dict[Path, FileRecord] = {}
    todo: list[Path] = []
    keys: dict[Path, str] = {}
    progress = Progress(len(files), progress_stream)
    for path in files:
        try:
            keys[path] = file_key(path, context)
        except OSError as exc:
            result = FileResult(str(path), failed=f"cannot read ({exc.strerror})")
            records[path] = FileRecord(result, 0)
            progress.update(failed=True)
            continue
        hit = store.get(keys[path])
        if hit is not None:
            records[path] = FileRecord(hit[0], hit[1], hit[2], cached=True)
            progress.update(failed=hit[0].failed is not None, cached=True)
        else:
            todo.append(path)
    todo = largest_first(todo)
    memory_limit = params.memory_limit_mib << 20
    if params.executor == "dask":
        from .study_dask import run_on_dask
        config = {"options": asdict(options), "rule_files": list(params.rule_files), "rules_digest": rules.digest,
                  "select": list(selection.select), "ignore": list(selection.ignore)}
        outcomes = run_on_dask(todo, params.scheduler, config, params.timeout, memory_limit)
    else:
        _ANALYZER = Analyzer(rules, options, selection, summaries=True)
        if selection.wants(LINKED_RULE):
            _SCRATCH, _DESCRIBED = IRScratch(), described_apis(rules)
        outcomes = run_isolated(todo, _analyse, params.jobs, params.timeout, memory_limit)
    try:
        for outcome in outcomes:
            path = outcome.task
            if outcome.failed is not None:
                result, loc = FileResult(str(path), failed=outcome.failed), count_loc(path)
            else:
                data, loc = outcome.value
                result = result_from_dict(data)
            store.put(keys[path], result, loc, outcome.peak_rss)
            records[path] = FileRecord(result, loc, outcome.peak_rss)
            progress.update(failed=result.failed is not None)
        if selection.wants(LINKED_RULE):
            link_tree(records, keys, store, rules, options, params, progress_stream)
    finally:
        store.close()
        if _SCRATCH is not None:
            _SCRATCH.close()
            _SCRATCH = None
    return [records[p] for p in files if p in records]


def largest_first(paths: list[Path]) -> list[Path]:
    """Biggest sources first: a large driver started last would leave the other workers idle while it
    finishes (drivers/net/usb: r8152.c takes five times the median file)."""
    def size(path: Path) -> int:
        try:
            return path.stat().st_size
        except OSError:
            return 0
    return sorted(paths, key=lambda p: (-size(p), str(p)))


def link_tree(records: dict[Path, FileRecord], keys: dict[Path, str], store: StudyStore, rules: RuleSet,
              options: CompileOptions, params: StudyParams, progress_stream: TextIO) -> None:
    """Phases 2 and 3: link the summaries over the tree, then redo the sleep checker on the files that
    call another file's sleeping function from atomic code (cached by the file's key and those rules)."""
    global _LINK_OPTIONS
    tree = TreeSummaries(((str(p), r.result.summaries) for p, r in records.items() if r.result.failed is None),
                         described_apis(rules))
    todo: list[tuple[Path, RuleSet, str]] = []
    for path, record in records.items():
        entries = tree.injected_sleeps(str(path)) if record.result.failed is None else []
        if not entries:
            continue
        extended = rules.extended("sleeps", entries, LINK_SOURCE)
        key = hashlib.sha256(f"{keys[path]}\0{extended.digest}".encode()).hexdigest()
        hit = store.get_linked(key)
        if hit is None:
            todo.append((path, extended, key))
        else:
            _merge_linked(record, hit)
    if not todo:
        return
    order = {path: index for index, path in enumerate(largest_first([task[0] for task in todo]))}
    todo.sort(key=lambda task: order[task[0]])
    progress = Progress(len(todo), progress_stream)
    progress_stream.write(f"drvlint study: whole-tree pass: {len(todo)} files call other files' sleeping "
                          f"functions from atomic code\n")
    _LINK_OPTIONS = options
    for outcome in run_isolated(todo, _reanalyse, params.jobs, params.timeout, params.memory_limit_mib << 20):
        path, _, key = outcome.task
        record = records[path]
        if outcome.failed is not None:  # the file keeps its phase 1 findings and says why it has no more
            record.result.notifications.append(Notification(
                "warning", f"whole-tree pass failed ({outcome.failed}); findings are from the file alone",
                str(path)))
        else:
            findings = [finding_from_dict(f) for f in outcome.value]
            store.put_linked(key, findings)
            _merge_linked(record, findings)
        progress.update(failed=outcome.failed is not None)


def described_apis(rules: RuleSet) -> frozenset[str]:
    """Functions whose sleeping the rule packs already describe: their tree summaries are not used."""
    return frozenset(rules.by_name("sleeps")) | frozenset(rules.by_name("gfp_call"))


def _merge_linked(record: FileRecord, findings: list[Finding]) -> None:
    result = record.result
    result.findings = sorted([f for f in result.findings if f.rule_id != LINKED_RULE] + findings,
                             key=Finding.sort_key)
    record.linked = True


def mark_suppressed(records: list[FileRecord], ran: set[str]) -> None:
    """Honour ``drvlint-ignore`` comments as ``drvlint check`` does: suppressed findings stay in the SARIF
    (with their justification) but are not counted.  Applied after the cache, so editing a comment does
    not invalidate an analysis."""
    from .fingerprints import read_source
    from .suppressions import apply
    for record in records:
        result = record.result
        if result.failed is None and result.findings:
            apply(result.findings, read_source(result.path), result.path, result.function_lines, ran, ran)


def write_outputs(params: StudyParams, records: list[FileRecord], analyzer_checkers: list, seconds: float,
                  rules: Optional[RuleSet] = None) -> None:
    """study.json, findings.sarif, tables (Markdown, CSV), charts (PNG, SVG) and study.md."""
    from .report_sarif import write_sarif
    from .study_charts import write_charts
    from .study_tables import StudyStats, write_tables
    from .cli import write_atomically
    outdir = Path(params.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tree = Path(params.tree)
    mark_suppressed(records, {c.rule_id for c in analyzer_checkers})
    stats = StudyStats.of(tree, records, params.depth)
    doc = {
        "tool": "drvlint", "version": __version__, "parameters": asdict(params), "wall_seconds": round(seconds, 1),
        "files": [{"path": os.path.relpath(r.result.path, tree), "loc": r.loc, "failed": r.result.failed,
                   "findings": sum(f.suppression is None for f in r.result.findings), "cached": r.cached, "peak_rss_mib": r.peak_rss >> 20,
                   "seconds": round(r.result.seconds, 3)} for r in records],
        "findings": [dict(asdict(f), path=os.path.relpath(f.path, tree)) for r in records for f in r.result.findings],
        "failures": [{"path": os.path.relpath(r.result.path, tree), "reason": r.result.failed}
                     for r in records if r.result.failed],
        "checker_errors": [{"path": os.path.relpath(r.result.path, tree), "checker": rule_id, "reason": reason}
                           for r in records for rule_id, reason in sorted(r.result.checker_errors.items())],
        "statistics": stats.summary(),
        "whole_tree": whole_tree_statistics(records, rules),
    }
    write_atomically(str(outdir / "study.json"), json.dumps(doc, indent=2) + "\n")
    import io
    buffer = io.StringIO()
    results = [r.result for r in records]
    write_sarif(results, buffer, analyzer_checkers, "drvlint study " + " ".join(sys.argv[2:]), 0, tree.resolve())
    write_atomically(str(outdir / "findings.sarif"), buffer.getvalue())
    tables = write_tables(stats, outdir / "tables")
    charts = write_charts(stats, outdir / "charts")
    linked = doc["whole_tree"]
    text = stats.markdown(tables, charts, params, seconds).replace("\n\n", (
        f"\n\nWhole-tree summaries: {linked['functions']} functions ({linked['exported']} non-static), "
        f"{linked['sleeping_exported']} non-static functions that may sleep (directly or through other files); "
        f"{linked['files_reanalysed']} files re-analysed with them, {linked['cross_file_findings']} findings whose "
        f"sleep chain crosses files.\n\n"), 1)
    write_atomically(str(outdir / "study.md"), text)


def whole_tree_statistics(records: list[FileRecord], rules: Optional[RuleSet]) -> dict[str, int]:
    """What phases 2 and 3 contributed: the linked graph's size and the findings only they could make."""
    tree = TreeSummaries(((r.result.path, r.result.summaries) for r in records if r.result.failed is None),
                         described_apis(rules) if rules is not None else frozenset())
    functions = sum(len(r.result.summaries) for r in records)
    return {"functions": functions, "exported": len(tree.exported) + len(tree.ambiguous),
            "ambiguous_names": len(tree.ambiguous), "call_edges": tree.graph.number_of_edges(),
            "sleeping_exported": sum(1 for name in tree.exported if name in tree.chains),
            "files_reanalysed": sum(r.linked for r in records),
            "cross_file_findings": sum(1 for r in records for f in r.result.findings
                                       if f.suppression is None and any(s.path for s in f.steps))}
