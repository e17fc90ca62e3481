"""Terminal output in the compiler style editors and CI logs already understand."""
from __future__ import annotations

from typing import TextIO

from . import __version__
from .engine import FileResult


def _where(path: str, line: int, col: int) -> str:
    if not line:
        return path
    return f"{path}:{line}:{col}" if col else f"{path}:{line}"


def write_text(results: list[FileResult], out: TextIO, modes: list[str]) -> None:
    analysed = [r for r in results if r.failed is None]
    out.write(f"drvlint {__version__}: {len(analysed)} file(s) analysed"
              f"{f', {len(results) - len(analysed)} skipped' if len(results) != len(analysed) else ''}; "
              f"compiled with {'; '.join(modes) if modes else 'nothing'}\n")
    total = 0
    for result in results:
        for note in result.notifications:
            label = "error" if note.level == "error" else "warning" if note.level == "warning" else "note"
            out.write(f"{_where(note.path or result.path, note.line, note.col)}: {label}: {note.message} "
                      f"[drvlint]\n")
        for finding in result.findings:
            total += 1
            out.write(f"{_where(finding.path, finding.line, finding.col)}: {finding.level}: {finding.message} "
                      f"[{finding.rule_id}]\n")
            for step in finding.steps:
                out.write(f"{_where(finding.path, step.line, step.col)}: note: {step.message}\n")
    files_with = len({f.path for r in results for f in r.findings})
    out.write(f"{total} finding(s) in {files_with} file(s)\n")
