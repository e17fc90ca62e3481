"""Shared helpers: analyse C snippets and corpus files in either header mode."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from drvlint.compilation import CompileOptions, find_kernel
from drvlint.engine import Analyzer, FileResult
from drvlint.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# A small driver function with one lock-imbalance finding (the early return keeps the mutex), for tests
# of reporting, fingerprints, baselines and configuration.
MUTEX_RETURN_BUG = """#include <linux/mutex.h>
#include <linux/errno.h>

struct dev { struct mutex lock; int state; };

int dev_set(struct dev *d, int v)
{
\tmutex_lock(&d->lock);
\tif (v < 0)
\t\treturn -EINVAL;
\td->state = v;
\tmutex_unlock(&d->lock);
\treturn 0;
}
"""

EXPECT = re.compile(r"expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)")


def kernel_available() -> bool:
    try:
        return find_kernel(CORPUS / "x.c", None) is not None
    except Exception:
        return False


def require_kernel() -> None:
    """Skip without kernel headers, unless CI demands them (DRVLINT_REQUIRE_KERNEL=1)."""
    if not kernel_available():
        if os.environ.get("DRVLINT_REQUIRE_KERNEL") == "1":
            pytest.fail("kernel headers required (DRVLINT_REQUIRE_KERNEL=1) but none found")
        pytest.skip("no kernel headers installed")


def expected_findings(path: Path) -> set[tuple[int, str]]:
    out = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            for rule in match.group(1).split(","):
                out.add((number, rule.strip()))
    return out


_ANALYZERS: dict[bool, Analyzer] = {}


def analyzer(builtin: bool) -> Analyzer:
    if builtin not in _ANALYZERS:
        _ANALYZERS[builtin] = Analyzer(load_rules(), CompileOptions(builtin_headers=builtin))
    return _ANALYZERS[builtin]


def analyze(path: Path, builtin: bool = True) -> FileResult:
    return analyzer(builtin).analyze(path)


@pytest.fixture
def c_source(tmp_path):
    """Write a C snippet to a file and return its path."""
    def make(code: str, name: str = "snippet.c") -> Path:
        path = tmp_path / name
        path.write_text(code)
        return path
    return make
