"""The Python front end: ``ast`` into drvlint's IR.  The analysed code is parsed, never imported or run.

Lowering choices (the checkers and the CFG builder rely on them):

* ``None`` is ``Const(0, 'None')``, ``False`` ``Const(0, 'False')``, ``True`` ``Const(1, 'True')``;
  ``is``/``is not`` are ``==``/``!=``; ``not`` is ``!``, ``and``/``or`` are ``&&``/``||``.  So the
  engine's NULL reasoning (``if (!p)``, ``p == NULL``) is the None reasoning (``if not p``, ``p is None``).
* ``x.f`` is ``Member(x, 'f', arrow=False)``; for ``self.f`` its ``record`` is the enclosing class.
* A call keeps ``written`` (the dotted name as written: ``self.dev.read``) and gets ``callee`` resolved
  through the module's imports (``uc.find`` -> ``usb.core.find``) or, for a method on a receiver of known
  type, ``TYPE.method`` (``serial.Serial.read``).  Types come from a small local inference: a name or
  ``self`` attribute assigned from a constructor or factory named in the ``py_type`` rules (or from a
  class of this file) has that type; conflicting assignments give none.  A call of a same-file method
  (``self.helper(x)``) has ``callee = 'Class.helper'`` and the receiver as first argument (``bound``).
* Functions are named by qualified name: ``Class.method``, ``outer.inner``, ``outer.<lambda@12>``; a
  lambda in an expression is lowered to the ``Name`` of its synthesised function, so registrations
  (``loop.call_soon(lambda: ...)``) name it.  Module-level statements form the function ``<module>``.
* ``for x in it`` is ``$it = $iter(it); while ($more($it)) { x = $next($it); ... }``; a loop ``else``
  is guarded by a ``$broke`` flag the engine follows; ``assert x`` evaluates x's calls and tests nothing
  (it is stripped under ``-O``); ``with`` and ``try`` become :class:`ir.With` and :class:`ir.Try`.
"""
from __future__ import annotations

import ast
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import ir

ITER, MORE, NEXT = "$iter", "$more", "$next"  # synthetic calls of the for-loop lowering
SYNTHETIC = frozenset({ITER, MORE, NEXT})

_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
           ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&",
           ast.MatMult: "@"}
_CMPOPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
           ast.Is: "==", ast.IsNot: "!=", ast.In: "in", ast.NotIn: "not in"}
_UNOPS = {ast.Not: "!", ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}


class PySyntaxError(Exception):
    """The file is not valid Python; the message names the line."""

    def __init__(self, message: str, line: int, col: int = 0):
        super().__init__(message)
        self.line = line
        self.col = col


def loc(node: ast.AST) -> ir.Loc:
    return ir.Loc(getattr(node, "lineno", 0), getattr(node, "col_offset", -1) + 1)


