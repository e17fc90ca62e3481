"""Machine-readable output: one JSON document with files, findings and notifications."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO

from . import __version__
from .engine import FileResult
from .taxonomy import category, parent_of


def write_json(results: list[FileResult], out: TextIO) -> None:
    doc = {
        "tool": "drvlint",
        "version": __version__,
        "files": [{"path": r.path, "mode": r.mode, "functions": r.functions, "failed": r.failed,
                   "seconds": round(r.seconds, 3)} for r in results],
        "findings": [],
        "notifications": [asdict(n) for r in results for n in r.notifications],
    }
    for result in results:
        for finding in result.findings:
            item = asdict(finding)
            item["taxonomy"] = {"category": parent_of(finding.category).name,
                                "subcategory": category(finding.category).name, "id": finding.category}
            doc["findings"].append(item)
    json.dump(doc, out, indent=2)
    out.write("\n")
