"""The study's cache: one SQLite row per analysed file, committed as soon as the file is done.

Why SQLite: a run killed at any moment (Ctrl-C, kill -9, a lost cluster node) keeps every committed row
(write-ahead log, one transaction per file), so a re-run redoes only what never finished.  Rows are
keyed by what decides the result: the file's bytes, the compile flags, the rule packs, the checker
selection and drvlint's code (its version and a digest of its own sources and built-in headers, so a
development checkout that changes a checker never reuses results of the old one).  Changing any of them
makes a new key, never a stale hit."""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import Optional

from . import __version__
from .engine import FileResult
from .findings import Finding, Notification, Step, Suppression

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    loc INTEGER NOT NULL,
    peak_rss INTEGER NOT NULL DEFAULT 0,
    result TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS functions (
    key TEXT NOT NULL,
    path TEXT NOT NULL,
    function TEXT NOT NULL,
    static INTEGER NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (key, function)
);
CREATE TABLE IF NOT EXISTS linked (
    key TEXT PRIMARY KEY,
    findings TEXT NOT NULL
);
"""
SUMMARY_VERSION = "2"  # bump when what a cached row holds changes (2: function summaries)


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of drvlint's version, its modules and its built-in headers: what decides a cached result
    besides the file, its flags and the rules."""
    from . import checkers
    digest = hashlib.sha256(__version__.encode() + b"\0" + SUMMARY_VERSION.encode())
    for root in (Path(__file__).parent, Path(checkers.__file__).parent):
        for source in sorted(root.rglob("*")):
            if source.suffix in (".py", ".h") and "__pycache__" not in source.parts:
                digest.update(source.relative_to(root).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def file_key(path: Path, context: str) -> str:
    """Content hash of the file plus the run context (flags, rules digest, selection) and drvlint's code."""
    digest = hashlib.sha256()
    digest.update(path.read_bytes())
    digest.update(b"\0" + context.encode() + b"\0" + code_digest().encode())
    return digest.hexdigest()


def result_to_dict(result: FileResult) -> dict:
    return asdict(result)


def finding_from_dict(item: dict) -> Finding:
    item = dict(item, steps=[Step(**s) for s in item.get("steps", [])], cwe=tuple(item.get("cwe", ())))
    if item.get("suppression") is not None:
        item["suppression"] = Suppression(**dict(item["suppression"], rules=tuple(item["suppression"]["rules"])))
    return Finding(**item)


def result_from_dict(data: dict) -> FileResult:
    """The inverse of ``result_to_dict`` (every field kept, nested dataclasses rebuilt)."""
    data = dict(data)
    data["findings"] = [finding_from_dict(item) for item in data.get("findings", [])]
    data["notifications"] = [Notification(**n) for n in data.get("notifications", [])]
    return FileResult(**data)


class StudyStore:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.db.commit()

    def get(self, key: str) -> Optional[tuple[FileResult, int, int]]:
        row = self.db.execute("SELECT result, loc, peak_rss FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return result_from_dict(json.loads(row[0])), row[1], row[2]

    def put(self, key: str, result: FileResult, loc: int, peak_rss: int = 0) -> None:
        self.db.execute("INSERT OR REPLACE INTO results (key, path, loc, peak_rss, result) VALUES (?, ?, ?, ?, ?)",
                        (key, result.path, loc, peak_rss, json.dumps(result_to_dict(result))))
        self.db.executemany("INSERT OR REPLACE INTO functions (key, path, function, static, summary) "
                            "VALUES (?, ?, ?, ?, ?)",
                            [(key, result.path, name, int(bool(facts.get("static"))), json.dumps(facts))
                             for name, facts in result.summaries.items()])
        self.db.commit()  # one transaction: a file's row and its summaries land together or not at all

    def get_linked(self, key: str) -> Optional[list[Finding]]:
        """Phase 3's findings for a file analysed with the given whole-tree rules."""
        row = self.db.execute("SELECT findings FROM linked WHERE key = ?", (key,)).fetchone()
        return None if row is None else [finding_from_dict(f) for f in json.loads(row[0])]

    def put_linked(self, key: str, findings: list[Finding]) -> None:
        self.db.execute("INSERT OR REPLACE INTO linked (key, findings) VALUES (?, ?)",
                        (key, json.dumps([asdict(f) for f in findings])))
        self.db.commit()

    def close(self) -> None:
        self.db.close()
