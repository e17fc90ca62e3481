"""Precision per checker from a triage file: ``drvlint study TREE --triage corpus/triage/linux-6.1.csv``.

A triage file records, for findings someone read, whether each is real, false or unsure (columns
file, function, line, rule, verdict, reason; file relative to the kernel source root).  The study's
findings are matched to its rows by file, function and rule, and by line where several rows share
those, so a triage survives code moving by a few lines.  Precision is real / (real + false) over
the matched findings; false alarms per 10 KLOC extrapolate the triaged false rate to every finding of
the checker over the studied lines.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

VERDICTS = ("real", "false", "unsure")


class TriageError(Exception):
    """The triage file cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Verdict:
    file: str
    function: str
    line: int
    rule: str
    verdict: str
    reason: str


@dataclass
class CheckerPrecision:
    rule: str
    findings: int = 0
    triaged: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {v: 0 for v in VERDICTS})

    @property
    def precision(self) -> Optional[float]:
        judged = self.counts["real"] + self.counts["false"]
        return self.counts["real"] / judged if judged else None

    def false_per_10kloc(self, loc: int) -> Optional[float]:
        if not self.triaged or not loc:
            return None
        return self.counts["false"] / self.triaged * self.findings / (loc / 10_000)


def read_triage(path: Path) -> list[Verdict]:
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise TriageError(f"{path}: cannot read triage file ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = {"file", "function", "line", "rule", "verdict"} - set(reader.fieldnames or ())
        if missing:
            raise TriageError(f"{path}:1: triage file lacks column(s) {', '.join(sorted(missing))}")
        out = []
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if row["verdict"] not in VERDICTS:
                raise TriageError(f"{where}: verdict {row['verdict']!r} is not one of {', '.join(VERDICTS)}")
            try:
                line = int(row["line"])
            except ValueError:
                raise TriageError(f"{where}: line {row['line']!r} is not a number") from None
            out.append(Verdict(row["file"], row["function"], line, row["rule"], row["verdict"],
                               row.get("reason", "")))
    return out


def precision_table(findings: Iterable, verdicts: list[Verdict], loc: int) -> list[CheckerPrecision]:
    """Per checker: findings, how many the triage covers, verdict counts (``findings`` yield objects
    with path, function, line and rule_id)."""
    by_place: dict[tuple[str, str], list[Verdict]] = {}
    for verdict in verdicts:
        by_place.setdefault((verdict.function, verdict.rule), []).append(verdict)
    table: dict[str, CheckerPrecision] = {}
    used: set[Verdict] = set()
    for finding in findings:
        row = table.setdefault(finding.rule_id, CheckerPrecision(finding.rule_id))
        row.findings += 1
        candidates = [v for v in by_place.get((finding.function, finding.rule_id), ())
                      if _same_file(finding.path, v.file) and v not in used]
        if not candidates:
            continue
        match = min(candidates, key=lambda v: abs(v.line - finding.line))
        used.add(match)
        row.triaged += 1
        row.counts[match.verdict] += 1
    return sorted(table.values(), key=lambda r: r.rule)


def _same_file(path: str, triaged: str) -> bool:
    """The triage names files from the source root; the study may have been run on a subdirectory."""
    return Path(path).as_posix().endswith("/" + triaged.lstrip("/")) or Path(path).as_posix() == triaged


def format_table(rows: list[CheckerPrecision], loc: int) -> tuple[list[str], list[list]]:
    header = ["checker", "findings", "triaged", "real", "false", "unsure", "precision", "false / 10 KLOC"]
    body = []
    for row in rows:
        precision = row.precision
        density = row.false_per_10kloc(loc)
        body.append([row.rule, row.findings, row.triaged, row.counts["real"], row.counts["false"],
                     row.counts["unsure"], "-" if precision is None else f"{100 * precision:.0f}%",
                     "-" if density is None else f"{density:.3f}"])
    return header, body
