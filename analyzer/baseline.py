"""``--baseline FILE``: compare this run with an earlier drvlint report (SARIF or JSON).

A team adopting drvlint on old code records today's findings once and from then on only fails on new
ones.  Findings are matched by drvlint's own fingerprint (``drvlint/v1``: rule, file, function,
statement), which survives edits elsewhere in the file, unlike a line number.  Each current finding
becomes ``new`` or ``unchanged``; each baseline finding that is gone becomes an *absent* entry, but only
when this run could have seen it again: its file was analysed (or no longer exists) and its rule ran."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional
from urllib.parse import unquote, urlparse

from .findings import Finding
from .fingerprints import FINGERPRINT_KEY


class BaselineError(Exception):
    """The baseline file cannot be used (unreadable, not a drvlint report, no fingerprints)."""


@dataclass(frozen=True)
class BaselineEntry:
    """One finding of the baseline, enough to report it as absent."""

    fingerprint: str
    rule_id: str
    message: str
    path: str  # absolute
    line: int
    col: int
    level: str = "warning"
    line_hash: Optional[str] = None  # its primaryLocationLineHash, when the baseline was SARIF


def _path_from_uri(uri: str, root: Path) -> str:
    """A SARIF artifact URI back to a file path: relative ones are relative to ``%SRCROOT%``, taken as
    this run's repository root so that a baseline made in another checkout still lines up; absolute
    ones are ``file:`` URIs."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    relative = unquote(uri)
    return relative if os.path.isabs(relative) else str(root / relative)


def _from_sarif(doc: dict, root: Path, source: str) -> list[BaselineEntry]:
    entries: list[BaselineEntry] = []
    results = 0
    for run in doc.get("runs") or []:
        if ((run.get("tool") or {}).get("driver") or {}).get("name") != "drvlint":
            continue
        for result in run.get("results") or []:
            if result.get("baselineState") == "absent":  # fixed before that run: not part of its state
                continue
            results += 1
            prints = result.get("partialFingerprints") or {}
            fingerprint = prints.get(FINGERPRINT_KEY)
            if not fingerprint:
                continue
            location = ((result.get("locations") or [{}])[0].get("physicalLocation") or {})
            artifact = location.get("artifactLocation") or {}
            region = location.get("region") or {}
            entries.append(BaselineEntry(
                fingerprint, str(result.get("ruleId", "")), str((result.get("message") or {}).get("text", "")),
                _path_from_uri(str(artifact.get("uri", "")), root),
                int(region.get("startLine", 0)), int(region.get("startColumn", 0)),
                str(result.get("level", "warning")), prints.get("primaryLocationLineHash")))
    if results and not entries:
        raise BaselineError(f"{source}: its results carry no '{FINGERPRINT_KEY}' fingerprints "
                            "(written by another tool or an older drvlint)")
    return entries


def _from_json(doc: dict, root: Path, source: str) -> list[BaselineEntry]:
    entries: list[BaselineEntry] = []
    for item in doc.get("findings") or []:
        if not isinstance(item, dict):
            continue
        fingerprint = item.get("fingerprint")
        if not fingerprint:
            raise BaselineError(f"{source}: findings carry no fingerprint (written by an older drvlint)")
        uri = item.get("uri") or item.get("path", "")
        path = uri if os.path.isabs(uri) else str(root / uri)
        entries.append(BaselineEntry(fingerprint, str(item.get("rule_id", "")), str(item.get("message", "")),
                                     path, int(item.get("line", 0)), int(item.get("col", 0)),
                                     str(item.get("level", "warning"))))
    return entries


def load_baseline(path: str, root: Path) -> list[BaselineEntry]:
    """The findings of an earlier drvlint SARIF or JSON report; ``root`` is this run's repository root."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"--baseline {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"--baseline {path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"--baseline {path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        if isinstance(doc, dict) and isinstance(doc.get("runs"), list) and "version" in doc:
            return _from_sarif(doc, root, path)
        if isinstance(doc, dict) and doc.get("tool") == "drvlint" and isinstance(doc.get("findings"), list):
            return _from_json(doc, root, path)
    except (AttributeError, TypeError, ValueError, IndexError) as exc:
        raise BaselineError(f"--baseline {path}: malformed report ({type(exc).__name__}: {exc})") from None
    raise BaselineError(f"--baseline {path}: neither a SARIF log nor a drvlint JSON report")


def compare(findings: Iterable[Finding], baseline: list[BaselineEntry], analysed: set[str],
            ran: Callable[[str, str], bool]) -> list[BaselineEntry]:
    """Set ``baseline_state`` on every finding and return the baseline entries that are gone.
    ``analysed`` holds the resolved paths of the files this run analysed; ``ran(rule, path)`` says
    whether a rule ran on a file."""
    known = {entry.fingerprint for entry in baseline}
    current: set[str] = set()
    for finding in findings:
        current.add(finding.fingerprint)
        finding.baseline_state = "unchanged" if finding.fingerprint in known else "new"
    absent = []
    for entry in baseline:
        if entry.fingerprint in current:
            continue
        resolved = os.path.realpath(entry.path)
        if (resolved in analysed or not os.path.exists(resolved)) and ran(entry.rule_id, resolved):
            absent.append(entry)
    return absent
