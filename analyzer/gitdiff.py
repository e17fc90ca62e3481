"""``--diff-base REV``: the files and lines changed since a git revision.

A pull request should be judged on what it changes: analysing only the changed files keeps the check
fast on a big tree, and reporting only findings on changed lines keeps old findings out of a review.
New files that git does not track yet count as changed throughout, so a developer sees them before
``git add``."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Iterable, Optional

DIFF_SUFFIXES = (".c", ".h", ".py")
BATCH = 500  # files per git command
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    """git is missing, the directory is not a repository, or the revision is unknown."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              text=True, errors="surrogateescape")
    except OSError as exc:
        raise GitError(f"--diff-base: cannot run git ({exc.strerror})") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitError(f"--diff-base: git {args[0]}: {message}")
    return proc.stdout


def git_root(cwd: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError:
        raise GitError("--diff-base: not inside a git repository") from None


def verify_revision(rev: str, root: Path) -> None:
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root)
    except GitError:
        raise GitError(f"--diff-base: unknown revision '{rev}'") from None


def changed_files(rev: str, root: Path, suffixes: Iterable[str] = DIFF_SUFFIXES) -> list[Path]:
    """Files that differ from ``rev`` in the working tree (deleted ones left out), plus untracked
    files, with one of ``suffixes``; absolute paths, sorted."""
    wanted = tuple(suffixes)
    names = _git(["diff", "--name-only", "-z", "--diff-filter=d", "--no-ext-diff", rev, "--"], root).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
    found = {root / name for name in names if name and name.endswith(wanted)}
    return sorted(p for p in found if p.is_file())


def _unquote(name: str) -> str:
    """git's C-style quoting of unusual file names ("a\\tb.c")."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", errors="surrogateescape").decode("unicode_escape")
    return raw.encode("latin-1", errors="replace").decode("utf-8", errors="replace")


def parse_hunks(diff: str) -> dict[str, set[int]]:
    """Changed lines of the new side of a ``git diff -U0`` per file (as named after ``+++ b/``).  A
    pure deletion marks the lines on both sides of the gap: removing an unlock changes what the next
    line does."""
    changed: dict[str, set[int]] = {}
    current: Optional[set[int]] = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            if name == "/dev/null":
                current = None
                continue
            if name.startswith('b/'):
                name = name[2:]
            current = changed.setdefault(name, set())
            continue
        match = _HUNK.match(line)
        if match and current is not None:
            start = int(match.group(1))
            count = 1 if match.group(2) is None else int(match.group(2))
            if count:
                current.update(range(start, start + count))
            else:
                current.update((start, start + 1) if start else (1,))
    return changed


def changed_lines(rev: str, root: Path, files: Iterable[Path]) -> dict[str, Optional[set[int]]]:
    """Changed line numbers per file (by real path) since ``rev``; None means every line (a file git
    does not track)."""
    files = list(files)
    tracked: set[str] = set()
    hunks: dict[str, set[int]] = {}
    for start in range(0, len(files), BATCH):  # a big tree's pull request must not overflow ARG_MAX
        batch = [str(f) for f in files[start:start + BATCH]]
        tracked.update(_git(["ls-files", "-z", "--", *batch], root).split("\0"))
        hunks.update(parse_hunks(_git(["diff", "-U0", "--no-color", "--no-ext-diff", "--src-prefix=a/",
                                       "--dst-prefix=b/", rev, "--", *batch], root)))
    result: dict[str, Optional[set[int]]] = {}
    for path in files:
        relative = os.path.relpath(os.path.realpath(path), os.path.realpath(root)).replace(os.sep, "/")
        key = os.path.realpath(path)
        result[key] = hunks.get(relative, set()) if relative in tracked else None
    return result
