"""Constants read from the headers a file is compiled against (``___GFP_DIRECT_RECLAIM``).

Allocation flags reach the IR as folded numbers (``GFP_KERNEL`` is ``0xcc0`` in 6.1), so whether a gfp
mask allows sleeping is a bit test, and the bit must come from the same headers: its value has moved
between kernel versions.  Both the ``#define ___GFP_X 0x400u`` form (up to 6.8) and the later
``enum { ___GFP_X_BIT, ... }`` form are read.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

HEADERS = ("linux/gfp_types.h", "linux/gfp.h", "drvlint/alloc.h")
DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(___GFP_[A-Z0-9_]+)[ \t]+\(?(0x[0-9a-fA-F]+|\d+)[uUlL]*\)?[ \t]*$", re.M)
BIT_ENUM = re.compile(r"enum\s*\{([^}]*___GFP_[A-Z0-9_]+_BIT[^}]*)\}", re.S)


def include_dirs(args: Iterable[str]) -> list[Path]:
    """Directories searched for headers, in order: ``-I``/``-isystem`` and those of ``-include`` files."""
    out: list[Path] = []
    pending = None
    for arg in args:
        if pending is not None:
            out.append(Path(arg) if pending != "-include" else Path(arg).parent)
            pending = None
        elif arg in ("-I", "-isystem", "-include"):
            pending = arg
        elif arg.startswith("-I"):
            out.append(Path(arg[2:]))
        elif arg.startswith("-isystem"):
            out.append(Path(arg[len("-isystem"):]))
    return out


def parse_gfp_bits(text: str) -> dict[str, int]:
    """``___GFP_*`` values defined in one header's text."""
    found = {name: int(value, 0) for name, value in DEFINE.findall(text)}
    for body in BIT_ENUM.findall(text):
        names = [re.sub(r"=.*", "", item).strip() for item in re.sub(r"/\*.*?\*/|#[^\n]*", "", body, flags=re.S).split(",")]
        for bit, name in enumerate(n for n in names if n):
            if name.endswith("_BIT"):
                found.setdefault(name[:-4], 1 << bit)
    return found


@lru_cache(maxsize=16)
def _constants_for(dirs: tuple[str, ...]) -> dict[str, int]:
    for directory in dirs:
        for header in HEADERS:
            path = Path(directory) / header
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            found = parse_gfp_bits(text)
            if "___GFP_DIRECT_RECLAIM" in found:
                return found
    return {}


def header_constants(args: Iterable[str]) -> dict[str, int]:
    """The gfp bits of the headers these compiler arguments select ({} when none are found)."""
    return dict(_constants_for(tuple(str(d) for d in include_dirs(args))))
