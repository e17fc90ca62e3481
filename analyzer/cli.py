"""The ``drvlint`` command line.

``drvlint [OPTIONS] PATH...`` analyses C and Python files and directories; ``drvlint rules`` lists the checkers with
their taxonomy and CWE; ``drvlint explain RULE`` shows one with a corpus example.  Exit status: 0 no
findings, 1 findings, 2 usage or fatal error.  Bad input never produces a traceback: it is one line on
stderr (or a notification when other files could still be analysed)."""
from __future__ import annotations

import io
import os
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Optional, Sequence

import click

from . import __version__, suppressions
from .baseline import BaselineEntry, BaselineError, compare, load_baseline
from .checker import load_checkers
from .compilation import CompileOptions
from .config import Config, ConfigError, discover, load_config
from .engine import Analyzer, FileResult, Selection
from .explain import ExplainError, explain
from .findings import Notification
from .fingerprints import assign_fingerprints, read_source
from .gitdiff import GitError, changed_files, changed_lines, git_root, verify_revision
from .rules import RuleError, load_rules
from .taxonomy import category, parent_of

SOURCE_SUFFIXES = (".c", ".h", ".py")
SKIPPED_DIRS = ("__pycache__", "site-packages", "node_modules")  # besides hidden dirs and virtualenvs
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
ARGV_KEY = "drvlint.argv"


class Fatal(click.ClickException):
    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"drvlint: error: {self.format_message()}", err=True)


class DefaultCheckGroup(click.Group):
    """`drvlint PATH...` means `drvlint check PATH...`; sub-commands keep their names."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[ARGV_KEY] = list(args)  # for SARIF's commandLine
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drvlint")
def main() -> None:
    """drvlint: static analysis for device-driver bugs (lock imbalance and more).

    Run `drvlint PATH...` on driver sources, `drvlint rules` to list the checks, or `drvlint explain RULE`
    for one check with an example."""


def collect_sources(paths: tuple[str, ...]) -> tuple[list[Path], list[Notification]]:
    """Files to analyse, and notes about explicit paths that are not C sources."""
    files: list[Path] = []
    notes: list[Notification] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise Fatal(f"{raw}: no such file or directory")
        if path.is_dir():
            found = sorted(walk_sources(path))
            if not found:
                raise Fatal(f"{raw}: directory contains no C or Python sources (*.c, *.py)")
            files.extend(found)
        elif path.suffix in SOURCE_SUFFIXES:
            files.append(path)
        else:
            notes.append(Notification("error", "skipped: not a C or Python source file (expected .c, .h or .py)", raw))
    return files, notes


def walk_sources(root: Path) -> list[Path]:
    """*.c and *.py under ``root``, leaving out hidden directories, virtualenvs (a ``pyvenv.cfg``),
    ``__pycache__`` and installed packages: what a driver's own tree holds, not its dependencies."""
    out: list[Path] = []
    for current, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                         and not os.path.exists(os.path.join(current, d, "pyvenv.cfg")))
        out.extend(Path(current, n) for n in names if n.endswith((".c", ".py")) and os.path.isfile(os.path.join(current, n)))
    return out


def write_atomically(target: str, text: str) -> None:
    """Write ``text`` to ``target`` so that no reader ever sees a half-written file."""
    directory = os.path.dirname(os.path.abspath(target)) or "."
    if not os.path.isdir(directory):
        raise Fatal(f"-o {target}: directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".drvlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default=None,
              help="Output format (default: text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules (repeatable).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching GLOB (repeatable).")
@click.option("--kdir", type=click.Path(), help="Configured kernel build dir (default: $KDIR, "
              "/lib/modules/$(uname -r)/build, newest /usr/src/linux-headers-*).")
@click.option("--builtin-headers/--no-builtin-headers", default=None,
              help="Use drvlint's own reduced kernel API headers.")
@click.option("--compile-commands", type=click.Path(), help="compile_commands.json with the exact flags.")
@click.option("-I", "includes", multiple=True, metavar="DIR", help="Extra include directory.")
@click.option("-D", "defines", multiple=True, metavar="NAME[=VALUE]", help="Extra macro definition.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), metavar="FILE",
              help="Additional TOML rule pack (repeatable).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Configuration file (default: .drvlint.toml, else [tool.drvlint] in pyproject.toml, "
                   "looked for upwards to the git root).")
@click.option("--sarif-category", metavar="NAME",
              help="SARIF automationDetails.id: one category per drvlint job uploading to code scanning.")
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="An earlier drvlint SARIF or JSON report: report and count only new findings.")
@click.option("--diff-base", metavar="REV",
              help="Analyse only the files changed since git REV; report findings on changed lines only.")
