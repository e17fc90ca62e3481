"""Parse one C file with libclang under a chosen compile setup; return drvlint's IR.

Errors in the input become diagnostics, never exceptions: a file libclang cannot parse at all is a
:class:`ParseFailure` with a one-line reason."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import clang.cindex as ci

from . import ir
from .compilation import CompileSetup
from .frontend_c import convert
from .frontend_match import MatchTables
from .frontend_types import DriverScope
from .header_consts import header_constants

_INDEX: Optional[ci.Index] = None
MAX_DIAGNOSTICS = 20


class ParseFailure(Exception):
    """The file could not be parsed at all."""


def index() -> ci.Index:
    global _INDEX
    if _INDEX is None:
        _INDEX = ci.Index.create(excludeDecls=False)
    return _INDEX


def read_source(path: Path) -> bytes:
    """The file's bytes, refusing what is not C source text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseFailure(f"cannot read file: {exc.strerror or exc}") from None
    if b"\0" in data[:8192]:
        raise ParseFailure("binary file, not C source")
    return data


def parse_file(path: Path, setup: CompileSetup, pure_names: frozenset[str] = frozenset(),
               log_names: frozenset[str] = frozenset()) -> ir.TranslationUnit:
    source = read_source(path)
    diagnostics: list[ir.Diagnostic] = []
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as exc:
        diagnostics.append(ir.Diagnostic("warning", f"file is not valid UTF-8 (byte {exc.start}); "
                                                    "names are read with replacement characters", str(path)))
    unsaved = [(name, content) for name, content in setup.unsaved]
    started = time.perf_counter()
    try:
        tu = index().parse(str(path), args=setup.args, unsaved_files=unsaved or None,
                           options=ci.TranslationUnit.PARSE_NONE)
    except ci.TranslationUnitLoadError as exc:
        raise ParseFailure(f"libclang could not parse the file ({exc})") from None
    errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    error_lines = sorted({d.location.line for d in errors if d.location.file and d.location.file.name == str(path)})
    for diag in errors[:MAX_DIAGNOSTICS]:
        loc = diag.location
        where = loc.file.name if loc.file else str(path)
        diagnostics.append(ir.Diagnostic("error", diag.spelling, where, loc.line, loc.column))
    if len(errors) > MAX_DIAGNOSTICS:
        diagnostics.append(ir.Diagnostic("error", f"{len(errors) - MAX_DIAGNOSTICS} more parse errors", str(path)))
    parsed = time.perf_counter()
    scope = DriverScope(str(path))
    matches = MatchTables(source)
    functions, field_inits = convert(tu, str(path), source, scope, pure_names, matches, log_names)
    timings = {"parse": parsed - started, "frontend": time.perf_counter() - parsed}
    return ir.TranslationUnit(str(path), functions, diagnostics, mode=setup.description, timings=timings,
                              error_lines=error_lines, field_inits=field_inits,
                              header_constants=header_constants(setup.args),
                              driver_records=frozenset(scope.driver_records),
                              driver_functions=frozenset(scope.driver_functions),
                              of_match=matches.facts(), driver_flags=dict(matches.flags))
