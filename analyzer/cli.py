"""The ``drvlint`` command line.

``drvlint [OPTIONS] PATH...`` analyses C files and directories; ``drvlint rules`` lists the checkers with
their taxonomy and CWE.  Exit status: 0 no findings, 1 findings, 2 usage or fatal error.  Bad input
never produces a traceback: it is one line on stderr (or a notification when other files could still
be analysed)."""
from __future__ import annotations

import io
import os
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .checker import load_checkers
from .compilation import CompileOptions
from .engine import Analyzer, FileResult, Selection
from .findings import Notification
from .rules import RuleError, load_rules
from .taxonomy import category, parent_of

SOURCE_SUFFIXES = (".c", ".h")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Fatal(click.ClickException):
    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"drvlint: error: {self.format_message()}", err=True)


class DefaultCheckGroup(click.Group):
    """`drvlint PATH...` means `drvlint check PATH...`; sub-commands keep their names."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drvlint")
def main() -> None:
    """drvlint: static analysis for device-driver bugs (lock imbalance and more).

    Run `drvlint PATH...` on driver sources, or `drvlint rules` to list the checks."""


def collect_sources(paths: tuple[str, ...]) -> tuple[list[Path], list[Notification]]:
    """Files to analyse, and notes about explicit paths that are not C sources."""
    files: list[Path] = []
    notes: list[Notification] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise Fatal(f"{raw}: no such file or directory")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.c") if p.is_file())
            if not found:
                raise Fatal(f"{raw}: directory contains no C sources (*.c)")
            files.extend(found)
        elif path.suffix in SOURCE_SUFFIXES:
            files.append(path)
        else:
            notes.append(Notification("error", "skipped: not a C source file (expected .c or .h)", raw))
    return files, notes


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
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules (repeatable).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules (repeatable).")
@click.option("--kdir", type=click.Path(), help="Configured kernel build dir (default: $KDIR, "
              "/lib/modules/$(uname -r)/build, newest /usr/src/linux-headers-*).")
@click.option("--builtin-headers", is_flag=True, help="Use drvlint's own reduced kernel API headers.")
@click.option("--compile-commands", type=click.Path(), help="compile_commands.json with the exact flags.")
@click.option("-I", "includes", multiple=True, metavar="DIR", help="Extra include directory.")
@click.option("-D", "defines", multiple=True, metavar="NAME[=VALUE]", help="Extra macro definition.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), metavar="FILE",
              help="Additional TOML rule pack (repeatable).")
def check(paths: tuple[str, ...], fmt: str, output: Optional[str], select: tuple[str, ...], ignore: tuple[str, ...],
          kdir: Optional[str], builtin_headers: bool, compile_commands: Optional[str], includes: tuple[str, ...],
          defines: tuple[str, ...], rule_files: tuple[str, ...]) -> None:
    """Analyse C driver sources (files, or directories searched for *.c)."""
    if not paths:
        raise click.UsageError("give at least one file or directory to analyse")
    known = {c.rule_id for c in load_checkers()}
    for rule in select + ignore:
        if rule not in known:
            raise Fatal(f"unknown rule '{rule}' (known: {', '.join(sorted(known))})")
    try:
        rules = load_rules(rule_files)
    except RuleError as exc:
        raise Fatal(str(exc)) from None
    files, notes = collect_sources(paths)
    options = CompileOptions(compile_commands, kdir, builtin_headers, list(includes), list(defines))
    analyzer = Analyzer(rules, options, Selection(select, ignore))
    results: list[FileResult] = []
    for note in notes:
        results.append(FileResult(note.path, failed=note.message, notifications=[note]))
    for path in files:
        results.append(analyzer.analyze(path))
    analysed = [r for r in results if r.failed is None]
    findings = sum(len(r.findings) for r in results)
    exit_code = EXIT_ERROR if not analysed else EXIT_FINDINGS if findings else EXIT_CLEAN
    text = render(fmt, results, analyzer, exit_code)
    if output:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)
    if not analysed:
        reasons = "; ".join(f"{r.path}: {r.failed}" for r in results)
        click.echo(f"drvlint: error: nothing could be analysed ({reasons})", err=True)
    sys.exit(exit_code)


def render(fmt: str, results: list[FileResult], analyzer: Analyzer, exit_code: int) -> str:
    buffer = io.StringIO()
    if fmt == "text":
        from .report_text import write_text
        modes = sorted({r.mode for r in results if r.mode})
        write_text(results, buffer, modes)
    elif fmt == "json":
        from .report_json import write_json
        write_json(results, buffer)
    else:
        from .report_sarif import repo_root, write_sarif
        command = "drvlint " + " ".join(shlex.quote(a) for a in sys.argv[1:])
        write_sarif(results, buffer, [type(c) for c in analyzer.checkers] or load_checkers(), command, exit_code,
                    repo_root([Path(r.path) for r in results]))
    return buffer.getvalue()


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
