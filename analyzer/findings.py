"""Findings: what a checker reports, with the path that explains it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Step:
    """One step of a finding's path: a location and what happens there."""

    line: int
    col: int
    message: str
    path: str = ""  # another file than the finding's (a sleep chain that crosses files in a study)


@dataclass(frozen=True)
class Suppression:
    """An in-source ``drvlint-ignore RULE: reason`` comment; the reason becomes SARIF's justification."""

    rules: tuple[str, ...]
    justification: str
    path: str
    line: int


@dataclass
class Finding:
    rule_id: str
    message: str
    path: str
    line: int
    col: int
    function: str
    steps: list[Step] = field(default_factory=list)
    level: str = "warning"  # SARIF level: error | warning | note
    category: str = ""  # taxonomy sub-category id
    cwe: tuple[int, ...] = ()
    end_line: Optional[int] = None
    end_col: Optional[int] = None
    statement: str = ""  # normalised text of the reported statement, for fingerprints
    # Set after analysis, for CI adoption (analyzer/fingerprints.py, suppressions.py, baseline.py):
    fingerprint: str = ""  # drvlint's own stable identity ("drvlint/v1" in SARIF), survives moved code
    suppression: Optional["Suppression"] = None  # the drvlint-ignore comment that silences it
    baseline_state: str = ""  # "new" | "unchanged" against --baseline; "" without a baseline

    @property
    def counts(self) -> bool:
        """Whether the finding is shown in text output and sets the exit status: not silenced by a
        comment, and not already known from the baseline."""
        return self.suppression is None and self.baseline_state != "unchanged"

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.rule_id, self.message)


@dataclass
class Notification:
    """A tool message about one input: parse errors, skipped files, reduced mode."""

    level: str  # error | warning | note
    message: str
    path: str = ""
    line: int = 0
    col: int = 0
