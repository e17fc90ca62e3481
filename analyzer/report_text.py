"""Terminal output in the compiler style editors and CI logs already understand."""
from __future__ import annotations

from typing import Sequence, TextIO

from . import __version__
from .engine import FileResult
from .findings import Notification


def _where(path: str, line: int, col: int) -> str:
    if not line:
        return path
    return f"{path}:{line}:{col}" if col else f"{path}:{line}"


def write_text(results: list[FileResult], out: TextIO, modes: list[str], notes: Sequence[Notification] = (),
               absent: int = 0) -> None:
    """Findings that count (not suppressed, not already in the baseline), every notification, and a
    summary that says how many were suppressed, baselined or fixed since the baseline."""
    analysed = [r for r in results if r.failed is None]
    out.write(f"drvlint {__version__}: {len(analysed)} file(s) analysed"
              f"{f', {len(results) - len(analysed)} skipped' if len(results) != len(analysed) else ''}; "
              f"compiled with {'; '.join(modes) if modes else 'nothing'}\n")
    for note in notes:
        out.write(f"{_where(note.path, note.line, note.col) or 'drvlint'}: {_label(note)}: {note.message} [drvlint]\n")
    total = suppressed = unchanged = 0
    for result in results:
        for note in result.notifications:
            out.write(f"{_where(note.path or result.path, note.line, note.col)}: {_label(note)}: {note.message} "
                      f"[drvlint]\n")
        for finding in result.findings:
            if finding.suppression is not None:
                suppressed += 1
                continue
            if finding.baseline_state == "unchanged":
                unchanged += 1
                continue
            total += 1
            out.write(f"{_where(finding.path, finding.line, finding.col)}: {finding.level}: {finding.message} "
                      f"[{finding.rule_id}]\n")
            for step in finding.steps:
                out.write(f"{_where(step.path or finding.path, step.line, step.col)}: note: {step.message}\n")
    files_with = len({f.path for r in results for f in r.findings if f.counts})
    extra = [f"{suppressed} suppressed" if suppressed else "", f"{unchanged} unchanged from the baseline"
             if unchanged else "", f"{absent} fixed since the baseline" if absent else ""]
    extra_text = "; ".join(e for e in extra if e)
    out.write(f"{total} finding(s) in {files_with} file(s){f' ({extra_text})' if extra_text else ''}\n")


def _label(note: Notification) -> str:
    return "error" if note.level == "error" else "warning" if note.level == "warning" else "note"
