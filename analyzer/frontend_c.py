"""C front end: one walk of each main-file function body (libclang cursors) into drvlint's IR.

Why one walk: every ctypes call per cursor costs microseconds, so the walk visits only function
definitions of the main file, once, and reads what it needs from the source text we already hold
(names as written, ``__user``, annotations) instead of asking libclang for tokens.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

import clang.cindex as ci
from clang.cindex import Cursor, CursorKind as K, callbacks, conf

from . import clang_api as capi
from . import ir
from .frontend_inits import assignment_init, collect_initializer, forget_types, pointer_init
from .frontend_match import MatchTables
from .frontend_types import DriverScope
from .textexpr import parse_expr_text

NO_KIDS: list = []  # (shared: callers only read it)
IDENT = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
ANNOTATION = re.compile(rb"\b(__acquires|__releases|__must_hold)\s*\(")
GUARD_DECL = re.compile(rb"guard\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*\(")
WARN_STMT = re.compile(rb"(WARN_ON_ONCE|WARN_ON|WARN_ONCE|WARN_RATELIMIT|WARN)\s*\(")
CALL_START = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*)\s*\(")
SCOPED_GUARD = re.compile(rb"scoped_guard\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,?")
INT_LITERAL = re.compile(rb"(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))[uUlL]*(?![\w.'])")

PASS_THROUGH = {K.UNEXPOSED_EXPR.value, K.PAREN_EXPR.value}
EXPR_FIRST, EXPR_LAST = 100, 199  # libclang's CXCursor_FirstExpr .. LastExpr
STMT_EXPR = K.StmtExpr.value
INTEGER_LITERAL = K.INTEGER_LITERAL.value
DO_STMT = K.DO_STMT.value
COMPOUND_STMT = K.COMPOUND_STMT.value
TRANSPARENT_BUILTINS = {"__builtin_expect", "__builtin_expect_with_probability"}


IMPURE_KINDS = {K.CALL_EXPR, K.COMPOUND_ASSIGNMENT_OPERATOR, K.StmtExpr, K.ASM_STMT, K.MS_ASM_STMT}


def _pure_body(decl: Optional[Cursor], pure_names: frozenset[str] = frozenset()) -> bool:
    """``{ return <expression>; }`` without writes, and without calls other than those the rules declare
    pure (``return test_bit(UP, &sp->state);``)."""
    if decl is None or decl.kind != K.FUNCTION_DECL:
        return False
    definition = decl.get_definition()
    if definition is None:
        return False
    body = [c for c in capi.children(definition) if c.kind == K.COMPOUND_STMT]
    statements = capi.children(body[0]) if body else []
    if len(statements) != 1 or statements[0].kind != K.RETURN_STMT:
        return False
    for node in capi.preorder(statements[0]):
        if node.kind == K.CALL_EXPR and node.spelling in pure_names:
            continue
        if node.kind in IMPURE_KINDS:
            return False
        if node.kind == K.BINARY_OPERATOR and capi.binary_op(node) == "=":
            return False
        if node.kind == K.UNARY_OPERATOR and capi.unary_op(node) in ("++", "--", "post++", "post--"):
            return False
    return True


USER_DECL = re.compile(rb"__user\b[\s*]*\*\s*(?:const\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[;,\[)=]")


USER_POINTER = re.compile(rb"__user\s*\*(?!\s*\*)")


def declares_user_pointer(declaration: bytes) -> bool:
    """``char __user *buf`` is a user pointer; ``char __user **bufp`` is a kernel pointer to one."""
    return bool(USER_POINTER.search(declaration))


def user_declared_names(source: bytes) -> frozenset[str]:
    """Names declared as ``__user`` pointers anywhere in the file (a cheap filter before asking libclang
    whether a struct field is one of them)."""
    return frozenset(m.decode() for m in USER_DECL.findall(source))


def balanced(text: bytes, start: int) -> Optional[int]:
    """Index just past the parenthesis that closes the one opening at ``start``."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """Split on ``sep`` outside parentheses, brackets and braces (macro arguments, for-loop headers)."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return out


def split_args(text: str) -> list[str]:
    return [part for part in split_top_level(text) if part]


