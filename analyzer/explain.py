"""``drvlint explain RULE``: what a rule finds, where it sits in the taxonomy, its CWE, and a real
example of the bug next to its fix.

The examples come from the corpus the checkers are tested on (``corpus/c/RULE/``: ``buggy/NAME.c`` with
an ``expect:`` comment on the reported line, and its fixed twin ``fixed/NAME.c``), so an explanation can
never drift from what the checker actually reports.  A wheel ships those pairs as ``drvlint/examples``;
a source checkout reads ``corpus/c`` directly."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from .checker import Checker
from .taxonomy import CWE_NAMES, category, parent_of

PACKAGE_DIR = Path(__file__).resolve().parent
EXAMPLE_DIRS = (PACKAGE_DIR / "examples", PACKAGE_DIR / "examples_py", PACKAGE_DIR.parent / "corpus" / "c",
                PACKAGE_DIR.parent / "corpus" / "python")
EXPECT = re.compile(r"\s*/\*\s*expect:[^*]*\*/|\s*#\s*expect:.*$")  # C comment, or Python's to the line end
INDEX_ROW = re.compile(r"^\|\s*\d+\s*\|\s*`([^`]+\.(?:c|py))`")
CONTEXT = 3  # lines shown around the reported line and the fix
MAX_LINES = 16


class ExplainError(Exception):
    """An unknown rule."""


@dataclass
class Example:
    name: str
    bad_path: Path
    good_path: Path
    bad: list[tuple[int, str]]  # (line number, text) excerpt of the buggy file
    good: list[tuple[int, str]]  # the corresponding lines of the fixed twin
    line: int  # the reported line in the buggy file


def examples_dir(rule_id: str) -> Optional[Path]:
    for base in EXAMPLE_DIRS:
        if (base / rule_id / "buggy").is_dir() and (base / rule_id / "fixed").is_dir():
            return base / rule_id
    return None


def _pairs(directory: Path) -> list[str]:
    """Pair names in the order INDEX.md lists them (the curated order), else alphabetical."""
    names: list[str] = []
    index = directory / "INDEX.md"
    if index.is_file():
        for row in index.read_text(encoding="utf-8", errors="replace").splitlines():
            match = INDEX_ROW.match(row)
            if match and match.group(1) not in names:
                names.append(match.group(1))
    names += sorted(p.name for p in (directory / "buggy").iterdir() if p.suffix in (".c", ".py") and p.name not in names)
    return [n for n in names if (directory / "buggy" / n).is_file() and (directory / "fixed" / n).is_file()]


def _map_line(opcodes: Sequence[tuple[str, int, int, int, int]], index: int) -> int:
    """The fixed-file index corresponding to buggy-file ``index`` (0-based)."""
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= index < i2:
            return j1 + (index - i1) if tag == "equal" else j1
    return opcodes[-1][4] if opcodes else index


def _example(directory: Path, name: str, rule_id: str) -> Optional[Example]:
    bad_path, good_path = directory / "buggy" / name, directory / "fixed" / name
    bad = bad_path.read_text(encoding="utf-8", errors="replace").splitlines()
    good = good_path.read_text(encoding="utf-8", errors="replace").splitlines()
    reported = next((i for i, text in enumerate(bad) if re.search(rf"expect:[^*]*\b{re.escape(rule_id)}\b", text)),
                    None)
    if reported is None:
        return None
    opcodes = difflib.SequenceMatcher(None, bad, good, autojunk=False).get_opcodes()
    changes = [(i1, max(i2, i1 + 1)) for tag, i1, i2, _, _ in opcodes if tag != "equal"]
    if not changes:
        return None
    start, end = min(changes, key=lambda c: min(abs(c[0] - reported), abs(c[1] - 1 - reported)))
    low = max(min(start, reported) - CONTEXT, 0)
    high = min(max(end, reported + 1) + CONTEXT, len(bad))
    if high - low > MAX_LINES:
        return None
    good_low, good_high = _map_line(opcodes, low), _map_line(opcodes, high - 1) + 1
    return Example(name, bad_path, good_path,
                   [(i + 1, EXPECT.sub("", bad[i])) for i in range(low, high)],
                   [(j + 1, good[j]) for j in range(good_low, min(good_high, len(good)))], reported + 1)


def find_example(rule_id: str) -> Optional[Example]:
    """The first corpus pair (in INDEX.md order) whose fix lies close enough to the reported line to
    show both in one short excerpt."""
    directory = examples_dir(rule_id)
    if directory is None:
        return None
    for name in _pairs(directory):
        example = _example(directory, name, rule_id)
        if example is not None:
            return example
    return None


def _excerpt(lines: list[tuple[int, str]], mark: Optional[int] = None) -> list[str]:
    width = len(str(lines[-1][0])) if lines else 1
    return [f"  {'>' if number == mark else ' '} {number:>{width}} | {text.expandtabs(4)}".rstrip()
            for number, text in lines]


def _display(path: Path) -> str:
    for base in EXAMPLE_DIRS:
        try:
            language = "python" if path.suffix == ".py" else "c"
            return f"corpus/{language}/" + path.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


def explain(rule_id: str, checkers: Sequence[type[Checker]]) -> str:
    """The explanation of one rule, as printed by ``drvlint explain``."""
    by_id = {c.rule_id: c for c in checkers}
    if rule_id not in by_id:
        raise ExplainError(f"unknown rule '{rule_id}' (known: {', '.join(sorted(by_id))})")
    cls = by_id[rule_id]
    sub = category(cls.category)
    out = [f"{cls.rule_id}: {cls.name}", "", cls.short, "", cls.description, "",
           f"taxonomy: {parent_of(cls.category).name} > {sub.name}",
           "CWE: " + "; ".join(f"CWE-{c} {CWE_NAMES.get(c, '')}".rstrip() for c in cls.cwe),
           f"precision: {cls.precision}, level: {cls.level}"]
    example = find_example(rule_id)
    if example is None:
        out += ["", "(no example installed)"]
    else:
        out += ["", f"Bad: {_display(example.bad_path)}, reported at line {example.line}",
                *_excerpt(example.bad, example.line), "",
                f"Good: {_display(example.good_path)}, the fixed twin", *_excerpt(example.good)]
    comment = (f"# drvlint-ignore {rule_id}: why this is safe" if "python" in cls.languages
               else f"/* drvlint-ignore {rule_id}: why this is safe */")
    out += ["", f"Silence one finding, with the reason: {comment}"]
    return "\n".join(out) + "\n"
