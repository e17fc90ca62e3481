"""``drvlint study TREE``: the batch study command (registered on the main command group)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Optional

import click

from .checker import load_checkers
from .cli import EXIT_ERROR, Fatal, main
from .compilation import CompileOptions
from .engine import Selection
from .rules import RuleError, load_rules


@main.command("study")
@click.argument("tree", type=click.Path())
@click.option("-o", "--outdir", type=click.Path(file_okay=False), default="drvlint-study", show_default=True,
              help="Directory for study.json, findings.sarif, tables/, charts/, study.md and the cache.")
@click.option("--jobs", type=int, default=0, help="Parallel workers (default: the CPU count).")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds per file before it is killed.")
@click.option("--memory-limit", type=int, default=0, metavar="MIB",
              help="Kill a worker above this resident memory and record the file as failed (default: no limit).")
@click.option("--include", multiple=True, metavar="GLOB", help="Only files whose path under TREE matches.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files whose path under TREE matches.")
@click.option("--depth", type=int, default=2, show_default=True, help="Directory levels that name a subsystem.")
@click.option("--cache", type=click.Path(dir_okay=False), help="Cache database (default: OUTDIR/cache.sqlite).")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules (repeatable).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules (repeatable).")
@click.option("--kdir", type=click.Path(), help="Configured kernel build dir for generated headers.")
@click.option("--builtin-headers", is_flag=True, help="Use drvlint's own reduced kernel API headers.")
@click.option("--compile-commands", type=click.Path(), help="compile_commands.json with the exact flags.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), metavar="FILE",
              help="Additional TOML rule pack (repeatable).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run phase 1 in local worker processes or on a Dask distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://HOST:PORT) for --executor dask.")
@click.option("--triage", "triage_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="A triage CSV (file,function,line,rule,verdict,reason): print precision per checker.")
def study(tree: str, outdir: str, jobs: int, timeout: float, memory_limit: int, include: tuple[str, ...],
          exclude: tuple[str, ...], depth: int, cache: Optional[str], select: tuple[str, ...],
          ignore: tuple[str, ...], kdir: Optional[str], builtin_headers: bool, compile_commands: Optional[str],
          rule_files: tuple[str, ...], executor: str, scheduler: Optional[str], triage_file: Optional[str]) -> None:
    """Study a driver tree: every checker on every .c file, in parallel, cached and resumable; then
    statistics per taxonomy category, checker, subsystem and driver, as tables and charts."""
    from .study import StudyParams, run_study, write_outputs

    root = Path(tree)
    if not root.is_dir():
        raise Fatal(f"{tree}: not a directory")
    known = {c.rule_id for c in load_checkers()}
    for rule in select + ignore:
        if rule not in known:
            raise Fatal(f"unknown rule '{rule}' (known: {', '.join(sorted(known))})")
    if executor == "dask" and not scheduler:
        raise Fatal("--executor dask needs --scheduler tcp://HOST:PORT")
    if jobs < 0 or timeout <= 0 or depth < 1:
        raise Fatal("--jobs must be >= 0, --timeout > 0 and --depth >= 1")
    try:
        rules = load_rules(rule_files)
    except RuleError as exc:
        raise Fatal(str(exc)) from None
    options = CompileOptions(compile_commands, kdir, builtin_headers)
    selection = Selection(select, ignore)
    params = StudyParams(str(root), outdir, jobs or os.cpu_count() or 1, timeout, depth, include, exclude,
                         memory_limit, cache or "", options={"kdir": kdir, "builtin_headers": builtin_headers,
                                                             "compile_commands": compile_commands},
                         selection={"select": list(select), "ignore": list(ignore)}, executor=executor,
                         scheduler=scheduler or "", rule_files=rule_files)
    verdicts = None
    if triage_file:
        from .study_triage import TriageError, read_triage
        try:
            verdicts = read_triage(Path(triage_file))
        except TriageError as exc:
            raise Fatal(str(exc)) from None
    began = time.monotonic()
    try:
        records = run_study(params, rules, options, selection)
    except KeyboardInterrupt:
        click.echo("\ndrvlint study: interrupted; finished files are cached, run the same command to resume",
                   err=True)
        sys.exit(130)
    except RuntimeError as exc:  # the cluster could not be used
        raise Fatal(str(exc)) from None
    if not records:
        raise Fatal(f"{tree}: no C sources (*.c) to study")
    checkers = [cls for cls in load_checkers() if selection.wants(cls.rule_id)]
    write_outputs(params, records, checkers, time.monotonic() - began, rules)
    failed = sum(1 for r in records if r.result.failed)
    findings = sum(f.suppression is None for r in records for f in r.result.findings)
    stopped = sum(1 for r in records if r.result.checker_errors)
    click.echo(f"drvlint study: {len(records)} files, {failed} failed, {stopped} with a checker error, "
               f"{findings} findings; report in {Path(outdir) / 'study.md'}")
    if verdicts is not None:
        from .study_tables import markdown_table
        from .study_triage import format_table, precision_table
        loc = sum(r.loc for r in records)
        counted = [f for r in records for f in r.result.findings if f.suppression is None]
        header, rows = format_table(precision_table(counted, verdicts, loc), loc)
        click.echo(f"\nPrecision from {triage_file} ({loc / 1000:.0f} KLOC studied):\n")
        click.echo(markdown_table(header, rows))
    sys.exit(EXIT_ERROR if failed == len(records) else 0)
