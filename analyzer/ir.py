"""drvlint's intermediate representation: the small tree every front end produces.

Front ends (libclang for C, ``ast`` for Python) walk the source once into these nodes; the CFG builder
and the dataflow engine never see front-end objects.  Expressions keep only what the checkers need:
names, members, calls (with the name as written *and* the expanded callee), constants and operators.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from operator import attrgetter
from typing import Callable, Optional, Union


class _Memos:
    """Slots in which an expression node keeps what pure functions of its subtree computed
    (:func:`walk_expr`, :func:`expr_key`, ...): every analysis asks them of the same nodes, and an
    attribute read is cheaper than any lookup keyed by the node.  Not dataclass fields, so equality,
    hashing, ``repr`` and pickling ignore them; an unset slot raises AttributeError."""

    __slots__ = ("_walk", "_key", "_pure", "_calls", "_writes")


_remember_on = object.__setattr__  # (expression nodes are frozen)


def remember(node: object, slot: str, value):
    """Keep ``value`` in one of ``node``'s :class:`_Memos` slots, and return it."""
    try:
        _remember_on(node, slot, value)
    except AttributeError:  # not an expression node: nothing to keep it in
        pass
    return value


@dataclass(frozen=True, slots=True)
class Loc:
    """A position in the analysed file (1-based line and column)."""

    line: int
    col: int = 1


NOLOC = Loc(0, 0)


# ---------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Name(_Memos):
    name: str
    loc: Loc = NOLOC
    is_param: bool = False
    is_local: bool = False


@dataclass(frozen=True, slots=True)
class Const(_Memos):
    """An integer constant (NULL is ``Const(0, 'NULL')``); ``value`` is None when not evaluable."""

    value: Optional[int]
    text: str = ""
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Str(_Memos):
    text: str
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Member(_Memos):
    base: "Expr"
    field: str
    arrow: bool
    loc: Loc = NOLOC
    user: bool = False  # the field is declared __user (in the analysed file)
    decays: bool = False  # an array field: as a value it is an address, not a load
    record: str = ""  # the struct tag the field belongs to ("" when anonymous or unknown)


@dataclass(frozen=True, slots=True)
class Index(_Memos):
    base: "Expr"
    index: "Expr"
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Unary(_Memos):
    op: str  # '&', '*', '!', '-', '~', '+', '++', '--', 'post++', 'post--', 'sizeof'
    operand: "Expr"
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Binary(_Memos):
    op: str  # arithmetic, comparison, '&&', '||', ',', '=', '+=', ...
    lhs: "Expr"
    rhs: "Expr"
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Conditional(_Memos):
    cond: "Expr"
    then: "Expr"
    other: "Expr"
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Call(_Memos):
    """A call.  ``written`` is the identifier the author wrote at the call site (a macro name such as
    ``spin_lock_irqsave`` when the call came from a macro); ``callee`` is the function actually called
    after expansion (``_raw_spin_lock_irqsave``), or None for calls through pointers."""

    callee: Optional[str]
    written: Optional[str]
    args: tuple["Expr", ...]
    loc: Loc = NOLOC
    target: Optional["Expr"] = None  # callee expression for indirect calls (Python: the called expression)
    pure: bool = False  # the callee only computes its result from its arguments (`return a->x == 3;`)
    # Python only: keyword arguments as written; ``bound``: args[0] is the receiver (a call of a
    # same-file method, ``self.m(a)`` is ``C.m(self, a)``); ``awaited``: the call is ``await``ed.
    keywords: tuple[tuple[str, "Expr"], ...] = ()
    bound: bool = False
    awaited: bool = False

    @property
    def receiver(self) -> Optional["Expr"]:
        """The object a Python method is called on (``ser`` in ``ser.read()``), or None."""
        target = strip(self.target) if self.target is not None else None
        return target.base if isinstance(target, Member) else None

    @property
    def names(self) -> tuple[str, ...]:
        """Names to match against rules: the written one first, then the expanded one."""
        out = []
        if self.written:
            out.append(self.written)
        if self.callee and self.callee != self.written:
            out.append(self.callee)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Cast(_Memos):
    type: str
    operand: "Expr"
    loc: Loc = NOLOC
    forced: bool = False  # written with __force: an intended address-space conversion


