"""Type facts the front end records for checkers that reason about objects: which struct a pointer
variable points to, which struct a field belongs to, and which structs and functions belong to the
driver itself (declared in the analysed file or beside it) rather than to the kernel.

Why: hot-unplug analysis pairs a timer in ``struct foo`` armed in probe with the ``kfree()`` of a
``struct foo *`` in disconnect; the two functions name the object differently, so only its type ties
them.  Whether a struct is the driver's own decides whether its teardown can be done elsewhere (a
framework's struct is torn down by the framework)."""
from __future__ import annotations

import os
from typing import Optional

import clang.cindex as ci
from clang.cindex import Cursor

from . import clang_api as capi

RECORD_KINDS = (ci.TypeKind.RECORD,)
FIELD_DECL = ci.CursorKind.FIELD_DECL.value


class DriverScope:
    """Per-file cache of record names and of where structs and functions are declared.  One libclang
    query per distinct record or callee, not per use."""

    def __init__(self, path: str):
        self.directory = os.path.dirname(os.path.abspath(path)) + os.sep
        self.driver_records: set[str] = set()
        self.driver_functions: set[str] = set()
        self._records_seen: set[str] = set()
        self._fields: dict[bytes, tuple[str, str]] = {}
        self._functions_seen: set[str] = set()

    def _in_driver(self, cursor: Cursor) -> bool:
        location = cursor.location
        name = location.file.name if location.file is not None else ""
        return bool(name) and os.path.abspath(name).startswith(self.directory)

    def note_record(self, decl: Optional[Cursor]) -> str:
        """The tag of a struct declaration ("" when anonymous), remembering whether it is the driver's."""
        if decl is None:
            return ""
        spelling = decl.spelling
        if capi.anonymous(spelling):
            return ""
        if spelling not in self._records_seen:
            self._records_seen.add(spelling)
            if self._in_driver(decl):
                self.driver_records.add(spelling)
        return spelling

    def pointee_record(self, type_: ci.Type) -> str:
        """``struct foo`` for a ``struct foo *`` (through typedefs), else ""."""
        canonical = type_.get_canonical()
        if canonical.kind != ci.TypeKind.POINTER:
            return ""
        pointee = canonical.get_pointee().get_canonical()
        if pointee.kind not in RECORD_KINDS:
            return ""
        return self.note_record(pointee.get_declaration())

    def field(self, member: Cursor) -> tuple[str, str, Optional[Cursor]]:
        """A member expression's field: its name, the struct it belongs to ("" when unknown) and its
        declaration.  Name and struct are read once per field (libclang spells a member expression
        with its field's name; semantic_parent costs ~0.5 ms a call)."""
        field_decl = capi.referenced(member)
        if field_decl is None or field_decl._kind_id != FIELD_DECL:
            return member.spelling, "", field_decl
        key = bytes(field_decl)  # the declaration's own cursor
        known = self._fields.get(key)
        if known is None:
            known = self._fields[key] = (field_decl.spelling, self.note_record(capi.field_record(field_decl)))
        return known[0], known[1], field_decl

    def note_callee(self, name: str, call: Cursor) -> None:
        """Remember callees declared by the driver's own headers: code in another file of the same
        driver, which may do work (teardown) this file cannot see."""
        if name in self._functions_seen:
            return
        self._functions_seen.add(name)
        decl = call.referenced
        if decl is not None and not decl.is_definition() and self._in_driver(decl):
            self.driver_functions.add(name)
