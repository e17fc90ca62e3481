"""Functions stored into struct fields: ops tables (``.ndo_start_xmit = fn``), nested and array
initialisers, and ``urb->complete = fn`` assignments.

The kernel learns of most driver callbacks this way, so this is where checkers learn which functions
are IRQ-like, which are teardown entry points, and in which context each runs.  Only initialisers and
assignments whose value names a function are read, with ``clang_api.children`` (they are few).
"""
from __future__ import annotations

from typing import Optional

import clang.cindex as ci
from clang.cindex import Cursor, CursorKind as K

from . import clang_api as capi
from . import ir

WRAPPERS = {K.UNEXPOSED_EXPR, K.PAREN_EXPR, K.CSTYLE_CAST_EXPR}
ARRAY_KINDS = {ci.TypeKind.CONSTANTARRAY, ci.TypeKind.INCOMPLETEARRAY}


def function_named(cursor: Optional[Cursor]) -> Optional[str]:
    """The function a value expression names (``fn``, ``&fn``, ``(cast)fn``), else None."""
    while cursor is not None:
        if cursor.kind == K.DECL_REF_EXPR:
            ref = cursor.referenced
            return ref.spelling if ref is not None and ref.kind == K.FUNCTION_DECL else None
        if cursor.kind in WRAPPERS or (cursor.kind == K.UNARY_OPERATOR and capi.unary_op(cursor) == "&"):
            kids = [k for k in capi.children(cursor) if k.kind.is_expression()]
            cursor = kids[-1] if kids else None
            continue
        return None
    return None


def record_name(field_decl: Optional[Cursor]) -> str:
    """The struct tag a field belongs to ("" for unnamed structs)."""
    if field_decl is None:
        return ""
    parent = capi.field_record(field_decl)
    name = parent.spelling if parent is not None else ""
    return "" if capi.anonymous(name) else name


def _loc(cursor: Cursor) -> ir.Loc:
    _, line, col, _ = capi.file_offset(cursor.extent.start)
    return ir.Loc(line, col)


_HOLDS_FUNCTIONS: dict[str, bool] = {}  # canonical type spelling -> may hold a function pointer (one file)


def forget_types() -> None:
    """A new translation unit: two drivers may give different structs the same tag."""
    _HOLDS_FUNCTIONS.clear()


def may_hold_functions(type_: ci.Type) -> bool:
    """Can a value of this type hold a function pointer (a field, an element, a nested struct)?  Device-ID
    tables of thousands of entries cannot, and walking them cost more than the rest of the front end."""
    canonical = type_.get_canonical()
    key = canonical.spelling
    known = _HOLDS_FUNCTIONS.get(key)
    if known is None:
        _HOLDS_FUNCTIONS[key] = True  # a struct that points to itself: assume it may while deciding
        if canonical.kind in ARRAY_KINDS:
            known = may_hold_functions(canonical.element_type)
        elif canonical.kind == ci.TypeKind.RECORD:
            known = any(may_hold_functions(f.type) for f in canonical.get_fields())
        elif canonical.kind == ci.TypeKind.POINTER:
            known = canonical.get_pointee().get_canonical().kind in (ci.TypeKind.FUNCTIONPROTO,
                                                                      ci.TypeKind.FUNCTIONNOPROTO)
        else:
            known = False
        _HOLDS_FUNCTIONS[key] = known
    return known


def collect_initializer(init: Cursor, owner: str, out: list[ir.FieldInit]) -> None:
    """Every ``field = function`` pair inside an initialiser list, at any depth."""
    if not may_hold_functions(init.type):
        return
    canonical = init.type.get_canonical()
    children = capi.children(init)
    if canonical.kind in ARRAY_KINDS:
        for child in children:
            if child.kind == K.INIT_LIST_EXPR:
                collect_initializer(child, owner, out)
                continue
            function = function_named(child)  # a table of handlers: called through the array
            if function is not None:
                out.append(ir.FieldInit("", "[]", function, _loc(child), owner))
        return
    fields = list(canonical.get_fields()) if canonical.kind == ci.TypeKind.RECORD else []
    for position, child in enumerate(children):
        field_decl, value = (fields[position] if position < len(fields) else None), child
        if child.kind == K.UNEXPOSED_EXPR:  # a designated initialiser: .a.b = value
            kids = capi.children(child)
            designators = [k for k in kids[:-1] if k.kind == K.MEMBER_REF]
            if designators:
                field_decl, value = designators[-1].referenced, kids[-1]
        if value.kind == K.INIT_LIST_EXPR:
            collect_initializer(value, owner, out)
            continue
        function = function_named(value)
        if function is not None and field_decl is not None:
            out.append(ir.FieldInit(record_name(field_decl), field_decl.spelling, function, _loc(value), owner))


def pointer_init(init: Cursor, owner: str) -> Optional[ir.FieldInit]:
    """A file-scope function pointer initialised with a function (``handler_t hook = fn;``): the function
    is called through it, from anywhere."""
    function = function_named(init)
    return ir.FieldInit("", "=", function, _loc(init), owner) if function is not None else None


def assignment_init(lhs: Cursor, rhs: Cursor, owner: str) -> Optional[ir.FieldInit]:
    """``x->field = function;`` as a field initialisation, else None."""
    while lhs.kind in WRAPPERS:
        kids = capi.children(lhs)
        if len(kids) != 1:
            break
        lhs = kids[0]
    if lhs.kind != K.MEMBER_REF_EXPR:
        return None
    function = function_named(rhs)
    if function is None:
        return None
    field_decl = lhs.referenced
    return ir.FieldInit(record_name(field_decl), lhs.spelling, function, _loc(rhs), owner)
