"""Machine-readable output: one JSON document with files, findings and notifications."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional, Sequence, TextIO

from . import __version__
from .baseline import BaselineEntry
from .engine import FileResult
from .findings import Notification
from .fingerprints import relative_name
from .taxonomy import category, parent_of


def write_json(results: list[FileResult], out: TextIO, notes: Sequence[Notification] = (),
               absent: Optional[Sequence[BaselineEntry]] = None, root: Optional[Path] = None) -> None:
    """Every finding, marked: ``fingerprint`` (drvlint/v1, what ``--baseline`` matches), ``uri``
    (relative to the repository root), ``suppression`` (the comment and its reason, or null),
    ``baseline_state``; with a baseline, the ``absent`` findings too."""
    doc = {
        "tool": "drvlint",
        "version": __version__,
        "files": [{"path": r.path, "mode": r.mode, "functions": r.functions, "failed": r.failed,
                   "seconds": round(r.seconds, 3)} for r in results],
        "findings": [],
        "notifications": [asdict(n) for n in notes] + [asdict(n) for r in results for n in r.notifications],
    }
    for result in results:
        for finding in result.findings:
            item = asdict(finding)
            if root is not None:
                item["uri"] = relative_name(finding.path, root)
            item["taxonomy"] = {"category": parent_of(finding.category).name,
                                "subcategory": category(finding.category).name, "id": finding.category}
            doc["findings"].append(item)
    if absent is not None:
        doc["absent"] = [asdict(entry) for entry in absent]
    json.dump(doc, out, indent=2)
    out.write("\n")