@dataclass(frozen=True, slots=True)
class StmtExpr(_Memos):
    """GNU statement expression ``({ ...; value; })``: lowered by the CFG builder."""

    body: "Compound"
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Temp(_Memos):
    """A value produced by CFG lowering (statement expression, ``?:`` or ``&&`` in value context)."""

    ident: int
    loc: Loc = NOLOC


@dataclass(frozen=True, slots=True)
class Opaque(_Memos):
    """Anything the checkers need not understand (init lists, sizeof, literals of other kinds)."""

    text: str = ""
    children: tuple["Expr", ...] = ()
    loc: Loc = NOLOC


Expr = Union[Name, Const, Str, Member, Index, Unary, Binary, Conditional, Call, Cast, StmtExpr, Temp, Opaque]


# ---------------------------------------------------------------- statements


@dataclass(slots=True)
class ExprStmt:
    expr: Expr
    loc: Loc = NOLOC


@dataclass(slots=True)
class VarDecl:
    name: str
    type: str
    init: Optional[Expr]
    loc: Loc = NOLOC
    user: bool = False  # declared with __user


@dataclass(slots=True)
class DeclStmt:
    decls: list[VarDecl]
    loc: Loc = NOLOC


@dataclass(slots=True)
class Compound:
    body: list["Stmt"]
    loc: Loc = NOLOC
    end: Loc = NOLOC  # the closing brace


@dataclass(slots=True)
class If:
    cond: Expr
    then: "Stmt"
    other: Optional["Stmt"]
    loc: Loc = NOLOC


@dataclass(slots=True)
class While:
    cond: Expr
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class DoWhile:
    body: "Stmt"
    cond: Expr
    loc: Loc = NOLOC


@dataclass(slots=True)
class For:
    init: Optional["Stmt"]
    cond: Optional[Expr]
    step: Optional[Expr]
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Switch:
    cond: Expr
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Case:
    value: Optional[int]  # None: not a constant we could evaluate
    body: "Stmt"
    loc: Loc = NOLOC
    high: Optional[int] = None  # GNU case ranges: `case 1 ... 5:`


@dataclass(slots=True)
class Default:
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Break:
    loc: Loc = NOLOC


@dataclass(slots=True)
class Continue:
    loc: Loc = NOLOC


@dataclass(slots=True)
class Goto:
    label: Optional[str]  # None: computed goto
    loc: Loc = NOLOC


@dataclass(slots=True)
class Label:
    name: str
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Return:
    value: Optional[Expr]
    loc: Loc = NOLOC


@dataclass(slots=True)
class Guard:
    """``guard(CLASS)(ARGS);``: acquires at this point, released when the enclosing scope exits."""

    lock_class: str
    args: tuple[Expr, ...]
    loc: Loc = NOLOC


@dataclass(slots=True)
class ScopedGuard:
    """``scoped_guard(CLASS, ARGS) { body }``: held for the body only."""

    lock_class: str
    args: tuple[Expr, ...]
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Nop:
    loc: Loc = NOLOC


@dataclass(slots=True)
class Handler:
    """One ``except`` clause: the exception types as written ("" for a bare except), the bound name."""

    types: tuple[str, ...]
    name: Optional[str]
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Try:
    """Python ``try``: any call in ``body`` may leave for the handlers; ``final`` runs on every way out."""

    body: "Stmt"
    handlers: list[Handler]
    other: Optional["Stmt"]  # the else clause
    final: Optional["Stmt"]
    loc: Loc = NOLOC


@dataclass(slots=True)
class With:
    """Python ``with ctx as target: body``: ``enter`` and ``exit`` are the calls the CFG emits (the
    context manager's ``__enter__``/``__exit__``, typed like any method call); exit runs on every path."""

    context: Expr
    enter: Call
    exit: Call
    target: Optional[Expr]
    body: "Stmt"
    loc: Loc = NOLOC


@dataclass(slots=True)
class Raise:
    """Python ``raise`` (``exc`` None: re-raise the exception being handled)."""

    exc: Optional[Expr]
    loc: Loc = NOLOC


Stmt = Union[ExprStmt, DeclStmt, Compound, If, While, DoWhile, For, Switch, Case, Default, Break, Continue,
             Goto, Label, Return, Guard, ScopedGuard, Nop, Try, With, Raise]


