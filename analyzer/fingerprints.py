"""Result identities that survive pushes, so code scanning and baselines do not see a moved finding as
new.

Two fingerprints, for two consumers:

* ``primaryLocationLineHash``: exactly what GitHub's upload action (codeql-action ``fingerprints.ts``)
  would compute from the file if the SARIF did not carry it.  The action keeps a value it finds and
  only warns when its own differs, so a value computed any other way would make alerts flap between
  drvlint's and GitHub's identity.  It hashes the 100 characters (spaces and tabs dropped, line ends
  normalised) that start at the line, so it survives lines added *above* a finding, not edits just
  below it.
* ``drvlint/v1``: drvlint's own, from what the finding is about rather than where it is: the rule, the
  file (relative to the repository root), the function and the normalised statement text, with an
  occurrence number for repeats.  Baselines match on it.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .findings import Finding

# ---------------------------------------------------------------- GitHub's rolling line hash

BLOCK_SIZE = 100
MOD = 37
MASK = (1 << 64) - 1  # the action computes in signed 64-bit `Long`s; two's complement wraps alike
FIRST_MOD = pow(MOD, BLOCK_SIZE, 1 << 64)
EOF = 65535  # what the action feeds after the last character
TAB, SPACE, LF, CR = 9, 32, 10, 13


def _utf16_units(text: str) -> Iterator[int]:
    """The action reads JavaScript strings: characters outside the BMP count as two surrogates."""
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            yield 0xD800 + (code >> 10)
            yield 0xDC00 + (code & 0x3FF)
        else:
            yield code


def github_line_hashes(text: str) -> list[str]:
    """``primaryLocationLineHash`` of every line of ``text`` (index 0 is line 1), as the upload action
    computes it: a rolling polynomial hash (base 37, mod 2**64) over the window of ``BLOCK_SIZE``
    characters starting at each line's first character that is not a space or tab; CR and CRLF count
    as LF; the end of the file is one EOF character followed by zeros.  Equal hashes in one file get
    ``:1``, ``:2``... in line order."""
    window = [0] * BLOCK_SIZE
    line_numbers = [-1] * BLOCK_SIZE
    hashes: list[str] = []
    counts: Counter[str] = Counter()
    state = {"hash": 0, "index": 0, "line": 0, "line_start": True, "prev_cr": False}

    def output() -> None:
        index = state["index"]
        value = format(state["hash"], "x")
        counts[value] += 1
        hashes.append(f"{value}:{counts[value]}")
        line_numbers[index] = -1

    def update(current: int) -> None:
        index = state["index"]
        begin = window[index]
        window[index] = current
        state["hash"] = (MOD * state["hash"] + current - FIRST_MOD * begin) & MASK
        state["index"] = (index + 1) % BLOCK_SIZE

    def process(current: int) -> None:
        if current in (SPACE, TAB) or (state["prev_cr"] and current == LF):
            state["prev_cr"] = False
            return
        if current == CR:
            current = LF
            state["prev_cr"] = True
        else:
            state["prev_cr"] = False
        if line_numbers[state["index"]] != -1:
            output()
        if state["line_start"]:
            state["line_start"] = False
            state["line"] += 1
            line_numbers[state["index"]] = state["line"]
        if current == LF:
            state["line_start"] = True
        update(current)

    for unit in _utf16_units(text):
        process(unit)
    process(EOF)
    for _ in range(BLOCK_SIZE):
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return hashes


def read_source(path: str) -> str:
    """A file's text as the action reads it (UTF-8, undecodable bytes replaced); "" if unreadable."""
    try:
        return Path(path).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def source_lines(text: str) -> list[str]:
    """Lines as compilers and editors number them (``str.splitlines`` also breaks at form feeds)."""
    return re.split(r"\r\n|\r|\n", text)


class LineHashes:
    """``primaryLocationLineHash`` per (file, line), each file read and hashed once."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def get(self, path: str, line: int) -> Optional[str]:
        if path not in self._files:
            self._files[path] = github_line_hashes(read_source(path))
        hashes = self._files[path]
        line = max(line, 1)  # the action hashes line 1 for a result without a line
        return hashes[line - 1] if line <= len(hashes) else None


# ---------------------------------------------------------------- drvlint's own fingerprint

FINGERPRINT_KEY = "drvlint/v1"
_C_COMMENT = re.compile(r"/\*.*?\*/|//.*$")
_PY_COMMENT = re.compile(r"#.*$")


def normalise_statement(text: str, suffix: str = ".c") -> str:
    """Statement text without comments (a drvlint-ignore added on the line must not change the
    identity) and without whitespace (re-indentation must not either)."""
    text = (_PY_COMMENT if suffix == ".py" else _C_COMMENT).sub("", text)
    return re.sub(r"\s+", "", text)


def relative_name(path: str, root: Path) -> str:
    """The file as the fingerprint names it: relative to the repository root when inside it, so a
    checkout elsewhere (CI, a laptop) gives the same fingerprints."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        try:
            return absolute.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return absolute.as_posix()


def _statement(finding: Finding, lines: list[str]) -> str:
    suffix = Path(finding.path).suffix
    if finding.statement:
        return normalise_statement(finding.statement, suffix)
    text = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    return normalise_statement(text, suffix)


def assign_fingerprints(findings: Iterable[Finding], root: Path) -> None:
    """Set ``Finding.fingerprint`` on each finding: sha256 of rule, file, function and statement,
    plus ``:N`` for the N-th finding with the same key in line order (two identical ``return -EIO;``
    in one function stay distinct, and keep their numbers when code above them moves)."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.col, f.rule_id, f.message))
    sources: dict[str, list[str]] = {}
    seen: Counter[str] = Counter()
    for finding in ordered:
        if finding.path not in sources:
            sources[finding.path] = source_lines(read_source(finding.path))
        key = "\0".join((finding.rule_id, relative_name(finding.path, root), finding.function,
                         _statement(finding, sources[finding.path])))
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        seen[digest] += 1
        finding.fingerprint = f"{digest}:{seen[digest]}"
