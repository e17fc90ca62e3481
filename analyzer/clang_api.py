"""The few libclang C functions the Python bindings do not wrap, registered once through ctypes.

They are what makes one cheap walk possible: operator kinds without tokenising, constant evaluation
without re-parsing, file locations that point at macro arguments, and a main-file test that costs
one call instead of a file-name comparison per top-level cursor."""
from __future__ import annotations

import ctypes
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterator, Optional

import clang.cindex as ci
from clang.cindex import Cursor, SourceLocation, conf

BINARY_OPS = {
    3: "*", 4: "/", 5: "%", 6: "+", 7: "-", 8: "<<", 9: ">>", 10: "<=>", 11: "<", 12: ">", 13: "<=", 14: ">=",
    15: "==", 16: "!=", 17: "&", 18: "^", 19: "|", 20: "&&", 21: "||", 22: "=", 23: "*=", 24: "/=", 25: "%=",
    26: "+=", 27: "-=", 28: "<<=", 29: ">>=", 30: "&=", 31: "^=", 32: "|=", 33: ",",
}
UNARY_OPS = {
    1: "post++", 2: "post--", 3: "++", 4: "--", 5: "&", 6: "*", 7: "+", 8: "-", 9: "~", 10: "!",
    11: "__real", 12: "__imag", 13: "__extension__",
}


@lru_cache(maxsize=1)
def lib() -> ctypes.CDLL:
    """The loaded libclang with the extra prototypes registered."""
    handle = conf.lib
    protos = [
        ("clang_getCursorBinaryOperatorKind", [Cursor], ctypes.c_int),
        ("clang_getCursorUnaryOperatorKind", [Cursor], ctypes.c_int),
        ("clang_Cursor_Evaluate", [Cursor], ctypes.c_void_p),
        ("clang_EvalResult_getKind", [ctypes.c_void_p], ctypes.c_int),
        ("clang_EvalResult_getAsLongLong", [ctypes.c_void_p], ctypes.c_longlong),
        ("clang_EvalResult_dispose", [ctypes.c_void_p], None),
        ("clang_Location_isFromMainFile", [SourceLocation], ctypes.c_int),
        ("clang_getCursorLocation", [Cursor], SourceLocation),
        ("clang_Cursor_getVarDeclInitializer", [Cursor], Cursor),
        ("clang_getFileLocation", [SourceLocation, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_uint),
                                   ctypes.POINTER(ctypes.c_uint), ctypes.POINTER(ctypes.c_uint)], None),
    ]
    for name, args, res in protos:
        func = getattr(handle, name)
        func.argtypes = args
        func.restype = res
    # Cursors made by libclang must know their translation unit (and null cursors become None).
    handle.clang_Cursor_getVarDeclInitializer.errcheck = Cursor.from_result
    return handle


def binary_op(cursor: Cursor) -> str:
    return BINARY_OPS.get(lib().clang_getCursorBinaryOperatorKind(cursor), "?")


def unary_op(cursor: Cursor) -> str:
    return UNARY_OPS.get(lib().clang_getCursorUnaryOperatorKind(cursor), "?")


def evaluate_int(cursor: Cursor) -> Optional[int]:
    """The value of an integer constant expression, or None."""
    handle = lib()
    result = handle.clang_Cursor_Evaluate(cursor)
    if not result:
        return None
    try:
        if handle.clang_EvalResult_getKind(result) != 1:  # CXEval_Int
            return None
        return int(handle.clang_EvalResult_getAsLongLong(result))
    finally:
        handle.clang_EvalResult_dispose(result)


MACRO_LOCATION = 1 << 31  # the bit clang's raw SourceLocation encoding sets on macro expansion locations


class _RawRange(ctypes.Structure):
    """``CXSourceRange`` with its two raw locations readable as plain fields: one call gives a cursor's
    start and end without two more calls to split the range."""

    _fields_ = [("ptr_data", ctypes.c_void_p * 2), ("begin", ctypes.c_uint), ("end", ctypes.c_uint)]