def check(paths: tuple[str, ...], fmt: Optional[str], output: Optional[str], select: tuple[str, ...],
          ignore: tuple[str, ...], exclude: tuple[str, ...], kdir: Optional[str], builtin_headers: Optional[bool],
          compile_commands: Optional[str], includes: tuple[str, ...], defines: tuple[str, ...],
          rule_files: tuple[str, ...], config_file: Optional[str], sarif_category: Optional[str],
          baseline: Optional[str], diff_base: Optional[str]) -> None:
    """Analyse C and Python driver sources (files, or directories searched for *.c and *.py)."""
    cwd = Path.cwd()
    try:
        config = load_config(Path(config_file)) if config_file else discover(cwd, paths)
    except ConfigError as exc:
        raise Fatal(str(exc)) from None
    checkers = load_checkers()
    known = {c.rule_id for c in checkers}
    for rule in select + ignore:
        if rule not in known:
            raise Fatal(f"unknown rule '{rule}' (known: {', '.join(sorted(known))})")
    try:
        config.check_rules(known)
    except ConfigError as exc:
        raise Fatal(str(exc)) from None
    # command-line flags win over the configuration file
    select, ignore = select or config.select, ignore or config.ignore
    fmt = fmt or config.format or "text"
    kdir = kdir or (config.resolve(config.kdir) if config.kdir else None)
    builtin = builtin_headers if builtin_headers is not None else bool(config.builtin_headers)
    rule_files = rule_files or tuple(config.resolve(r) for r in config.rules)
    category = sarif_category or config.sarif_category
    excluder = Config(root=cwd, exclude=exclude) if exclude else config
    paths = paths or tuple(_near(config.resolve(p), cwd) for p in config.paths)
    if not paths and not diff_base:
        raise click.UsageError("give at least one file or directory to analyse (or `paths` in the configuration)")
    try:
        rules = load_rules(rule_files)
    except RuleError as exc:
        raise Fatal(str(exc)) from None

    run_notes: list[Notification] = []
    changed: Optional[dict[str, Optional[set[int]]]] = None
    if diff_base:
        files, notes, changed = _changed_sources(diff_base, cwd, paths, excluder, run_notes)
    else:
        files, notes = collect_sources(paths)
        kept = [f for f in files if not excluder.excluded(f)]
        if len(kept) < len(files):
            run_notes.append(Notification("note", f"{len(files) - len(kept)} file(s) left out by exclude patterns"))
        files = kept
    from .report_sarif import repo_root
    root = config.root or repo_root(files)
    entries: Optional[list[BaselineEntry]] = None
    if baseline:
        try:
            entries = load_baseline(baseline, root)
        except BaselineError as exc:
            raise Fatal(str(exc)) from None

    options = CompileOptions(compile_commands, kdir, builtin, list(includes), list(defines))
    analyzer = Analyzer(rules, options, Selection(select, ignore))
    results: list[FileResult] = []
    for note in notes:
        results.append(FileResult(note.path, failed=note.message, notifications=[note]))
    for path in files:
        results.append(analyzer.analyze(path))
    absent = _adopt(results, analyzer, config, known, root, entries, changed)

    analysed = [r for r in results if r.failed is None]
    nothing_to_do = not results
    counted = sum(1 for r in results for f in r.findings if f.counts)
    exit_code = (EXIT_CLEAN if nothing_to_do else EXIT_ERROR if not analysed
                 else EXIT_FINDINGS if counted else EXIT_CLEAN)
    properties = {k: v for k, v in (("configuration", str(config.source) if config.source else None),
                                    ("diffBase", diff_base), ("baseline", baseline)) if v}
    text = render(fmt, results, analyzer, exit_code, root=root, category=category, absent=absent,
                  notes=run_notes, properties=properties)
    if output:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)
    if not analysed and not nothing_to_do:
        reasons = "; ".join(f"{r.path}: {r.failed}" for r in results)
        click.echo(f"drvlint: error: nothing could be analysed ({reasons})", err=True)
    sys.exit(exit_code)


def _near(path: str, cwd: Path) -> str:
    """A path from the configuration file as the user would type it: relative when under the
    current directory (that is how the reports will name the files)."""
    try:
        return Path(path).resolve().relative_to(cwd.resolve()).as_posix() or "."
    except ValueError:
        return path


def _changed_sources(rev: str, cwd: Path, paths: tuple[str, ...], excluder: Config, run_notes: list[Notification]
                     ) -> tuple[list[Path], list[Notification], dict[str, Optional[set[int]]]]:
    """``--diff-base``: the analysable files changed since ``rev`` (within ``paths`` if any are given,
    less excluded ones) and their changed lines."""
    try:
        root = git_root(cwd)
        verify_revision(rev, root)
        files = [p for p in changed_files(rev, root) if p.suffix in SOURCE_SUFFIXES]
        scopes = [Path(p).resolve() for p in paths]
        for scope in scopes:
            if not scope.exists():
                raise Fatal(f"{scope}: no such file or directory")
        files = [f for f in files if not scopes or any(f.resolve() == s or s in f.resolve().parents for s in scopes)]
        files = [f for f in files if not excluder.excluded(f)]
        changed = changed_lines(rev, root, files)
    except GitError as exc:
        raise Fatal(str(exc)) from None
    files = [Path(os.path.relpath(f, cwd)) if f.is_relative_to(cwd) else f for f in files]
    run_notes.append(Notification("note", f"--diff-base {rev}: {len(files)} changed source file(s)"))
    return files, [], changed