def dotted(node: ast.AST) -> Optional[str]:
    """``a.b.c`` for a chain of names and attributes, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


# ------------------------------------------------------------------ module-wide facts


@dataclass
class ClassInfo:
    name: str  # qualified
    methods: set[str] = field(default_factory=set)
    bases: list[str] = field(default_factory=list)
    attr_types: dict[str, Optional[str]] = field(default_factory=dict)


@dataclass
class Scope:
    """One function being lowered: its qualified name, class, locals and their types."""

    name: str
    cls: str
    params: set[str]
    assigned: set[str]
    types: dict[str, Optional[str]]
    nested: dict[str, str]  # def name -> qualified function name
    parent: Optional["Scope"] = None


def _set_type(table: dict[str, Optional[str]], key: str, value: Optional[str]) -> None:
    """Record a type; two different types for one name give it none (no guessing)."""
    if value is None:
        return
    if key in table and table[key] != value:
        table[key] = None
    else:
        table[key] = value


class Lowering:
    def __init__(self, tree: ast.Module, path: str, types: dict[str, str]):
        self.tree = tree
        self.path = path
        self.factory_types = types  # from the py_type rules
        self.imports: dict[str, str] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.module_functions: set[str] = set()
        self.globals: dict[str, Optional[str]] = {}
        self.functions: list[ir.Function] = []
        self.temp = 0
        self._collect(tree)

    # ------------------------------------------------------------ pre-pass

    def _collect(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.imports[alias.asname] = alias.name
                    else:
                        root = alias.name.split(".")[0]
                        self.imports.setdefault(root, root)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if alias.name != "*":
                        self.imports[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.module_functions.add(node.name)
            elif isinstance(node, ast.ClassDef):
                self._collect_class(node, node.name)
        # types: two passes so that `a = f(); self.x = a` and `self.x` read in another method settle
        for _ in range(2):
            self._infer_types()

    def _collect_class(self, node: ast.ClassDef, qual: str) -> None:
        info = ClassInfo(qual, bases=[b for b in (dotted(x) for x in node.bases) if b])
        self.classes[qual] = info
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                info.methods.add(item.name)
            elif isinstance(item, ast.ClassDef):
                self._collect_class(item, f"{qual}.{item.name}")

    def _infer_types(self) -> None:
        for cls_name, fn, outer in self._all_functions():
            scope = self._scope_for(fn, f"{cls_name + '.' if cls_name else ''}{fn.name}", cls_name, None)
            for target, value in _assignments(fn):
                kind = self.type_of(value, scope)
                if kind is None:
                    continue
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id == "self" and cls_name:
                    _set_type(self.classes[cls_name].attr_types, target.attr, kind)
        module_scope = Scope("<module>", "", set(), set(), self.globals, {})
        for stmt in self.tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for target, value in _assignments(stmt):
                if isinstance(target, ast.Name):
                    _set_type(self.globals, target.id, self.type_of(value, module_scope))
        for info in self.classes.values():
            pass  # class-body assignments are handled with the class (below)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef) and node.name in self.classes:
                for stmt in node.body:
                    if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                        for target in targets:
                            if isinstance(target, ast.Name):
                                _set_type(self.classes[node.name].attr_types, target.id,
                                          self.type_of(stmt.value, module_scope))

    def _all_functions(self):
        def visit(body, cls_name: str, outer):
            for node in body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield cls_name, node, outer
                elif isinstance(node, ast.ClassDef):
                    qual = f"{cls_name}.{node.name}" if cls_name else node.name
                    if qual in self.classes:
                        yield from visit(node.body, qual, outer)
        yield from visit(self.tree.body, "", None)

    def _scope_for(self, fn, name: str, cls_name: str, parent: Optional[Scope]) -> Scope:
        params = {a.arg for a in _all_args(fn.args)}
        assigned: set[str] = set()
        nested: dict[str, str] = {}
        types: dict[str, Optional[str]] = {}
        for a in _all_args(fn.args):
            if a.annotation is not None:
                _set_type(types, a.arg, self._annotation_type(a.annotation))
        scope = Scope(name, cls_name, params, assigned, types, nested, parent)
        for node in _own_nodes(fn):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                nested[node.name] = f"{name}.{node.name}"
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                assigned.add(node.id)
        for _ in range(2):
            for target, value in _assignments(fn):
                if isinstance(target, ast.Name):
                    _set_type(types, target.id, self.type_of(value, scope))
        return scope

    def _annotation_type(self, node: ast.AST) -> Optional[str]:
        name = dotted(node)
        if name is None:
            return None
        resolved = self.resolve(name)
        if resolved in self.classes:
            return resolved
        known = set(self.factory_types.values())
        return resolved if resolved in known else None

    # ------------------------------------------------------------ names and types

    def resolve(self, name: str) -> str:
        head, _, rest = name.partition(".")
        if head in self.imports:
            base = self.imports[head]
            return f"{base}.{rest}" if rest else base
        return name

    def var_type(self, name: str, scope: Optional[Scope]) -> Optional[str]:
        while scope is not None:
            if name in scope.types:
                return scope.types[name]
            if name in scope.params or name in scope.assigned:
                return None
            scope = scope.parent
        return self.globals.get(name)

    def class_attr_type(self, cls_name: str, attr: str) -> Optional[str]:
        seen = set()
        while cls_name and cls_name in self.classes and cls_name not in seen:
            seen.add(cls_name)
            info = self.classes[cls_name]
            if attr in info.attr_types:
                return info.attr_types[attr]
            cls_name = next((b for b in info.bases if b in self.classes), "")
        return None

    def class_has_method(self, cls_name: str, method: str) -> Optional[str]:
        """The class (this one or a same-file base) that defines ``method``."""
        seen = set()
        while cls_name and cls_name in self.classes and cls_name not in seen:
            seen.add(cls_name)
            if method in self.classes[cls_name].methods:
                return cls_name
            cls_name = next((b for b in self.classes[cls_name].bases if b in self.classes), "")
        return None

    def type_of(self, node: ast.AST, scope: Optional[Scope]) -> Optional[str]:
        """The type of an expression, when local inference knows it."""
        if isinstance(node, ast.Name):
            if node.id == "self" and scope is not None and scope.cls:
                return scope.cls
            return self.var_type(node.id, scope)
        if isinstance(node, ast.Attribute):
            base = self.type_of(node.value, scope)
            if base in self.classes:
                return self.class_attr_type(base, node.attr)
            return None
        if isinstance(node, (ast.Dict, ast.DictComp)):
            return "dict"
        if isinstance(node, ast.Constant) and isinstance(node.value, (bytes, str)):
            return type(node.value).__name__  # so that reply.startswith() is bytes.startswith (py_noraise)
        if isinstance(node, ast.Await):
            return self.type_of(node.value, scope)
        if isinstance(node, ast.Call):
            callee, _, _ = self.callee_of(node.func, scope)
            if callee is None:
                return None
            if callee in self.classes:
                return callee
            return self.factory_types.get(callee)
        return None

    def callee_of(self, func: ast.AST, scope: Optional[Scope]) -> tuple[Optional[str], Optional[str], bool]:
        """(callee, written, bound) of a called expression."""
        written = dotted(func)
        if isinstance(func, ast.Name):
            s = scope
            while s is not None:
                if func.id in s.nested:
                    return s.nested[func.id], written, False
                if func.id in s.params or func.id in s.assigned:
                    return func.id, written, False
                s = s.parent
            if func.id in self.module_functions or func.id in self.classes:
                return func.id, written, False
            return self.resolve(func.id), written, False
        if isinstance(func, ast.Attribute):
            base_type = self.type_of(func.value, scope)
            if base_type in self.classes:
                owner = self.class_has_method(base_type, func.attr)
                if owner is not None:
                    return f"{owner}.{func.attr}", written, True
                return f"{base_type}.{func.attr}", written, False
            if base_type is not None:
                return f"{base_type}.{func.attr}", written, False
            if written is not None:
                head = written.split(".")[0]
                if self.var_type(head, scope) is None and _is_local(head, scope):
                    return written, written, False  # an untyped local: never an import
                return self.resolve(written), written, False
        return None, written, False


def _is_local(name: str, scope: Optional[Scope]) -> bool:
    while scope is not None:
        if name in scope.params or name in scope.assigned:
            return True
        scope = scope.parent
    return False


def _all_args(args: ast.arguments) -> list[ast.arg]:
    out = list(args.posonlyargs) + list(args.args)
    if args.vararg:
        out.append(args.vararg)
    out += list(args.kwonlyargs)
    if args.kwarg:
        out.append(args.kwarg)
    return out


def _own_nodes(fn: ast.AST):
    """Nodes of a function body, not descending into nested functions, lambdas or classes."""
    stack = list(ast.iter_child_nodes(fn)) if not isinstance(fn, list) else list(fn)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))


def _assignments(fn: ast.AST):
    """(target, value) pairs assigned in a function's own body (and ``with ... as`` targets)."""
    for node in _own_nodes(fn) if not isinstance(fn, ast.stmt) or isinstance(
            fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else ast.walk(fn):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                yield target, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            yield node.target, node.value
        elif isinstance(node, ast.NamedExpr):
            yield node.target, node.value
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    yield item.optional_vars, item.context_expr


# ------------------------------------------------------------------ functions and statements


class FunctionLowering:
    """Lowers one function body (statements and expressions) to IR."""

    def __init__(self, module: Lowering, scope: Scope, is_async: bool):
        self.m = module
        self.scope = scope
        self.is_async = is_async
        self.loop_flags: list[Optional[str]] = []  # per loop: the $broke flag when it has an else

    # ------------------------------------------------------------ expressions

    def expr(self, node: ast.AST) -> ir.Expr:
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is None:
            return ir.Opaque(type(node).__name__.lower(), tuple(self.expr(c) for c in ast.iter_child_nodes(node)
                                                               if isinstance(c, ast.expr)), loc(node))
        return method(node)

    def _comprehension(self, node) -> ir.Expr:
        """A comprehension runs in a scope of its own, but its first iterable is evaluated here, in the
        enclosing function (``[p for p in spec.split(",")]`` uses ``spec`` now); the rest is kept as
        before for the calls it makes."""
        first = node.generators[0].iter
        parts = [self.expr(first)]
        parts += [self.expr(c) for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)]
        for index, gen in enumerate(node.generators):
            parts += ([self.expr(gen.iter)] if index else []) + [self.expr(cond) for cond in gen.ifs]
        return ir.Opaque(type(node).__name__.lower(), tuple(parts), loc(node))

    e_ListComp = e_SetComp = e_DictComp = e_GeneratorExp = _comprehension

    def e_Name(self, node: ast.Name) -> ir.Expr:
        return ir.Name(node.id, loc(node), is_param=node.id in self.scope.params,
                       is_local=node.id in self.scope.assigned)

    def e_Constant(self, node: ast.Constant) -> ir.Expr:
        value = node.value
        if value is None:
            return ir.Const(0, "None", loc(node))
        if value is True or value is False:
            return ir.Const(int(value), str(value), loc(node))
        if isinstance(value, int):
            return ir.Const(value, repr(value), loc(node))
        if isinstance(value, str):
            return ir.Str(value, loc(node))
        return ir.Opaque(repr(value)[:40], (), loc(node))

    def e_Attribute(self, node: ast.Attribute) -> ir.Expr:
        base_type = self.m.type_of(node.value, self.scope)
        record = base_type if base_type in self.m.classes else ""
        return ir.Member(self.expr(node.value), node.attr, False, loc(node), record=record)

    def e_Subscript(self, node: ast.Subscript) -> ir.Expr:
        return ir.Index(self.expr(node.value), self.expr(node.slice), loc(node))

    def e_Slice(self, node: ast.Slice) -> ir.Expr:
        parts = tuple(self.expr(p) if p is not None else ir.Opaque("") for p in (node.lower, node.upper, node.step))
        return ir.Opaque("slice", parts, loc(node))

    def e_BinOp(self, node: ast.BinOp) -> ir.Expr:
        return ir.Binary(_BINOPS.get(type(node.op), "?"), self.expr(node.left), self.expr(node.right), loc(node))

    def e_BoolOp(self, node: ast.BoolOp) -> ir.Expr:
        op = "&&" if isinstance(node.op, ast.And) else "||"
        out = self.expr(node.values[0])
        for value in node.values[1:]:
            out = ir.Binary(op, out, self.expr(value), loc(node))
        return out

    def e_UnaryOp(self, node: ast.UnaryOp) -> ir.Expr:
        return ir.Unary(_UNOPS.get(type(node.op), "?"), self.expr(node.operand), loc(node))

    def e_Compare(self, node: ast.Compare) -> ir.Expr:
        left = self.expr(node.left)
        out: Optional[ir.Expr] = None
        for op, right_node in zip(node.ops, node.comparators):
            right = self.expr(right_node)
            test = ir.Binary(_CMPOPS.get(type(op), "?"), left, right, loc(node))
            out = test if out is None else ir.Binary("&&", out, test, loc(node))
            left = right
        return out

    def e_IfExp(self, node: ast.IfExp) -> ir.Expr:
        return ir.Conditional(self.expr(node.test), self.expr(node.body), self.expr(node.orelse), loc(node))

    def e_NamedExpr(self, node: ast.NamedExpr) -> ir.Expr:
        return ir.Binary("=", self.expr(node.target), self.expr(node.value), loc(node))

    def e_Await(self, node: ast.Await) -> ir.Expr:
        inner = self.expr(node.value)
        if isinstance(inner, ir.Call):
            return ir.Call(inner.callee, inner.written, inner.args, inner.loc, inner.target, inner.pure,
                           inner.keywords, inner.bound, True)
        return ir.Opaque("await", (inner,), loc(node))

    def e_Lambda(self, node: ast.Lambda) -> ir.Expr:
        name = f"{self.scope.name}.<lambda@{node.lineno}:{node.col_offset + 1}>"
        body = [ast.Return(value=node.body, lineno=node.body.lineno, col_offset=node.body.col_offset,
                           end_lineno=node.body.end_lineno, end_col_offset=node.body.end_col_offset)]
        self.m.lower_function(node, name, self.scope.cls, self.scope, body=body, is_async=False)
        return ir.Name(name, loc(node))

    def e_Call(self, node: ast.Call) -> ir.Expr:
        callee, written, bound = self.m.callee_of(node.func, self.scope)
        target = self.expr(node.func)
        args = [self.expr(a) for a in node.args]
        if bound and isinstance(target, ir.Member):
            args.insert(0, target.base)
        keywords = tuple((kw.arg or "**", self.expr(kw.value)) for kw in node.keywords)
        return ir.Call(callee, written, tuple(args), loc(node), target, False, keywords, bound)

    def e_Starred(self, node: ast.Starred) -> ir.Expr:
        return ir.Opaque("*", (self.expr(node.value),), loc(node))

    def e_JoinedStr(self, node: ast.JoinedStr) -> ir.Expr:
        parts = tuple(self.expr(v.value) for v in node.values if isinstance(v, ast.FormattedValue))
        return ir.Opaque("f-string", parts, loc(node))

    # ------------------------------------------------------------ statements

    def body(self, stmts: list[ast.stmt], end: Optional[ast.AST] = None) -> ir.Compound:
        out: list[ir.Stmt] = []
        for stmt in stmts:
            out.extend(self.stmt(stmt))
        first = stmts[0] if stmts else end
        last = stmts[-1] if stmts else end
        end_loc = ir.Loc(getattr(last, "end_lineno", 0) or 0, 1) if last is not None else ir.NOLOC
        return ir.Compound(out, loc(first) if first is not None else ir.NOLOC, end_loc)

    def stmt(self, node: ast.stmt) -> list[ir.Stmt]:
        method = getattr(self, "s_" + type(node).__name__, None)
        if method is None:
            return [ir.Nop(loc(node))]
        return method(node)

    def new_temp(self, prefix: str) -> ir.Name:
        self.m.temp += 1
        return ir.Name(f"{prefix}{self.m.temp}", is_local=True)

    def assign(self, target: ast.AST, value: ir.Expr, where: ast.AST) -> list[ir.Stmt]:
        if isinstance(target, (ast.Tuple, ast.List)):
            temp = self.new_temp("$unpack")
            out: list[ir.Stmt] = [ir.ExprStmt(ir.Binary("=", temp, ir.Opaque("unpack", (value,), loc(where)),
                                                         loc(where)), loc(where))]
            for index, element in enumerate(target.elts):
                item = ir.Index(temp, ir.Const(index, str(index)), loc(where))
                if isinstance(element, ast.Starred):
                    element = element.value
                out.extend(self.assign(element, item, where))
            return out
        return [ir.ExprStmt(ir.Binary("=", self.expr(target), value, loc(where)), loc(where))]

    def s_Expr(self, node: ast.Expr) -> list[ir.Stmt]:
        return [ir.ExprStmt(self.expr(node.value), loc(node))]

    def s_Assign(self, node: ast.Assign) -> list[ir.Stmt]:
        value = self.expr(node.value)
        out = self.assign(node.targets[0], value, node)
        for target in node.targets[1:]:
            out += self.assign(target, self.expr(node.targets[0]), node)
        return out

    def s_AnnAssign(self, node: ast.AnnAssign) -> list[ir.Stmt]:
        if node.value is None:
            return [ir.Nop(loc(node))]
        return self.assign(node.target, self.expr(node.value), node)

    def s_AugAssign(self, node: ast.AugAssign) -> list[ir.Stmt]:
        op = _BINOPS.get(type(node.op), "?") + "="
        return [ir.ExprStmt(ir.Binary(op, self.expr(node.target), self.expr(node.value), loc(node)), loc(node))]

    def s_Return(self, node: ast.Return) -> list[ir.Stmt]:
        return [ir.Return(self.expr(node.value) if node.value is not None else None, loc(node))]

    def s_Pass(self, node: ast.Pass) -> list[ir.Stmt]:
        return [ir.Nop(loc(node))]

    def s_If(self, node: ast.If) -> list[ir.Stmt]:
        other = self.body(node.orelse) if node.orelse else None
        return [ir.If(self.expr(node.test), self.body(node.body), other, loc(node))]

    def _loop(self, node, make) -> list[ir.Stmt]:
        flag = self.new_temp("$broke") if node.orelse else None
        self.loop_flags.append(flag.name if flag else None)
        try:
            body = self.body(node.body)
        finally:
            self.loop_flags.pop()
        out: list[ir.Stmt] = []
        if flag is not None:
            out.append(ir.ExprStmt(ir.Binary("=", flag, ir.Const(0, "False"), loc(node)), loc(node)))
        out.extend(make(body))
        if flag is not None:
            out.append(ir.If(ir.Unary("!", flag, loc(node)), self.body(node.orelse), None, loc(node)))
        return out

    def s_While(self, node: ast.While) -> list[ir.Stmt]:
        return self._loop(node, lambda body: [ir.While(self.expr(node.test), body, loc(node))])

    def s_For(self, node, awaited: bool = False) -> list[ir.Stmt]:
        it = self.new_temp("$it")
        where = loc(node)

        def make(body: ir.Compound) -> list[ir.Stmt]:
            start = ir.ExprStmt(ir.Binary("=", it, ir.Call(ITER, ITER, (self.expr(node.iter),), where), where), where)
            item = ir.Call(NEXT, NEXT, (it,), where, awaited=awaited)
            body.body[:0] = self.assign(node.target, item, node)
            return [start, ir.While(ir.Call(MORE, MORE, (it,), where), body, where)]

        return self._loop(node, make)

    def s_AsyncFor(self, node: ast.AsyncFor) -> list[ir.Stmt]:
        return self.s_For(node, awaited=True)

    def s_Break(self, node: ast.Break) -> list[ir.Stmt]:
        flag = self.loop_flags[-1] if self.loop_flags else None
        out: list[ir.Stmt] = []
        if flag is not None:
            out.append(ir.ExprStmt(ir.Binary("=", ir.Name(flag, is_local=True), ir.Const(1, "True"), loc(node)),
                                   loc(node)))
        return out + [ir.Break(loc(node))]

    def s_Continue(self, node: ast.Continue) -> list[ir.Stmt]:
        return [ir.Continue(loc(node))]

    def s_Raise(self, node: ast.Raise) -> list[ir.Stmt]:
        return [ir.Raise(self.expr(node.exc) if node.exc is not None else None, loc(node))]

    def s_Assert(self, node: ast.Assert) -> list[ir.Stmt]:
        parts = (self.expr(node.test),) + ((self.expr(node.msg),) if node.msg is not None else ())
        return [ir.ExprStmt(ir.Opaque("assert", parts, loc(node)), loc(node))]

    def s_Delete(self, node: ast.Delete) -> list[ir.Stmt]:
        return [ir.ExprStmt(ir.Opaque("del", tuple(self.expr(t) for t in node.targets), loc(node)), loc(node))]

    def s_Try(self, node) -> list[ir.Stmt]:
        handlers = []
        for h in node.handlers:
            types: tuple[str, ...] = ()
            if h.type is not None:
                elts = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
                types = tuple(self.m.resolve(dotted(e) or "?") for e in elts)
            handlers.append(ir.Handler(types, h.name, self.body(h.body), loc(h)))
        other = self.body(node.orelse) if node.orelse else None
        final = self.body(node.finalbody) if node.finalbody else None
        return [ir.Try(self.body(node.body), handlers, other, final, loc(node))]

    s_TryStar = s_Try

    def s_With(self, node, awaited: bool = False) -> list[ir.Stmt]:
        inner: ir.Stmt = self.body(node.body)
        out: list[ir.Stmt] = []
        for item in reversed(node.items):
            where = loc(item.context_expr)
            context = self.expr(item.context_expr)
            prelude: list[ir.Stmt] = []
            if not ir.is_pure(context):
                temp = self.new_temp("$with")
                prelude.append(ir.ExprStmt(ir.Binary("=", temp, context, where), where))
                subject = temp
            else:
                subject = context
            kind = self.m.type_of(item.context_expr, self.scope)
            written = dotted(item.context_expr) or ir.expr_key(subject)
            enter_name, exit_name = ("__aenter__", "__aexit__") if awaited else ("__enter__", "__exit__")
            calls = []
            for method in (enter_name, exit_name):
                owner = self.m.class_has_method(kind, method) if kind in self.m.classes else None
                callee = f"{owner or kind}.{method}" if kind else None
                bound = owner is not None
                calls.append(ir.Call(callee, f"{written}.{method}", (subject,) if bound else (), where,
                                     ir.Member(subject, method, False, where), False, (), bound, awaited))
            target = None
            if item.optional_vars is not None:
                target = self.expr(item.optional_vars) if not isinstance(item.optional_vars, (ast.Tuple, ast.List)) \
                    else None
            inner = ir.Compound(prelude + [ir.With(subject, calls[0], calls[1], target, inner, loc(node))],
                                loc(node), ir.Loc(getattr(node, "end_lineno", 0) or 0, 1))
        out.append(inner)
        return out

    def s_AsyncWith(self, node: ast.AsyncWith) -> list[ir.Stmt]:
        return self.s_With(node, awaited=True)

    def s_Match(self, node) -> list[ir.Stmt]:
        subject = self.expr(node.subject)
        out: list[ir.Stmt] = [ir.ExprStmt(subject, loc(node))]
        chain: Optional[ir.Stmt] = None
        for case in reversed(node.cases):
            test = ir.Opaque(f"case@{case.pattern.lineno}:{case.pattern.col_offset}", (), loc(case.pattern))
            chain = ir.If(test, self.body(case.body), chain, loc(case.pattern))
        if chain is not None:
            out.append(chain)
        return out

    def s_FunctionDef(self, node) -> list[ir.Stmt]:
        self.m.lower_function(node, self.scope.nested.get(node.name, f"{self.scope.name}.{node.name}"),
                              self.scope.cls, self.scope)
        return [ir.Nop(loc(node))]

    s_AsyncFunctionDef = s_FunctionDef

    def s_ClassDef(self, node: ast.ClassDef) -> list[ir.Stmt]:
        self.m.lower_class(node, f"{self.scope.name}.{node.name}", self.scope)
        return [ir.Nop(loc(node))]