class MainFile:
    """Where a location falls in the main file, from its raw encoding alone.

    A file location's raw encoding (``CXSourceLocation.int_data``) is an offset in the source manager's
    address space, where the main file owns one contiguous range: a location in that range is the main
    file's byte ``raw - start``, and its line and column follow from the line starts of the text we
    hold.  That answers the main-file test for the ~10,000 top-level declarations of a kernel TU (most
    from headers) and a statement's position without a ``clang_getFileLocation`` call each.  A macro
    location, or one outside the range, gets None: the caller asks libclang."""

    def __init__(self, tu: ci.TranslationUnit, source: bytes):
        handle = lib()
        self.get_location = handle.clang_getCursorLocation
        self.get_extent = _raw_extent()
        self.range: Optional[tuple[int, int]] = None
        main = ci.File.from_name(tu, tu.spelling)
        start = ci.SourceLocation.from_offset(tu, main, 0).int_data  # (0: a null location, no shortcut)
        end = ci.SourceLocation.from_offset(tu, main, len(source)).int_data
        if 0 < start < end < MACRO_LOCATION and b"\r" not in source:  # (clang also ends lines at a lone CR)
            self.range = (start, end)
        self.line_starts = [0] + [m.end() for m in re.finditer(b"\n", source)] if self.range else []

    def offset(self, raw: int) -> Optional[int]:
        """The main-file byte offset of a raw location, or None (macro, other file, or no shortcut)."""
        if self.range is None or raw & MACRO_LOCATION or not self.range[0] <= raw <= self.range[1]:
            return None
        return raw - self.range[0]

    def place(self, raw: int) -> Optional[tuple[int, int, int]]:
        """(offset, line, column) of a raw location in the main file, as clang counts them, or None."""
        offset = self.offset(raw)
        if offset is None:
            return None
        line = bisect_right(self.line_starts, offset)
        return offset, line, offset - self.line_starts[line - 1] + 1

    def location_offset(self, cursor: Cursor) -> Optional[int]:
        """The main-file offset of a cursor's location (a reference's name, a declaration's name)."""
        return self.offset(self.get_location(cursor).int_data)

    def extent(self, cursor: Cursor) -> tuple[int, int]:
        """The raw start and end of a cursor's extent."""
        extent = self.get_extent(cursor)
        return extent.begin, extent.end


@lru_cache(maxsize=1)
def _raw_extent():
    """``clang_getCursorExtent`` returning :class:`_RawRange` (a second handle on the function, so the
    bindings' own ``SourceRange`` prototype is left alone)."""
    return ctypes.CFUNCTYPE(_RawRange, Cursor)(("clang_getCursorExtent", lib()))


@lru_cache(maxsize=1)
def _raw_referenced():
    """``clang_getCursorReferenced`` without the bindings' result check (see :func:`referenced`)."""
    return ctypes.CFUNCTYPE(Cursor, Cursor)(("clang_getCursorReferenced", lib()))


@lru_cache(maxsize=1)
def _null_cursor() -> bytes:
    return bytes(conf.lib.clang_getNullCursor())


def referenced(cursor: Cursor) -> Optional[Cursor]:
    """``cursor.referenced``: the bindings test the result against a null cursor with two more libclang
    calls (``clang_getNullCursor``, ``clang_equalCursors``); comparing its raw bytes is the same test
    (a member expression asks this for its field, ~15,000 times in drivers/net/usb)."""
    found = _raw_referenced()(cursor)
    if bytes(found) == _null_cursor():
        return None
    found._tu = cursor._tu
    return found


def children(cursor: Cursor) -> list[Cursor]:
    """``list(cursor.get_children())`` without the bindings' per-child test against a null cursor (two
    more libclang calls a child: a visit never hands over a null cursor)."""
    found: list[Cursor] = []
    tu = cursor._tu

    def visit(child: Cursor, _parent: Cursor, _data) -> int:
        child._tu = tu
        found.append(child)
        return 1  # CXChildVisit_Continue

    conf.lib.clang_visitChildren(cursor, ci.callbacks["cursor_visit"](visit), None)
    return found


def preorder(cursor: Cursor) -> Iterator[Cursor]:
    """``cursor.walk_preorder()`` through :func:`children`."""
    yield cursor
    for child in children(cursor):
        yield from preorder(child)


RECORD_DECLS = (ci.CursorKind.STRUCT_DECL, ci.CursorKind.UNION_DECL)


def anonymous(spelling: str) -> bool:
    """Is this a record's spelling when it has no tag (``struct (unnamed at ...)``)?"""
    return not spelling or "(unnamed" in spelling or "(anonymous" in spelling


def field_record(field_decl: Cursor) -> Optional[Cursor]:
    """The struct a field belongs to, looking through anonymous struct and union members: since
    Linux 6.11 ``struct platform_driver`` keeps ``.remove`` inside an anonymous union."""
    record = field_decl.semantic_parent
    while record is not None and record.kind in RECORD_DECLS and anonymous(record.spelling):
        outer = record.semantic_parent
        if outer is None or outer.kind not in RECORD_DECLS:
            break
        record = outer
    return record


def var_initializer(cursor: Cursor) -> Optional[Cursor]:
    return lib().clang_Cursor_getVarDeclInitializer(cursor)


def file_offset(location: SourceLocation) -> tuple[Optional[int], int, int, int]:
    """(file handle, line, column, byte offset) of a location, pointing at macro arguments where they are
    spelled rather than at the macro's expansion site."""
    file_ptr = ctypes.c_void_p()
    line, col, offset = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    lib().clang_getFileLocation(location, ctypes.byref(file_ptr), ctypes.byref(line), ctypes.byref(col),
                                ctypes.byref(offset))
    return file_ptr.value, line.value, col.value, offset.value


def main_file_handle(tu: ci.TranslationUnit) -> Optional[int]:
    """The CXFile of the main file, comparable with the first item of :func:`file_offset`."""
    handle = conf.lib.clang_getFile(tu, tu.spelling.encode() if isinstance(tu.spelling, str) else tu.spelling)
    return ctypes.cast(handle, ctypes.c_void_p).value if handle else None