def _adopt(results: list[FileResult], analyzer: Analyzer, config: Config, known: set[str], root: Path,
           baseline: Optional[list[BaselineEntry]], changed: Optional[dict[str, Optional[set[int]]]]
           ) -> Optional[list[BaselineEntry]]:
    """What CI adoption adds after the analysis, in the order that keeps each step honest: per-path
    ignores drop findings; fingerprints are taken over all that remain (so the changed-lines filter
    cannot renumber them); suppressions mark findings and report unused comments; the baseline marks
    new/unchanged and collects absent findings; finally ``--diff-base`` keeps changed lines only."""
    ran = {c.rule_id for c in analyzer.checkers}
    for result in results:
        ignored = config.ignored_rules(result.path)
        result.findings = [f for f in result.findings if f.rule_id not in ignored]
    assign_fingerprints([f for r in results for f in r.findings], root)
    for result in results:
        if result.failed is not None:
            continue
        notes = suppressions.apply(result.findings, read_source(result.path), result.path, result.function_lines,
                                   known, ran - config.ignored_rules(result.path))
        lines = changed.get(os.path.realpath(result.path)) if changed is not None else None
        result.notifications.extend(n for n in notes if lines is None or n.line in lines)
    absent = None
    if baseline is not None:
        analysed = {os.path.realpath(r.path) for r in results if r.failed is None}
        absent = compare([f for r in results for f in r.findings], baseline, analysed,
                         lambda rule, path: rule in ran and rule not in config.ignored_rules(path))
    if changed is not None:
        for result in results:
            lines = changed.get(os.path.realpath(result.path))
            if lines is not None:
                result.findings = [f for f in result.findings
                                   if f.line in lines or any(s.line in lines for s in f.steps)]
    return absent


def command_line() -> str:
    """The command as the user typed it (kept by ``DefaultCheckGroup``; ``sys.argv`` is the test
    runner's under click's CliRunner)."""
    ctx = click.get_current_context(silent=True)
    args = ctx.meta.get(ARGV_KEY) if ctx is not None else None
    return "drvlint " + shlex.join(sys.argv[1:] if args is None else args)


def render(fmt: str, results: list[FileResult], analyzer: Analyzer, exit_code: int, *, root: Path,
           category: Optional[str] = None, absent: Optional[list[BaselineEntry]] = None,
           notes: Sequence[Notification] = (), properties: Optional[dict[str, str]] = None) -> str:
    buffer = io.StringIO()
    if fmt == "text":
        from .report_text import write_text
        modes = sorted({r.mode for r in results if r.mode})
        write_text(results, buffer, modes, notes, len(absent or ()))
    elif fmt == "json":
        from .report_json import write_json
        write_json(results, buffer, notes, absent, root)
    else:
        from .report_sarif import write_sarif
        write_sarif(results, buffer, [type(c) for c in analyzer.checkers] or load_checkers(), command_line(),
                    exit_code, root, category=category, absent=absent or (), notes=notes, properties=properties)
    return buffer.getvalue()


@main.command("explain")
@click.argument("rule")
def explain_rule(rule: str) -> None:
    """Explain a rule: what it finds, taxonomy, CWE, and a buggy example next to its fix."""
    try:
        click.echo(explain(rule, load_checkers()), nl=False)
    except ExplainError as exc:
        raise Fatal(str(exc)) from None


@main.command("rules")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), metavar="FILE",
              help="Additional TOML rule pack to validate and count.")
def list_rules(rule_files: tuple[str, ...]) -> None:
    """List the checks with their taxonomy category and CWE, and the rule packs loaded."""
    try:
        ruleset = load_rules(rule_files)
    except RuleError as exc:
        raise Fatal(str(exc)) from None
    for cls in load_checkers():
        sub = category(cls.category)
        cwes = ", ".join(f"CWE-{c}" for c in cls.cwe)
        click.echo(f"{cls.rule_id}\n  {cls.short}\n  taxonomy: {parent_of(cls.category).name} > {sub.name}\n"
                   f"  CWE: {cwes}\n  precision: {cls.precision}, level: {cls.level}")
    click.echo("rule packs:")
    for source in ruleset.sources:
        counts = {t: sum(1 for r in rs if r.source == source) for t, rs in ruleset.rules.items()}
        summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()) if n)
        click.echo(f"  {source}: {summary}")


if __name__ == "__main__":
    main()
from . import cli_study  # noqa: E402,F401  (registers `drvlint study`)
from . import cli_validate  # noqa: E402,F401  (registers `drvlint validate`)