# ---------------------------------------------------------------- functions and units


@dataclass(slots=True)
class Param:
    name: str
    type: str
    user: bool = False


@dataclass(slots=True)
class Annotation:
    """A sparse context annotation: ``__acquires(x)``, ``__releases(x)``, ``__must_hold(x)``."""

    kind: str
    lock: Expr


@dataclass(slots=True)
class Function:
    name: str
    params: list[Param]
    return_type: str
    body: Compound
    loc: Loc
    end: Loc
    is_static: bool = False
    annotations: list[Annotation] = field(default_factory=list)
    return_kind: str = "other"  # 'void' | 'pointer' | 'bool' | 'int' | 'other'
    user_locals: frozenset[str] = frozenset()  # locals declared as __user pointers
    pointee_records: dict[str, str] = field(default_factory=dict)  # param/local -> struct it points to
    # Python: "python" functions are named by qualified name (``Class.method``, ``outer.inner``,
    # ``outer.<lambda@12>``); ``cls`` is the class a method belongs to, ``parent`` the enclosing function.
    language: str = "c"
    cls: str = ""
    parent: str = ""
    is_async: bool = False


@dataclass(frozen=True, slots=True)
class FieldInit:
    """A function stored into a struct field: ``.ndo_start_xmit = fn`` in an ops table, or
    ``urb->complete = fn`` in a body.  This is how the kernel learns of most callbacks, so it is how
    checkers learn in which context a function runs."""

    record: str  # struct tag ("net_device_ops"); "" for an unnamed struct
    field: str
    function: str
    loc: Loc
    owner: str  # the variable initialised, or the function whose body makes the assignment


@dataclass(slots=True)
class Diagnostic:
    """A front-end message about the analysed file (parse errors, reduced mode)."""

    severity: str  # 'error' | 'warning' | 'note'
    message: str
    path: str = ""
    line: int = 0
    col: int = 0


@dataclass(slots=True)
class TranslationUnit:
    path: str
    functions: list[Function]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    mode: str = ""  # how it was compiled, for the report header
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase: parse, frontend
    error_lines: list[int] = field(default_factory=list)  # lines of the main file with parse errors (all of them)
    field_inits: list[FieldInit] = field(default_factory=list)
    header_constants: dict[str, int] = field(default_factory=dict)  # e.g. ___GFP_DIRECT_RECLAIM, read from headers
    driver_records: frozenset[str] = frozenset()  # structs declared in the driver's own files
    driver_functions: frozenset[str] = frozenset()  # callees declared by the driver's headers, defined elsewhere
    # driver struct -> (it binds only through its OF match table, every entry of that table has .data)
    of_match: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    driver_flags: dict[str, frozenset[str]] = field(default_factory=dict)  # struct var -> fields set non-zero
    language: str = "c"
    types: dict[str, str] = field(default_factory=dict)  # Python: "Class.attr" / "name" -> inferred type
    # Python: class -> its bases, resolved by import path ("drvrt.NetDriver") or same-file class names
    class_bases: dict[str, tuple[str, ...]] = field(default_factory=dict)


# ---------------------------------------------------------------- helpers


def _call_children(expr: "Call") -> tuple[Expr, ...]:
    head = (expr.target,) if expr.target is not None else ()
    return head + tuple(expr.args) + tuple(value for _, value in expr.keywords)


_CHILDREN: dict[type, Callable[..., tuple]] = {
    Member: lambda e: (e.base,),
    Index: lambda e: (e.base, e.index),
    Unary: lambda e: (e.operand,),
    Binary: lambda e: (e.lhs, e.rhs),
    Conditional: lambda e: (e.cond, e.then, e.other),
    Call: _call_children,
    Cast: lambda e: (e.operand,),
    Opaque: lambda e: tuple(e.children),
}


def children(expr: Expr) -> tuple[Expr, ...]:
    """Direct sub-expressions, in evaluation order as far as C defines one.  (One dictionary lookup by
    type: every analysis walks every node's expression, so this is among the hottest functions.)"""
    get = _CHILDREN.get(type(expr))
    return get(expr) if get is not None else ()


