"""``drvlint validate PATH``: drivers for the drvrt runtime, run dynamically and analysed statically,
with the agreement table (registered on the main command group)."""
from __future__ import annotations

import os
from pathlib import Path

import click

from .cli import EXIT_CLEAN, EXIT_FINDINGS, Fatal, main


@main.command("validate")
@click.argument("path", type=click.Path())
@click.option("--timeout", type=float, default=10.0, show_default=True,
              help="Seconds a driver may run before its child process is killed.")
@click.option("--jobs", type=int, default=0, help="Drivers run in parallel (default: the CPU count).")
@click.option("--dynamic-only", is_flag=True, help="Skip the static half.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="One line per driver, not only for disagreements.")
def validate_cmd(path: str, timeout: float, jobs: int, dynamic_only: bool, fmt: str, verbose: bool) -> None:
    """Run each driver under PATH (CLASS/buggy/NAME.py, CLASS/fixed/NAME.py) on its simulated device under
    NAME.scenario.toml, analyse it statically, and print the agreement table.  Exit 0 when every buggy
    driver trips its class both ways in the same function and every fixed one is clean both ways."""
    from .validate import ValidateError, describe, table, to_json, validate

    if timeout <= 0 or jobs < 0:
        raise Fatal("--timeout must be > 0 and --jobs >= 0")
    try:
        verdicts = validate(Path(path), timeout, jobs or os.cpu_count() or 1, static=not dynamic_only)
    except ValidateError as exc:
        raise Fatal(str(exc)) from None
    if fmt == "json":
        click.echo(to_json(verdicts), nl=False)
    else:
        for v in verdicts:
            if verbose or not v.dynamic_ok or v.static_ok is False:
                click.echo(describe(v))
        click.echo(table(verdicts), nl=False)
        if all(v.static_ok is None for v in verdicts) and not dynamic_only:
            click.echo("static half: n/a (this drvlint has no Python checkers)")
    good = all(v.dynamic_ok and v.static_ok is not False for v in verdicts)
    raise SystemExit(EXIT_CLEAN if good else EXIT_FINDINGS)
