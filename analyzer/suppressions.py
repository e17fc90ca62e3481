"""In-source suppressions: ``/* drvlint-ignore RULE: reason */`` (C) or ``# drvlint-ignore RULE: reason``
(Python).

A false alarm is silenced where the code is, with the reason next to it, so a reviewer sees both; the
result stays in SARIF (``suppressions``, kind ``inSource``) so code scanning shows it as dismissed
rather than losing it.  A comment covers a finding of its rule(s) on the same line or the line below,
or every such finding in the function whose first line (or the line above it) carries the comment.
A comment that silences nothing is reported: stale suppressions would otherwise hide the next bug."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable

from .findings import Finding, Notification, Suppression

_OPENERS = {"c": r"/\*|//", "py": r"\#"}
_RULES = r"[A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*"
_BODY = re.compile(rf"\s+(?P<rules>{_RULES})\s*:\s*(?P<reason>\S.*?)\s*$")
EXAMPLE = "drvlint-ignore RULE: reason"


def _directive(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{_OPENERS[language]})\s*drvlint-ignore\b(?P<body>.*?)\s*(?:\*/|$)")


_DIRECTIVES = {lang: _directive(lang) for lang in _OPENERS}


def language_of(path: str) -> str:
    return "py" if Path(path).suffix == ".py" else "c"


@dataclass
class Directive:
    """One parsed comment, and which of its rules have silenced something."""

    suppression: Suppression
    used: set[str] = field(default_factory=set)

    @property
    def line(self) -> int:
        return self.suppression.line


def parse(text: str, path: str) -> tuple[list[Directive], list[Notification]]:
    """The drvlint-ignore comments of one source, and a warning for each malformed one (a suppression
    without a reason is not applied: the reason is the point)."""
    pattern = _DIRECTIVES[language_of(path)]
    directives: list[Directive] = []
    problems: list[Notification] = []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        for match in pattern.finditer(line):
            body = _BODY.match(match.group("body"))
            if body is None:
                problems.append(Notification(
                    "warning", f"malformed suppression, not applied: expected `{EXAMPLE}`", path, number,
                    match.start() + 1))
                continue
            rules = tuple(r.strip() for r in body.group("rules").split(","))
            directives.append(Directive(Suppression(rules, body.group("reason"), path, number)))
    return directives, problems


def _covers(directive: Directive, finding: Finding, function_lines: dict[str, int]) -> bool:
    if finding.rule_id not in directive.suppression.rules:
        return False
    if directive.line in (finding.line, finding.line - 1):
        return True
    first = function_lines.get(finding.function)
    return first is not None and directive.line in (first, first - 1)


def apply(findings: Iterable[Finding], text: str, path: str, function_lines: dict[str, int],
          known_rules: Collection[str], active_rules: Collection[str]) -> list[Notification]:
    """Mark the findings of one file that a comment silences (``Finding.suppression``), and return
    notifications for malformed comments, unknown rule ids and comments that silence nothing.  Rules
    that did not run on this file (``--select``, per-path ignores) cannot leave a comment unused."""
    directives, notes = parse(text, path)
    for finding in findings:
        for directive in directives:
            if _covers(directive, finding, function_lines):
                finding.suppression = directive.suppression
                directive.used.add(finding.rule_id)
                break
    for directive in directives:
        for rule in directive.suppression.rules:
            if rule not in known_rules:
                notes.append(Notification("warning", f"suppression names unknown rule '{rule}'", path,
                                          directive.line))
            elif rule in active_rules and rule not in directive.used:
                notes.append(Notification(
                    "warning", f"unused suppression: no {rule} finding on this line, the next one, or in a "
                               "function starting here", path, directive.line))
    return notes