class FunctionWalker:
    """Converts one function definition.  Holds per-function state: macro call sites already
    attributed, and the names of parameters and locals."""

    def __init__(self, source: bytes, main_file: Optional[int], locations: capi.MainFile,
                 constants: dict[str, Optional[int]],
                 pure: dict[str, bool], field_inits: Optional[list[ir.FieldInit]] = None,
                 user_fields: frozenset[str] = frozenset(), scope: Optional[DriverScope] = None,
                 pure_names: frozenset[str] = frozenset(), log_names: frozenset[str] = frozenset(),
                 uses_force: Optional[bool] = None):
        self.source = source
        self.scope = scope if scope is not None else DriverScope("")
        self.pointee_records: dict[str, str] = {}
        self.field_inits = field_inits if field_inits is not None else []
        self.user_fields = user_fields
        self.uses_force = b"__force" in source if uses_force is None else uses_force  # (a search of the file)
        self.owner = ""
        self.main_file = main_file
        self.locations = locations
        self.constants = constants  # enum constant values by name, shared across the file
        self.pure = pure  # callee name -> is a pure accessor, shared across the file
        self.pure_names = pure_names  # calls the rules declare pure (pure_call)
        self.log_names = log_names  # logging macros kept as calls, their expansion not walked (log_macro)
        self.claimed_sites: set[int] = set()
        self.params: set[str] = set()
        self.locals: set[str] = set()
        self.user_locals: set[str] = set()
        self.children: dict[bytes, list[Cursor]] = {}
        self.active: set[bytes] = set()
        self.converted: dict[bytes, ir.Expr] = {}
        self.logged: dict[bytes, Optional[ir.ExprStmt]] = {}  # statements tested while indexing: logging or not

    def index_children(self, root: Cursor) -> None:
        """One recursive libclang visit of the whole function, recording each cursor's children:
        far cheaper than a ``get_children()`` call (and its callback) per node."""
        children = self.children
        tu = root._tu
        seen: set[bytes] = set()

        logs = bool(self.log_names)
        logged = self.logged

        def visit(child: Cursor, parent: Cursor, _data) -> int:  # (~10^5 calls per file: kept lean)
            child._tu = tu
            key = bytes(child)
            parent_key = bytes(parent)
            found = children.get(parent_key)
            if found is None:
                children[parent_key] = [child]
            else:
                found.append(child)
            if key in seen:  # a subtree shared by two parents (typeof, __builtin_choose_expr): walk it once
                return 1  # CXChildVisit_Continue
            seen.add(key)
            kind = child._kind_id
            if logs and (kind == DO_STMT or kind == STMT_EXPR and parent._kind_id == COMPOUND_STMT):
                statement = logged[key] = self.log_statement(*self.site(child))
                if statement is not None:  # its expansion is never walked: a quarter of drivers/net/usb's cursors
                    return 1
            return 2  # CXChildVisit_Recurse

        conf.lib.clang_visitChildren(root, callbacks["cursor_visit"](visit), None)

    def kids(self, cursor: Cursor) -> list[Cursor]:
        return self.children.get(bytes(cursor), NO_KIDS)

    # -------------------------------------------------------------- source text helpers

    def site(self, cursor: Cursor) -> tuple[Optional[int], ir.Loc]:
        """Byte offset (None outside the main file) and location of a cursor's start, at the macro
        argument where it is spelled, else at the macro's use site."""
        placed = self.locations.place(self.locations.extent(cursor)[0])
        if placed is not None:
            return placed[0], ir.Loc(placed[1], placed[2])
        file_handle, line, col, offset = capi.file_offset(cursor.extent.start)
        if file_handle != self.main_file:
            loc = cursor.location
            return None, ir.Loc(loc.line, loc.column)
        return offset, ir.Loc(line, col)

    def ident_at(self, offset: Optional[int]) -> Optional[str]:
        if offset is None:
            return None
        match = IDENT.match(self.source, offset)
        return match.group().decode() if match else None

    def text(self, cursor: Cursor) -> bytes:
        begin, end = self.locations.extent(cursor)
        first, last = self.locations.offset(begin), self.locations.offset(end)
        if first is not None and last is not None:
            return self.source[first:last] if last >= first else b""
        start = capi.file_offset(cursor.extent.start)
        end = capi.file_offset(cursor.extent.end)
        if start[0] != self.main_file or end[0] != self.main_file or end[3] < start[3]:
            return b""
        return self.source[start[3]:end[3]]

    # -------------------------------------------------------------- statements

    def function(self, cursor: Cursor) -> Optional[ir.Function]:
        self.owner = cursor.spelling
        self.index_children(cursor)
        body_cursor = None
        params: list[ir.Param] = []
        for child in self.kids(cursor):
            if child.kind == K.PARM_DECL:
                text = self.text(child)
                params.append(ir.Param(child.spelling, child.type.spelling, declares_user_pointer(text)))
                self.params.add(child.spelling)
                self.note_pointee(child)
            elif child.kind == K.COMPOUND_STMT:
                body_cursor = child
        if body_cursor is None:
            return None
        body = self.compound(body_cursor)
        offset, loc = self.site(cursor)
        result = cursor.result_type
        kind = result.get_canonical().kind
        return_kind = ("void" if kind == ci.TypeKind.VOID else
                       "pointer" if kind == ci.TypeKind.POINTER else
                       "bool" if kind == ci.TypeKind.BOOL else
                       "int" if kind in INT_KINDS else "other")
        end = body.end
        annotations = self.annotations(cursor, body_cursor)
        return ir.Function(cursor.spelling, params, result.spelling, body, loc, end,
                           cursor.storage_class == ci.StorageClass.STATIC, annotations, return_kind,
                           frozenset(self.user_locals), self.pointee_records)

    def note_pointee(self, decl: Cursor) -> None:
        record = self.scope.pointee_record(decl.type)
        if record:
            self.pointee_records[decl.spelling] = record

    def annotations(self, cursor: Cursor, body: Cursor) -> list[ir.Annotation]:
        start = capi.file_offset(cursor.extent.start)
        body_start = capi.file_offset(body.extent.start)
        if start[0] != self.main_file or body_start[0] != self.main_file:
            return []
        head = self.source[start[3]:body_start[3]]
        out = []
        for match in ANNOTATION.finditer(head):
            end = balanced(head, match.end() - 1)
            if end is None:
                continue
            arg = head[match.end():end - 1].decode(errors="replace")
            expr = parse_expr_text(arg)
            if expr is not None:
                out.append(ir.Annotation(match.group(1).decode(), expr))
        return out

    def compound(self, cursor: Cursor) -> ir.Compound:
        items = [self.stmt(child) for child in self.kids(cursor)]
        _, loc = self.site(cursor)
        placed = self.locations.place(self.locations.extent(cursor)[1])
        if placed is not None:
            end = ir.Loc(placed[1], max(placed[2] - 1, 1))
        else:
            end_handle, line, col, _ = capi.file_offset(cursor.extent.end)
            end = ir.Loc(line, max(col - 1, 1)) if end_handle == self.main_file else loc
        return ir.Compound([s for s in items if s is not None], loc, end)

    def stmt(self, cursor: Cursor) -> ir.Stmt:
        kind_id = cursor._kind_id
        offset, loc = self.site(cursor)
        if (kind_id == STMT_EXPR or kind_id == DO_STMT) and self.log_names:
            key = bytes(cursor)
            logged = self.logged[key] if key in self.logged else self.log_statement(offset, loc)
            if logged is not None:
                return logged
        handler = STMT_HANDLERS.get(kind_id)
        if handler is not None:
            return handler(self, cursor, offset, loc)
        if _is_expression(cursor):
            expr = self.expr(cursor)
            if offset is not None:
                match = WARN_STMT.match(self.source, offset)
                if match:
                    expr = _warning_call(match.group(1).decode(), expr, loc) or expr
            return ir.ExprStmt(expr, loc)
        return ir.Nop(loc)

    def log_statement(self, offset: Optional[int], loc: ir.Loc) -> Optional[ir.ExprStmt]:
        """``netdev_dbg(dev, "...", x);`` as the call it is written as: the expansion (a dynamic-debug
        descriptor, a static-key branch, a message-level test, rate-limit state) matters to no checker
        and costs the walk, the CFG and every path analysis a branch per message.  The arguments are
        kept where they parse as written (``skb->len``: a dereference still shows).  None when the
        statement (a ``do``/``while`` or a statement expression at ``offset``) is not a logging macro's
        expansion."""
        match = CALL_START.match(self.source, offset) if offset is not None else None
        if match is None or match.group(1).decode() not in self.log_names:
            return None
        name = match.group(1).decode()
        return ir.ExprStmt(ir.Call(name, name, self.macro_args(match.end() - 1), loc), loc)

    def s_compound(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        return self.compound(cursor)

    def s_decl(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        if offset is not None:
            match = GUARD_DECL.match(self.source, offset)
            if match:
                return self.guard(match, loc)
        decls = []
        for child in self.kids(cursor):
            if child.kind != K.VAR_DECL:
                continue
            self.locals.add(child.spelling)
            self.note_pointee(child)
            init_cursor = capi.var_initializer(child)
            init = self.expr(init_cursor) if init_cursor is not None else None
            if init_cursor is not None and init_cursor.kind == K.INIT_LIST_EXPR:
                collect_initializer(init_cursor, self.owner, self.field_inits)
            text = self.text(child)
            user = declares_user_pointer(text)
            if user:
                self.user_locals.add(child.spelling)
            decls.append(ir.VarDecl(child.spelling, child.type.spelling, init, loc, user))
        return ir.DeclStmt(decls, loc)

    def guard(self, match: re.Match, loc: ir.Loc) -> ir.Guard:
        return ir.Guard(match.group(1).decode(), self.macro_args(match.end() - 1), loc)

    def macro_args(self, open_paren: int, skip: int = 0) -> tuple[ir.Expr, ...]:
        """The arguments of the macro call whose '(' is at ``open_paren`` that parse as expressions (a guard's
        lock, a log call's values)."""
        end = balanced(self.source, open_paren)
        inner = self.source[open_paren + 1:(end or open_paren + 1) - 1].decode(errors="replace")
        return tuple(e for e in (parse_expr_text(a) for a in split_args(inner)[skip:]) if e is not None)

    def s_if(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        cond = self.expr(kids[0])
        then = self.stmt(kids[1]) if len(kids) > 1 else ir.Nop(loc)
        other = self.stmt(kids[2]) if len(kids) > 2 else None
        return ir.If(cond, then, other, loc)

    def s_while(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        return ir.While(self.expr(kids[0]), self.stmt(kids[-1]), loc)

    def s_do(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        return ir.DoWhile(self.stmt(kids[0]), self.expr(kids[-1]), loc)

    def s_for(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        body = kids[-1]
        if offset is not None:
            match = SCOPED_GUARD.match(self.source, offset)
            if match:
                args = self.macro_args(self.source.index(b"(", offset), skip=1)  # skip the class
                return ir.ScopedGuard(match.group(1).decode(), args, self.stmt(body), loc)
        present = self.for_parts(offset, len(kids) - 1)
        if sum(present) != len(kids) - 1:  # the header text and the AST disagree: trust the AST's count
            present = (len(kids) >= 4, len(kids) >= 2, len(kids) >= 3)
        init = cond = step = None
        rest = iter(kids[:-1])
        if present[0]:
            init = self.stmt(next(rest))
        if present[1]:
            cond = self.expr(next(rest))
        if present[2]:
            step = self.expr(next(rest))
        return ir.For(init, cond, step, self.stmt(body), loc)

    def for_parts(self, offset: Optional[int], count: int) -> tuple[bool, bool, bool]:
        """Which of init; cond; step a for statement has (libclang omits absent ones)."""
        if count == 3:
            return True, True, True
        if offset is not None and self.source.startswith(b"for", offset):
            open_paren = self.source.find(b"(", offset)
            end = balanced(self.source, open_paren)
            if end is not None:
                header = self.source[open_paren + 1:end - 1].decode(errors="replace")
                parts = split_top_level(header, ";")
                if len(parts) == 3:
                    return bool(parts[0]), bool(parts[1]), bool(parts[2])
        # a macro-generated loop with parts missing: assume the condition is present
        return (count >= 2, count >= 1, count >= 3)

    def s_switch(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        return ir.Switch(self.expr(kids[0]), self.stmt(kids[-1]), loc)

    def s_case(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        value = capi.evaluate_int(kids[0])
        high = capi.evaluate_int(kids[1]) if len(kids) > 2 else None
        return ir.Case(value, self.stmt(kids[-1]), loc, high)

    def s_default(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        return ir.Default(self.stmt(kids[-1]) if kids else ir.Nop(loc), loc)

    def s_break(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        return ir.Break(loc)

    def s_continue(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        return ir.Continue(loc)

    def s_goto(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        for child in self.kids(cursor):
            if child.kind == K.LABEL_REF:
                return ir.Goto(child.spelling, loc)
        return ir.Goto(None, loc)

    def s_indirect_goto(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        return ir.Goto(None, loc)

    def s_label(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        return ir.Label(cursor.spelling, self.stmt(kids[-1]) if kids else ir.Nop(loc), loc)

    def s_return(self, cursor: Cursor, offset, loc) -> ir.Stmt:
        kids = self.kids(cursor)
        return ir.Return(self.expr(kids[0]) if kids else None, loc)

    # -------------------------------------------------------------- expressions

    def expr(self, cursor: Cursor) -> ir.Expr:
        key = bytes(cursor)  # a cursor's identity without a libclang call: its raw fields
        done = self.converted.get(key)
        if done is not None:  # a subtree shared by several parents: convert it once, not once per path
            return done
        if key in self.active:  # libclang can present a node as its own descendant (OpaqueValueExpr)
            return ir.Opaque("cycle")
        self.active.add(key)
        try:
            result = self.converted[key] = self._expr(cursor)
            return result
        finally:
            self.active.discard(key)

    def _expr(self, cursor: Cursor) -> ir.Expr:
        kind_id = cursor._kind_id
        while kind_id in PASS_THROUGH:
            kids = self.kids(cursor)
            if len(kids) != 1 or bytes(kids[0]) in self.active:
                break  # (libclang can list a node as its own child)
            cursor = kids[0]
            kind_id = cursor._kind_id
        handler = EXPR_HANDLERS.get(kind_id)
        if handler is not None:
            return handler(self, cursor)
        kind = cursor.kind
        if kind == K.StmtExpr:
            kids = self.kids(cursor)
            body = self.compound(kids[0]) if kids else ir.Compound([])
            return ir.StmtExpr(body, body.loc)
        # sizeof/alignof, and childless builtins such as __builtin_types_compatible_p() that the kernel's
        # macros (static keys) test at compile time: constants, not unknown conditions
        constant = kind in (K.CXX_UNARY_EXPR, K.UNEXPOSED_EXPR)
        value = capi.evaluate_int(cursor) if constant else None
        if value is not None:
            return ir.Const(value, "sizeof")
        kids = tuple(self.expr(child) for child in self.kids(cursor) if _is_expression(child))
        return ir.Opaque(kind.name.lower(), kids)

    def e_ref(self, cursor: Cursor) -> ir.Expr:
        name = self.ident_at(self.locations.location_offset(cursor)) or cursor.spelling  # (as written: no call)
        if name not in self.params and name not in self.locals:
            if name not in self.constants:
                ref = capi.referenced(cursor)
                is_enum = ref is not None and ref.kind == K.ENUM_CONSTANT_DECL
                self.constants[name] = ref.enum_value if is_enum else None
            value = self.constants[name]
            if value is not None:
                return ir.Const(value, name)
        return ir.Name(name, ir.NOLOC, name in self.params, name in self.locals)

    def e_member(self, cursor: Cursor) -> ir.Expr:
        kids = self.kids(cursor)
        base = self.expr(kids[0]) if kids else ir.Opaque("?")
        arrow = False
        if kids:
            base_type = kids[0].type
            kind = base_type.kind
            if kind in (ci.TypeKind.TYPEDEF, ci.TypeKind.ELABORATED):
                kind = base_type.get_canonical().kind
            arrow = kind == ci.TypeKind.POINTER
        name, record, field_decl = self.scope.field(cursor)
        decays = arrow and cursor.type.kind in ARRAY_TYPES  # (only p->arr matters to the checkers)
        return ir.Member(base, name, arrow, ir.NOLOC, name in self.user_fields and self.declared_user(field_decl),
                         decays, record)

    def declared_user(self, field_decl: Optional[Cursor]) -> bool:
        """Is this field (a member expression's) declared ``__user`` in the analysed file?"""
        return field_decl is not None and field_decl.kind == K.FIELD_DECL and declares_user_pointer(self.text(field_decl))

    def e_call(self, cursor: Cursor) -> ir.Expr:
        offset, loc = self.site(cursor)
        kids = self.kids(cursor)
        target = self.expr(kids[0]) if kids else None
        callee = None
        if isinstance(target, ir.Name) and not target.is_local and not target.is_param:
            callee = target.name
        if callee in TRANSPARENT_BUILTINS and len(kids) > 1:
            return self.expr(kids[1])
        written = self.ident_at(offset)
        if callee is None:
            written = None
        elif written != callee:
            # A macro expansion: the first call reached in pre-order carries the macro's name, so the
            # site is claimed before the arguments (which may hold further calls of the expansion).
            if offset in self.claimed_sites:
                written = None
            else:
                self.claimed_sites.add(offset)
        if callee is not None:
            self.scope.note_callee(callee, cursor)
        args = tuple(self.expr(k) for k in kids[1:])
        pure = callee is not None and (callee in self.pure_names or written in self.pure_names
                                       or self.is_pure_function(callee, cursor))
        return ir.Call(callee, written or callee, args, loc, None if callee else target, pure)

    def is_pure_function(self, name: str, call: Cursor) -> bool:
        """Is the callee a one-line accessor (``{ return <expression without calls or writes>; }``)
        whose body libclang can see (a static inline in a header, or a function of this file)?
        Such calls are facts like fields: ``if (is_ss(hub)) down(); ... if (is_ss(hub)) up();``."""
        known = self.pure.get(name)
        if known is None:
            known = self.pure[name] = _pure_body(call.referenced, self.pure_names)
        return known

    def e_literal(self, cursor: Cursor) -> ir.Expr:
        if cursor._kind_id == INTEGER_LITERAL:
            offset = self.locations.location_offset(cursor)
            match = INT_LITERAL.match(self.source, offset) if offset is not None else None
            if match is not None:
                return ir.Const(_literal_value(match))
        return ir.Const(capi.evaluate_int(cursor))

    def e_string(self, cursor: Cursor) -> ir.Expr:
        return ir.Str(cursor.spelling)

    def e_unary(self, cursor: Cursor) -> ir.Expr:
        kids = self.kids(cursor)
        loc = ir.NOLOC
        op = capi.unary_op(cursor)
        operand = self.expr(kids[0]) if kids else ir.Opaque("?")
        if op == "__extension__":
            return operand
        if op in ("-", "~") and isinstance(operand, ir.Const) and operand.value is not None:
            value = -operand.value if op == "-" else ~operand.value
            return ir.Const(value, op + operand.text if operand.text else "", loc)
        return ir.Unary(op, operand, loc)

    def e_binary(self, cursor: Cursor) -> ir.Expr:
        kids = self.kids(cursor)
        loc = ir.NOLOC
        if len(kids) != 2:
            return ir.Opaque("binop", tuple(self.expr(k) for k in kids), loc)
        op = capi.binary_op(cursor)
        lhs, rhs = self.expr(kids[0]), self.expr(kids[1])
        if op == "=" and isinstance(lhs, ir.Member) and _may_name_function(rhs):
            stored = assignment_init(kids[0], kids[1], self.owner)
            if stored is not None:
                self.field_inits.append(stored)
        folded = _fold(op, lhs, rhs)
        if folded is not None:
            return ir.Const(folded, self.text(cursor).decode(errors="replace"), loc)
        return ir.Binary(op, lhs, rhs, loc)

    def e_conditional(self, cursor: Cursor) -> ir.Expr:
        kids = self.kids(cursor)
        loc = ir.NOLOC
        if len(kids) != 3:
            return ir.Opaque("?:", tuple(self.expr(k) for k in kids), loc)
        return ir.Conditional(self.expr(kids[0]), self.expr(kids[1]), self.expr(kids[2]), loc)

    def e_subscript(self, cursor: Cursor) -> ir.Expr:
        kids = self.kids(cursor)
        loc = ir.NOLOC
        return ir.Index(self.expr(kids[0]), self.expr(kids[1]), loc)

    def e_cast(self, cursor: Cursor) -> ir.Expr:
        kids = [k for k in self.kids(cursor) if _is_expression(k)]
        loc = ir.NOLOC
        operand = self.expr(kids[-1]) if kids else ir.Opaque("?")
        forced = self.uses_force and b"__force" in self.text(cursor)[:64]
        return ir.Cast(cursor.type.spelling, operand, loc, forced)


FOLDABLE = {"|": lambda a, b: a | b, "&": lambda a, b: a & b, "^": lambda a, b: a ^ b, "+": lambda a, b: a + b,
            "-": lambda a, b: a - b, "*": lambda a, b: a * b,
            "<<": lambda a, b: a << b if 0 <= b < 64 else None, ">>": lambda a, b: a >> b if 0 <= b < 64 else None}


def _fold(op: str, lhs: ir.Expr, rhs: ir.Expr) -> Optional[int]:
    """The value of an operator applied to two constants (flag sets such as ``GFP_KERNEL | __GFP_ZERO``
    arrive as trees of constants), or None."""
    fold = FOLDABLE.get(op)
    lhs, rhs = ir.strip(lhs), ir.strip(rhs)
    if fold is None or not (isinstance(lhs, ir.Const) and isinstance(rhs, ir.Const)):
        return None
    if lhs.value is None or rhs.value is None:
        return None
    return fold(lhs.value, rhs.value)


def _warning_call(name: str, expr: ir.Expr, loc: ir.Loc) -> Optional[ir.Call]:
    """``WARN_ON(c);`` as a statement, recovered from its expansion ``({ int __ret_warn_on = !!(c); ...})``
    as the call ``WARN_ON(c)``, so that flow rules can treat it as an assertion."""
    expr = ir.strip(expr)
    if not isinstance(expr, ir.StmtExpr) or not expr.body.body:
        return None
    first = expr.body.body[0]
    if not isinstance(first, ir.DeclStmt) or len(first.decls) != 1 or first.decls[0].name != "__ret_warn_on":
        return None
    cond = first.decls[0].init
    while isinstance(cond, ir.Unary) and cond.op == "!" and isinstance(ir.strip(cond.operand), ir.Unary) \
            and ir.strip(cond.operand).op == "!":
        cond = ir.strip(ir.strip(cond.operand).operand)
    return ir.Call(name, name, (cond,), loc) if cond is not None else None


def _literal_value(match: re.Match) -> int:
    """An integer literal's value read from its text (four libclang calls fewer than evaluating it), as
    ``clang_EvalResult_getAsLongLong`` gives it: 64 bits, two's complement."""
    hexa, binary, octal, decimal = match.groups()
    value = int(hexa, 16) if hexa else int(binary, 2) if binary else int(octal, 8) if octal else int(decimal)
    value &= (1 << 64) - 1
    return value - (1 << 64) if value >= 1 << 63 else value


def _is_expression(cursor: Cursor) -> bool:
    """An expression or a statement expression, from the kind field alone (no libclang call)."""
    kind_id = cursor._kind_id
    return EXPR_FIRST <= kind_id <= EXPR_LAST or kind_id == STMT_EXPR


def _may_name_function(expr: ir.Expr) -> bool:
    expr = ir.strip(expr)
    if isinstance(expr, ir.Unary) and expr.op == "&":
        expr = ir.strip(expr.operand)
    return isinstance(expr, ir.Name) and not expr.is_local and not expr.is_param


ARRAY_TYPES = {ci.TypeKind.CONSTANTARRAY, ci.TypeKind.INCOMPLETEARRAY, ci.TypeKind.VARIABLEARRAY}
INT_KINDS = {getattr(ci.TypeKind, n) for n in ("INT", "UINT", "LONG", "ULONG", "LONGLONG", "ULONGLONG", "SHORT",
                                                "USHORT", "CHAR_S", "CHAR_U", "SCHAR", "UCHAR", "BOOL", "ENUM")}

STMT_HANDLERS: dict[int, Callable] = {
    K.COMPOUND_STMT.value: FunctionWalker.s_compound,
    K.DECL_STMT.value: FunctionWalker.s_decl,
    K.IF_STMT.value: FunctionWalker.s_if,
    K.WHILE_STMT.value: FunctionWalker.s_while,
    K.DO_STMT.value: FunctionWalker.s_do,
    K.FOR_STMT.value: FunctionWalker.s_for,
    K.SWITCH_STMT.value: FunctionWalker.s_switch,
    K.CASE_STMT.value: FunctionWalker.s_case,
    K.DEFAULT_STMT.value: FunctionWalker.s_default,
    K.BREAK_STMT.value: FunctionWalker.s_break,
    K.CONTINUE_STMT.value: FunctionWalker.s_continue,
    K.GOTO_STMT.value: FunctionWalker.s_goto,
    K.INDIRECT_GOTO_STMT.value: FunctionWalker.s_indirect_goto,
    K.LABEL_STMT.value: FunctionWalker.s_label,
    K.RETURN_STMT.value: FunctionWalker.s_return,
}

EXPR_HANDLERS: dict[int, Callable] = {
    K.DECL_REF_EXPR.value: FunctionWalker.e_ref,
    K.MEMBER_REF_EXPR.value: FunctionWalker.e_member,
    K.CALL_EXPR.value: FunctionWalker.e_call,
    K.INTEGER_LITERAL.value: FunctionWalker.e_literal,
    K.CHARACTER_LITERAL.value: FunctionWalker.e_literal,
    K.STRING_LITERAL.value: FunctionWalker.e_string,
    K.UNARY_OPERATOR.value: FunctionWalker.e_unary,
    K.BINARY_OPERATOR.value: FunctionWalker.e_binary,
    K.COMPOUND_ASSIGNMENT_OPERATOR.value: FunctionWalker.e_binary,
    K.CONDITIONAL_OPERATOR.value: FunctionWalker.e_conditional,
    K.ARRAY_SUBSCRIPT_EXPR.value: FunctionWalker.e_subscript,
    K.CSTYLE_CAST_EXPR.value: FunctionWalker.e_cast,
}


MACRO_LOCATION = capi.MACRO_LOCATION
FUNCTION_DECL = K.FUNCTION_DECL.value
VAR_DECL = K.VAR_DECL.value


def main_file_declarations(tu: ci.TranslationUnit, main: capi.MainFile) -> list[Cursor]:
    """Top-level function and variable declarations of the main file.  A kernel TU has ~14,000 top-level
    cursors from headers, most of them function declarations: this visitor tests the kind field, then
    the raw location against the main file's range, with one libclang call, and builds no list of them."""
    found: list[Cursor] = []
    get_location, in_main_file = main.get_location, capi.lib().clang_Location_isFromMainFile
    first, last = main.range if main.range is not None else (0, 0)
    fast = main.range is not None

    def visit(child: Cursor, _parent: Cursor, _data) -> int:
        kind = child._kind_id
        if kind == FUNCTION_DECL or kind == VAR_DECL:
            location = get_location(child)
            raw = location.int_data
            if first <= raw <= last if fast and raw < MACRO_LOCATION else in_main_file(location):
                child._tu = tu
                found.append(child)
        return 1  # CXChildVisit_Continue

    conf.lib.clang_visitChildren(tu.cursor, callbacks["cursor_visit"](visit), None)
    return found


def convert(tu: ci.TranslationUnit, path: str, source: bytes, scope: Optional[DriverScope] = None,
            pure_names: frozenset[str] = frozenset(), matches: Optional[MatchTables] = None,
            log_names: frozenset[str] = frozenset()) -> tuple[list[ir.Function], list[ir.FieldInit]]:
    """All function definitions of the main file, in source order, and every function it stores into a
    struct field (ops tables, ``urb->complete = fn``).  ``scope`` collects the driver's own types,
    ``matches`` its OF match tables and driver structs."""
    scope = scope if scope is not None else DriverScope(path)
    matches = matches if matches is not None else MatchTables()
    forget_types()
    main = capi.main_file_handle(tu)
    functions = []
    field_inits: list[ir.FieldInit] = []
    constants: dict[str, Optional[int]] = {}
    pure: dict[str, bool] = {}
    user_fields = user_declared_names(source)
    uses_force = b"__force" in source
    locations = capi.MainFile(tu, source)
    for cursor in main_file_declarations(tu, locations):
        if cursor._kind_id == VAR_DECL:
            init = capi.var_initializer(cursor)
            if init is not None and init.kind == K.INIT_LIST_EXPR:
                collect_initializer(init, cursor.spelling, field_inits)
                matches.note(cursor, init)
            elif init is not None:
                stored = pointer_init(init, cursor.spelling)  # ``handler_t hook = fn;``
                if stored is not None:
                    field_inits.append(stored)
            continue
        if not cursor.is_definition():
            continue
        walker = FunctionWalker(source, main, locations, constants, pure, field_inits, user_fields, scope, pure_names,
                                log_names, uses_force)
        function = walker.function(cursor)
        if function is not None:
            functions.append(function)
    return functions, field_inits