def walk_expr(expr: Expr) -> tuple[Expr, ...]:
    """Pre-order walk of an expression tree.  Memoised per node (shared tuple, do not modify): the lock,
    null, async and user-pointer analyses each walk every CFG node's expression."""
    try:
        return expr._walk
    except AttributeError:
        pass
    out = []
    stack = [expr]
    while stack:
        node = stack.pop()
        out.append(node)
        kids = children(node)
        if kids:
            stack.extend(reversed(kids))
    return remember(expr, "_walk", tuple(out))


def calls_in_statements(stmt: object) -> list[Call]:
    """Every call written in a statement tree, in source order, reachable or not (the CFG drops code no
    path reaches)."""
    out: list[Call] = []
    stack = [stmt]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(reversed(node))
        elif is_dataclass(node) and not isinstance(node, Loc):
            if isinstance(node, Call):
                out.append(node)
            stack.extend(reversed([getattr(node, f.name) for f in fields(node)]))
    return out


def calls_in(expr: Optional[Expr]) -> list[Call]:
    """Calls inside an expression in evaluation order (arguments before the call itself).  Memoised per
    node: every checker asks for the same nodes' calls.  The list is shared; do not modify it."""
    if expr is None:
        return []
    try:
        return expr._calls
    except AttributeError:
        return remember(expr, "_calls", _calls_in(expr))


def _calls_in(expr: Expr) -> list[Call]:
    found = [node for node in walk_expr(expr) if isinstance(node, Call)]  # (pre-order, memoised)
    if len(found) < 2:
        return found  # (most expressions: no call or one, whose order needs no walk of its own)
    out: list[Call] = []

    def visit(node: Expr) -> None:
        for child in children(node):
            visit(child)
        if isinstance(node, Call):
            out.append(node)

    if expr is not None:
        visit(expr)
    return out


def strip(expr: Expr) -> Expr:
    """Remove casts (parentheses never reach the IR)."""
    while isinstance(expr, Cast):
        expr = expr.operand
    return expr


class _IdentityCache:
    """Memo for pure functions of IR nodes, keyed by object identity (deep hashing of frozen trees
    would cost more than the functions themselves).  Entries keep their node alive, so ids stay valid."""

    def __init__(self, limit: int = 200_000):
        self.entries: dict[int, tuple[object, object]] = {}
        self.limit = limit

    def get(self, node: object):
        hit = self.entries.get(id(node))
        return hit[1] if hit is not None and hit[0] is node else None

    def put(self, node: object, value):
        if len(self.entries) >= self.limit:
            self.entries.clear()
        self.entries[id(node)] = (node, value)
        return value




def expr_key(expr: Expr) -> str:
    """Canonical text of an expression: casts and parentheses dropped, ``&(*p).f`` written ``&p->f``.

    Used as the identity of locks, variables and pure conditions, so that ``&dev->lock`` and
    ``&(dev)->lock`` are the same lock."""
    try:
        return expr._key
    except AttributeError:
        return remember(expr, "_key", _expr_key(expr))


def _expr_key(expr: Expr) -> str:
    expr = strip(expr)
    if isinstance(expr, Name):
        return expr.name
    if isinstance(expr, Const):
        return str(expr.value) if expr.value is not None else expr.text
    if isinstance(expr, Str):
        return expr.text
    if isinstance(expr, Member):
        base = strip(expr.base)
        if not expr.arrow and isinstance(base, Unary) and base.op == "*":
            return f"{_atom(base.operand)}->{expr.field}"
        if expr.arrow and isinstance(base, Unary) and base.op == "&":
            return f"{_atom(base.operand)}.{expr.field}"
        return f"{_atom(base)}{'->' if expr.arrow else '.'}{expr.field}"
    if isinstance(expr, Index):
        return f"{_atom(expr.base)}[{expr_key(expr.index)}]"
    if isinstance(expr, Unary):
        inner = strip(expr.operand)
        if expr.op == "&" and isinstance(inner, Unary) and inner.op == "*":
            return expr_key(inner.operand)
        if expr.op == "*" and isinstance(inner, Unary) and inner.op == "&":
            return expr_key(inner.operand)
        if expr.op.startswith("post"):
            return f"{_atom(inner)}{expr.op[4:]}"
        return f"{expr.op}{_atom(inner)}"
    if isinstance(expr, Binary):
        return f"{_atom(expr.lhs)} {expr.op} {_atom(expr.rhs)}"
    if isinstance(expr, Conditional):
        return f"{_atom(expr.cond)} ? {_atom(expr.then)} : {_atom(expr.other)}"
    if isinstance(expr, Call):
        name = expr.written or expr.callee or (_atom(expr.target) if expr.target is not None else "?")
        args = [expr_key(a) for a in expr.args] + [f"{k}={expr_key(v)}" for k, v in expr.keywords]
        return f"{name}({', '.join(args)})"
    if isinstance(expr, Temp):
        return f"$t{expr.ident}"
    if isinstance(expr, Opaque):
        return expr.text or "<?>"
    return "<?>"


