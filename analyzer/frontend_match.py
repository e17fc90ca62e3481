"""How the file's drivers can be bound to a device: only through OF (device tree) match tables, and
whether every entry of those tables carries ``.data``.

Why: a probe reached only through an OF match gets a matched entry, so ``of_match_device()`` cannot
return NULL there, and ``of_device_get_match_data()`` cannot either when every entry gives ``.data``.
Read from the initialisers of the file's ``struct of_device_id`` arrays and of its driver structs
(``.driver.of_match_table``, with no ``.id_table`` and no ``.driver.acpi_match_table``)."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Optional

from clang.cindex import Cursor, CursorKind as K

from . import clang_api as capi


def designated(init: Cursor) -> dict[str, Cursor]:
    """``{ .a = x, .b.c = y }`` as {"a": x, "b.c": y} (designated initialisers only)."""
    out: dict[str, Cursor] = {}
    for child in capi.children(init):
        if child.kind == K.UNEXPOSED_EXPR:
            kids = capi.children(child)
            names = [k.spelling for k in kids[:-1] if k.kind == K.MEMBER_REF]
            if names:
                out[".".join(names)] = kids[-1]
    return out


IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")


def _referenced_name(value: Cursor, tables: dict[str, bool], source: bytes) -> Optional[str]:
    """The table an ``.of_match_table = ...`` value names; through the text as written when
    ``of_match_ptr(table)`` expanded to NULL (a configuration without CONFIG_OF, such as x86)."""
    for node in capi.preorder(value):
        if node.kind == K.DECL_REF_EXPR:
            return node.spelling
    start, end = value.extent.start.offset, value.extent.end.offset
    written = source[start:end + 1].split(b",")[0]
    return next((n.decode() for n in IDENTIFIER.findall(written) if n.decode() in tables), None)


def _nonzero_literal(value: Cursor, source: bytes) -> bool:
    """Is an initialiser value written as a single non-zero number (or ``true``)?  Read from the main
    file's text: libclang's tokenizer costs milliseconds per call on a large translation unit."""
    while value.kind == K.UNEXPOSED_EXPR:  # an implicit conversion around the literal
        children = capi.children(value)
        if len(children) != 1:
            return False
        value = children[0]
    if value.kind != K.INTEGER_LITERAL:
        return False
    start, end = value.extent.start, value.extent.end
    if start.file is None or start.file.name != value.translation_unit.spelling:
        return False
    written = source[start.offset:end.offset].decode(errors="replace").strip()
    try:
        return written == "true" or int(written.rstrip("uUlL"), 0) != 0
    except ValueError:
        return False


@dataclass
class MatchTables:
    source: bytes = b""  # the main file, for what macros expanded away
    of_tables: dict[str, bool] = field(default_factory=dict)  # OF table -> every entry has .data
    drivers: dict[str, tuple[Optional[str], bool]] = field(default_factory=dict)  # var -> (OF table, other ways)
    flags: dict[str, frozenset[str]] = field(default_factory=dict)  # var -> fields set to a non-zero literal

    def note(self, var: Cursor, init: Cursor) -> None:
        """Record one file-scope initialised variable, if it is an OF table or a driver struct."""
        if "of_device_id" in var.type.spelling and init.type.get_array_size() > 0:
            entries = [e for e in capi.children(init) if e.kind == K.INIT_LIST_EXPR]
            used = [e for e in entries if capi.children(e)]  # not the { } sentinel
            self.of_tables[var.spelling] = all("data" in designated(e) for e in used)
            return
        fields = designated(init)
        flags = frozenset(name for name, value in fields.items() if _nonzero_literal(value, self.source))
        if flags:
            self.flags[var.spelling] = flags  # (``.soft_unbind = 1`` of a usb_driver)
        driver = fields.get("driver")
        inner = designated(driver) if driver is not None and driver.kind == K.INIT_LIST_EXPR else {}
        inner.update({k[len("driver."):]: v for k, v in fields.items() if k.startswith("driver.")})
        table = inner.get("of_match_table")
        if table is None:
            return
        self.drivers[var.spelling] = (_referenced_name(table, self.of_tables, self.source),
                                      "id_table" in fields or "acpi_match_table" in inner)

    def facts(self) -> dict[str, tuple[bool, bool]]:
        """Per driver struct: (it binds only through its OF table, every entry of that table has .data)."""
        return {var: (table is not None and not other, table is not None and not other
                      and self.of_tables.get(table, False)) for var, (table, other) in self.drivers.items()}