# ------------------------------------------------------------------ module driver


def _module_lowering_methods():
    def lower_function(self: Lowering, node, name: str, cls_name: str, parent: Optional[Scope],
                       body: Optional[list] = None, is_async: Optional[bool] = None) -> None:
        scope = self._scope_for(node, name, cls_name, parent)
        if isinstance(node, ast.Lambda):
            scope.assigned = scope.assigned  # lambdas assign nothing but walrus targets
        fl = FunctionLowering(self, scope, isinstance(node, ast.AsyncFunctionDef) if is_async is None else is_async)
        stmts = body if body is not None else node.body
        compound = fl.body(stmts, node)
        end = ir.Loc(getattr(node, "end_lineno", node.lineno) or node.lineno, 1)
        compound.end = end
        params = [ir.Param(a.arg, ast.unparse(a.annotation) if a.annotation is not None else "")
                  for a in _all_args(node.args)]
        self.functions.append(ir.Function(
            name, params, "", compound, loc(node), end, language="python", cls=cls_name,
            parent=parent.name if parent is not None and parent.name != "<module>" else "", is_async=fl.is_async))

    def lower_class(self: Lowering, node: ast.ClassDef, qual: str, parent: Optional[Scope]) -> None:
        if qual not in self.classes:
            self._collect_class(node, qual)
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.lower_function(item, f"{qual}.{item.name}", qual, parent)
            elif isinstance(item, ast.ClassDef):
                self.lower_class(item, f"{qual}.{item.name}", parent)

    def lower_module(self: Lowering) -> None:
        module_scope = Scope("<module>", "", set(), set(), self.globals, {})
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.lower_function(node, node.name, "", None)
            elif isinstance(node, ast.ClassDef):
                self.lower_class(node, node.name, None)
        rest = [n for n in self.tree.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                ast.ClassDef, ast.Import, ast.ImportFrom))]
        if rest:
            fl = FunctionLowering(self, module_scope, False)
            compound = fl.body(rest)
            first, last = rest[0], rest[-1]
            end = ir.Loc(getattr(last, "end_lineno", 0) or 0, 1)
            self.functions.append(ir.Function("<module>", [], "", compound, loc(first), end, language="python"))

    Lowering.lower_function = lower_function
    Lowering.lower_class = lower_class
    Lowering.lower_module = lower_module