def _atom(expr: Expr) -> str:
    expr = strip(expr)
    text = expr_key(expr)
    if isinstance(expr, (Name, Const, Str, Member, Index, Call, Temp)):
        return text
    if isinstance(expr, Unary) and expr_key(expr) == text and not isinstance(strip(expr.operand), (Binary, Conditional)):
        return text
    return f"({text})"


def substitute(expr: Expr, mapping: dict[str, Expr]) -> Expr:
    """Replace names by expressions (a callee's parameters by the caller's arguments)."""
    expr = strip(expr)
    if isinstance(expr, Name):
        return mapping.get(expr.name, expr)
    return _rebuilt(expr, lambda e: substitute(e, mapping))


def replace_keyed(expr: Expr, mapping: dict[str, Expr]) -> Expr:
    """Replace sub-expressions by their canonical text (``hw->priv`` -> ``priv``): the inverse of
    substitute(), for re-expressing a callee's lock in the names the caller uses."""
    expr = strip(expr)
    found = mapping.get(expr_key(expr))
    if found is not None:
        return found
    return _rebuilt(expr, lambda e: replace_keyed(e, mapping))


def _rebuilt(expr: Expr, inner: Callable[[Expr], Expr]) -> Expr:
    """A place expression (member, index, unary, binary) with ``inner`` applied to its operands."""
    if isinstance(expr, Member):
        return Member(inner(expr.base), expr.field, expr.arrow, expr.loc, expr.user, expr.decays, expr.record)
    if isinstance(expr, Index):
        return Index(inner(expr.base), inner(expr.index), expr.loc)
    if isinstance(expr, Unary):
        return Unary(expr.op, inner(expr.operand), expr.loc)
    if isinstance(expr, Binary):
        return Binary(expr.op, inner(expr.lhs), inner(expr.rhs), expr.loc)
    return expr


def names_in(expr: Expr) -> set[str]:
    """Every variable name an expression reads."""
    return {node.name for node in walk_expr(expr) if isinstance(node, Name)}


def is_pure(expr: Expr) -> bool:
    """True when evaluating the expression has no side effects (no calls, assignments, ++/--)."""
    try:
        return expr._pure
    except AttributeError:
        return remember(expr, "_pure", _is_pure(expr))


def _is_pure(expr: Expr) -> bool:
    for node in walk_expr(expr):
        if isinstance(node, StmtExpr) or (isinstance(node, Call) and not node.pure):
            return False
        if isinstance(node, Unary) and node.op in ("++", "--", "post++", "post--"):
            return False
        if isinstance(node, Binary) and node.op.endswith("=") and node.op not in ("==", "!=", "<=", ">="):
            return False
    return True


def _fast_pickling(cls: type) -> None:
    """Frozen slotted dataclasses pickle through ``dataclasses``' own ``__getstate__``/``__setstate__``,
    which call ``fields()`` for every object; a fixed tuple of names does the same several times faster
    (a study keeps the IR of the files its whole-tree pass may re-analyse, ~10^5 nodes a file)."""
    names = tuple(f.name for f in fields(cls))
    read = attrgetter(*names)
    single = len(names) == 1

    def getstate(self) -> tuple:
        return (read(self),) if single else read(self)

    def setstate(self, state) -> None:
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    cls.__getstate__ = getstate
    cls.__setstate__ = setstate


for _cls in list(globals().values()):
    if isinstance(_cls, type) and is_dataclass(_cls) and _cls.__dataclass_params__.frozen and "__slots__" in vars(_cls) \
            and fields(_cls):
        _fast_pickling(_cls)