_module_lowering_methods()


def parse_python_source(text: str, path: str, types: dict[str, str]) -> ir.TranslationUnit:
    """Lower Python source text; raise :class:`PySyntaxError` when it is not valid Python."""
    started = time.perf_counter()
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        raise PySyntaxError(f"syntax error: {exc.msg}", exc.lineno or 0, exc.offset or 0) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # NUL bytes, absurd nesting
        raise PySyntaxError(f"cannot parse: {type(exc).__name__}: {exc}", 0) from None
    parsed = time.perf_counter()
    lowering = Lowering(tree, path, types)
    lowering.lower_module()
    tu = ir.TranslationUnit(path, lowering.functions, mode="python (ast)", language="python")
    tu.types = {f"{c}.{a}": t for c, info in lowering.classes.items() for a, t in info.attr_types.items() if t}
    tu.types.update({n: t for n, t in lowering.globals.items() if t})
    tu.class_bases = {c: tuple(b if b in lowering.classes else lowering.resolve(b) for b in info.bases)
                      for c, info in lowering.classes.items()}
    tu.timings = {"parse": parsed - started, "frontend": time.perf_counter() - parsed}
    return tu


def parse_python(path: Path, types: dict[str, str]) -> ir.TranslationUnit:
    """Read and lower one .py file (never imported or executed)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PySyntaxError(f"cannot read file: {exc.strerror or exc}", 0) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_python_source(text, str(path), types)
