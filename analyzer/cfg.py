"""Per-function control-flow graphs (networkx) built from the IR.

Every node holds one simple step (an evaluation, a branch test, a return, a guard acquire or release);
branch edges carry their condition and the truth value taken, switch edges the case values.  Short-
circuit operators, ``?:`` and GNU statement expressions are lowered here so that the dataflow engine
sees conditions that are single tests and side effects in evaluation order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional, Union

import networkx as nx

from . import ir
from .flow_rules import FlowRules


@dataclass(slots=True)
class CfgNode:
    """kind: entry | exit | eval | branch | switch | return | acquire | release | join | raise (the
    Python raise exit: where exceptions leave the function)."""

    kind: str
    expr: Optional[ir.Expr] = None  # evaluated expression / branch condition / returned value
    loc: ir.Loc = ir.NOLOC
    guard: Optional[Union[ir.Guard, ir.ScopedGuard]] = None
    label: str = ""
    implicit: bool = False  # a return at the end of a function body

    def __repr__(self) -> str:
        text = ir.expr_key(self.expr) if self.expr is not None else self.label
        return f"<{self.kind} {text} @{self.loc.line}>"


@dataclass(slots=True)
class Edge:
    """What a path learns by taking an edge: a condition's truth, or a switch value."""

    cond: Optional[ir.Expr] = None
    truth: bool = True
    cases: Optional[tuple[tuple[int, int], ...]] = None  # switch: value ranges taken; () for default
    not_cases: tuple[tuple[int, int], ...] = ()  # default: ranges excluded
    exc: bool = False  # Python: the node raised; the path carries the state from before the node


Pending = list[tuple[int, Edge]]


@dataclass
class Scope:
    guards: list[int] = field(default_factory=list)  # acquire-node ids of guard() in this scope


@dataclass
class _Jump:
    """A break/continue/goto waiting for its target."""

    pending: Pending
    depth: int


class CFG:
    """The graph plus its distinguished entry and exit nodes."""

    def __init__(self, function: ir.Function):
        self.function = function
        self.graph = nx.DiGraph()
        self.nodes: list[CfgNode] = []  # by id: the analyses read a node ~10^5 times a file (no graph lookup)
        self.entry = self.add(CfgNode("entry", loc=function.loc))
        self.exit = self.add(CfgNode("exit", loc=function.end))
        self.raise_exit: Optional[int] = None  # Python: where exceptions leave the function (made on demand)
        self.memo: dict[str, object] = {}  # what analyses derive once from the finished graph (local writes)

    def add(self, node: CfgNode) -> int:
        ident = len(self.nodes)
        self.graph.add_node(ident, node=node)
        self.nodes.append(node)
        return ident

    def node(self, ident: int) -> CfgNode:
        return self.nodes[ident]

    def edge(self, src: int, dst: int) -> Edge:
        return self.graph.edges[src, dst]["edge"]

    def returns(self) -> list[int]:
        return [n for n in self.graph.nodes if self.node(n).kind == "return"]

    @cached_property
    def looping(self) -> frozenset[int]:
        """Nodes inside a loop (on a cycle): what they compute may differ on every iteration."""
        return frozenset(n for component in nx.strongly_connected_components(self.graph) if len(component) > 1
                         for n in component) | frozenset(n for n in self.graph.nodes if self.graph.has_edge(n, n))


class CfgBuilder:
    def __init__(self, function: ir.Function, flow: FlowRules = FlowRules()):
        self.flow = flow
        self.cfg = CFG(function)
        self.pending: Pending = [(self.cfg.entry, Edge())]
        self.scopes: list[Scope] = []
        self.breaks: list[list[_Jump]] = []
        self.continues: list[list[_Jump]] = []
        self.loop_depths: list[int] = []
        # Labels live in namespaces: the function, and each statement expression (macros such as
        # wait_event() declare local labels with __label__, so one name can exist once per expansion).
        self.namespaces: list[int] = [0]
        self.namespace_count = 0
        self.labels: dict[tuple[int, str], tuple[int, set[int]]] = {}  # (namespace, name) -> (node, live guards)
        self.gotos: list[tuple[str, tuple[int, ...], Pending, list[int]]] = []
        self.temps = 0
        self.here = function.loc

    # ------------------------------------------------------------ plumbing

    def emit(self, node: CfgNode) -> int:
        ident = self.cfg.add(node)
        for src, edge in self.pending:
            self._connect(src, ident, edge)
        self.pending = [(ident, Edge())]
        return ident

    def _connect(self, src: int, dst: int, edge: Edge) -> None:
        graph = self.cfg.graph
        if graph.has_edge(src, dst):
            # Two edges between the same nodes (both arms of an empty if): the test decides nothing.
            graph.edges[src, dst]["edge"] = Edge()
        else:
            graph.add_edge(src, dst, edge=edge)

    def join(self, loc: ir.Loc, label: str = "") -> int:
        return self.emit(CfgNode("join", loc=loc, label=label))

    def new_temp(self, loc: ir.Loc) -> ir.Temp:
        self.temps += 1
        return ir.Temp(self.temps, loc)

    def release_guards(self, depth: int, loc: ir.Loc) -> None:
        """Emit releases for guards in scopes deeper than ``depth`` (innermost first)."""
        for scope in reversed(self.scopes[depth:]):
            for acquire in reversed(scope.guards):
                guard = self.cfg.node(acquire).guard
                if self.pending:
                    self.emit(CfgNode("release", loc=loc, guard=guard))

    # ------------------------------------------------------------ expressions

    def lower(self, expr: ir.Expr) -> ir.Expr:
        """Emit nodes for statement expressions and value-context short circuits inside ``expr``;
        return the expression with those parts replaced by temporaries."""
        if not _has_lowerable(expr):
            return expr  # (most expressions: kept as they are, so per-node caches keep their entries)
        if isinstance(expr, ir.StmtExpr):
            return self.lower_stmt_expr(expr)
        if isinstance(expr, ir.Binary) and expr.op in ("&&", "||") and _has_effects(expr.rhs):
            temp = self.new_temp(expr.loc)
            done: Pending = []
            self.branch(expr, on_true=lambda: self.assign(temp, ir.Const(1), done),
                        on_false=lambda: self.assign(temp, ir.Const(0), done))
            self.pending = done
            return temp
        if isinstance(expr, ir.Conditional) and (_has_effects(expr.then) or _has_effects(expr.other)):
            temp = self.new_temp(expr.loc)
            done = []
            self.branch(expr.cond, on_true=lambda: self.assign(temp, self.lower(expr.then), done),
                        on_false=lambda: self.assign(temp, self.lower(expr.other), done))
            self.pending = done
            return temp
        if isinstance(expr, ir.Binary) and expr.op == ",":
            self.eval(expr.lhs)
            return self.lower(expr.rhs)
        return _rebuild(expr, self.lower)

    def assign(self, temp: ir.Temp, value: ir.Expr, done: Pending) -> None:
        if self.pending:
            self.emit(CfgNode("eval", ir.Binary("=", temp, value, temp.loc), temp.loc))
        done.extend(self.pending)
        self.pending = []

    def lower_stmt_expr(self, expr: ir.StmtExpr) -> ir.Expr:
        self.namespace_count += 1
        self.namespaces.append(self.namespace_count)
        try:
            return self._lower_stmt_expr(expr)
        finally:
            self.namespaces.pop()

    def _lower_stmt_expr(self, expr: ir.StmtExpr) -> ir.Expr:
        body = expr.body.body
        self.scopes.append(Scope())
        for stmt in body[:-1]:
            self.stmt(stmt)
        value: ir.Expr = ir.Opaque("void")
        if body:
            last = body[-1]
            if isinstance(last, ir.ExprStmt):
                value = self.lower(last.expr)
            else:
                self.stmt(last)
        if isinstance(value, ir.Call) or not ir.is_pure(value):
            temp = self.new_temp(expr.loc)
            if self.pending:
                self.emit(CfgNode("eval", ir.Binary("=", temp, value, expr.loc), expr.loc))
            value = temp
        self.close_scope(expr.loc)
        return value

    def eval(self, expr: ir.Expr, loc: Optional[ir.Loc] = None) -> None:
        stripped = ir.strip(expr)
        if isinstance(stripped, ir.Call):
            index = self.flow.stops_if(stripped)
            if index is not None and index < len(stripped.args):
                # BUG_ON(c): the path goes on only where c is false
                self.branch(stripped.args[index], on_true=self.end_path, on_false=lambda: None)
                return
        lowered = self.lower(expr)
        if self.pending and not _is_trivial(lowered):
            self.emit(CfgNode("eval", lowered, loc or self.loc_of(expr)))
            if any(set(call.names) & self.flow.noreturn for call in ir.calls_in(lowered)):
                self.end_path()

    def end_path(self) -> None:
        self.pending = []

    def branch(self, cond: ir.Expr, on_true, on_false) -> None:
        """Evaluate ``cond`` with short circuits; run ``on_true``/``on_false`` with pending set to the
        edges that reach each outcome."""
        true_edges, false_edges = self.cond_edges(cond)
        self.pending = true_edges
        on_true()
        after_true = self.pending
        self.pending = false_edges
        on_false()
        self.pending = after_true + self.pending

    def cond_edges(self, cond: ir.Expr) -> tuple[Pending, Pending]:
        cond = ir.strip(cond)
        if isinstance(cond, ir.Unary) and cond.op == "!":
            t, f = self.cond_edges(cond.operand)
            return f, t
        if isinstance(cond, ir.Binary) and cond.op == "&&":
            t1, f1 = self.cond_edges(cond.lhs)
            self.pending = t1
            t2, f2 = self.cond_edges(cond.rhs)
            return t2, f1 + f2
        if isinstance(cond, ir.Binary) and cond.op == "||":
            t1, f1 = self.cond_edges(cond.lhs)
            self.pending = f1
            t2, f2 = self.cond_edges(cond.rhs)
            return t1 + t2, f2
        if isinstance(cond, ir.Binary) and cond.op == ",":
            self.eval(cond.lhs)
            return self.cond_edges(cond.rhs)
        if isinstance(cond, ir.Conditional):
            t1, f1 = self.cond_edges(cond.cond)
            self.pending = t1
            ta, fa = self.cond_edges(cond.then)
            self.pending = f1
            tb, fb = self.cond_edges(cond.other)
            return ta + tb, fa + fb
        if isinstance(cond, ir.Const) and cond.value is not None:
            return (list(self.pending), []) if cond.value else ([], list(self.pending))
        lowered = self.lower(cond)
        if not self.pending:
            return [], []
        node = self.emit(CfgNode("branch", lowered, self.loc_of(cond)))
        self.pending = []
        return [(node, Edge(lowered, True))], [(node, Edge(lowered, False))]

    # ------------------------------------------------------------ statements

    def stmt(self, stmt: ir.Stmt) -> None:
        if stmt.loc != ir.NOLOC:
            self.here = stmt.loc  # expressions carry few locations of their own: fall back to the statement's
        method = getattr(self, "s_" + type(stmt).__name__)
        method(stmt)

    def loc_of(self, expr: ir.Expr) -> ir.Loc:
        loc = _loc(expr)
        return loc if loc != ir.NOLOC else self.here

    def s_Nop(self, stmt: ir.Nop) -> None:
        pass

    def s_ExprStmt(self, stmt: ir.ExprStmt) -> None:
        self.eval(stmt.expr, stmt.loc)

    def s_DeclStmt(self, stmt: ir.DeclStmt) -> None:
        for decl in stmt.decls:
            if decl.init is not None:
                value = self.lower(decl.init)
                if self.pending:
                    self.emit(CfgNode("eval", ir.Binary("=", ir.Name(decl.name, decl.loc, is_local=True), value,
                                                        decl.loc), decl.loc))

    def s_Compound(self, stmt: ir.Compound) -> None:
        self.scopes.append(Scope())
        for item in stmt.body:
            self.stmt(item)
        self.close_scope(stmt.end)

    def close_scope(self, loc: ir.Loc) -> None:
        self.release_guards(len(self.scopes) - 1, loc)
        self.scopes.pop()

    def s_Guard(self, stmt: ir.Guard) -> None:
        if self.pending:
            node = self.emit(CfgNode("acquire", loc=stmt.loc, guard=stmt))
            self.scopes[-1].guards.append(node)

    def s_ScopedGuard(self, stmt: ir.ScopedGuard) -> None:
        # scoped_guard is a one-shot for loop: break and continue inside leave the guarded block.
        self.scopes.append(Scope())
        if self.pending:
            node = self.emit(CfgNode("acquire", loc=stmt.loc, guard=stmt))
            self.scopes[-1].guards.append(node)
        exits: list[_Jump] = []
        self.breaks.append(exits)
        self.continues.append(exits)
        self.loop_depths.append(len(self.scopes) - 1)
        self.stmt(stmt.body)
        self.loop_depths.pop()
        self.breaks.pop()
        self.continues.pop()
        end = _end_loc(stmt.body, stmt.loc)
        self.release_guards(len(self.scopes) - 1, end)
        for jump in exits:
            self.pending += jump.pending
        self.scopes.pop()

    def s_If(self, stmt: ir.If) -> None:
        self.branch(stmt.cond, lambda: self.stmt(stmt.then),
                    lambda: self.stmt(stmt.other) if stmt.other is not None else None)

    def loop(self, head_loc: ir.Loc, cond: Optional[ir.Expr], body: ir.Stmt, step: Optional[ir.Expr],
             test_first: bool) -> None:
        breaks: list[_Jump] = []
        continues: list[_Jump] = []
        depth = len(self.scopes)
        if test_first:
            head = self.join(head_loc, "loop")
            true_edges, false_edges = self.cond_edges(cond) if cond is not None else (self.pending, [])
            self.pending = true_edges
        else:
            head = self.join(head_loc, "do")
            false_edges = []
        self.breaks.append(breaks)
        self.continues.append(continues)
        self.loop_depths.append(depth)
        self.stmt(body)
        self.loop_depths.pop()
        self.breaks.pop()
        self.continues.pop()
        for jump in continues:
            self.pending += jump.pending
        if step is not None:
            self.eval(step)
        if test_first:
            for src, edge in self.pending:
                self._connect(src, head, edge)
            self.pending = false_edges
        else:
            true_edges, false_edges = self.cond_edges(cond) if cond is not None else (self.pending, [])
            for src, edge in true_edges:
                self._connect(src, head, edge)
            self.pending = false_edges
        for jump in breaks:
            self.pending += jump.pending

    def s_While(self, stmt: ir.While) -> None:
        self.loop(stmt.loc, stmt.cond, stmt.body, None, True)

    def s_DoWhile(self, stmt: ir.DoWhile) -> None:
        self.loop(stmt.loc, stmt.cond, stmt.body, None, False)

    def s_For(self, stmt: ir.For) -> None:
        self.scopes.append(Scope())
        if stmt.init is not None:
            self.stmt(stmt.init)
        self.loop(stmt.loc, stmt.cond, stmt.body, stmt.step, True)
        self.close_scope(stmt.loc)

    def s_Switch(self, stmt: ir.Switch) -> None:
        value = self.lower(stmt.cond)
        if not self.pending:
            return
        switch = self.emit(CfgNode("switch", value, stmt.loc))
        self.pending = []
        breaks: list[_Jump] = []
        self.breaks.append(breaks)
        self.loop_depths.append(len(self.scopes))
        saved = getattr(self, "_switch", None)
        self._switch = (switch, value, [], [])
        self.stmt(stmt.body)
        _, _, seen_ranges, default_edges = self._switch
        self._switch = saved
        for edge in default_edges:
            edge.not_cases = tuple(seen_ranges)
        self.loop_depths.pop()
        self.breaks.pop()
        after = self.pending
        for jump in breaks:
            after += jump.pending
        if not default_edges:
            after.append((switch, Edge(value, cases=(), not_cases=tuple(seen_ranges))))
        self.pending = after

    def s_Case(self, stmt: ir.Case) -> None:
        switch, value, seen, _ = self._switch
        if stmt.value is None:
            edge = Edge()
        else:
            rng = (stmt.value, stmt.high if stmt.high is not None else stmt.value)
            seen.append(rng)
            edge = Edge(value, cases=(rng,))
        self.pending.append((switch, edge))
        self.join(stmt.loc, "case")
        self.stmt(stmt.body)

    def s_Default(self, stmt: ir.Default) -> None:
        switch, value, _, default_edges = self._switch
        edge = Edge(value, cases=())
        default_edges.append(edge)
        self.pending.append((switch, edge))
        self.join(stmt.loc, "default")
        self.stmt(stmt.body)

    def jump(self, targets: list[list[_Jump]], loc: ir.Loc) -> None:
        if not targets or not self.pending:
            self.pending = []
            return
        self.release_guards(self.loop_depths[-1], loc)
        targets[-1].append(_Jump(self.pending, len(self.scopes)))
        self.pending = []

    def s_Break(self, stmt: ir.Break) -> None:
        self.jump(self.breaks, stmt.loc)

    def s_Continue(self, stmt: ir.Continue) -> None:
        self.jump(self.continues, stmt.loc)

    def s_Goto(self, stmt: ir.Goto) -> None:
        if stmt.label is None:
            self.pending = []  # computed goto: nothing in drivers we can follow
            return
        guards = [g for scope in self.scopes for g in scope.guards]
        if self.pending:
            self.gotos.append((stmt.label, tuple(self.namespaces), self.pending, guards))
        self.pending = []

    def s_Label(self, stmt: ir.Label) -> None:
        node = self.join(stmt.loc, stmt.name)
        live = {g for scope in self.scopes for g in scope.guards}
        self.labels[(self.namespaces[-1], stmt.name)] = (node, live)
        self.stmt(stmt.body)

    def s_Return(self, stmt: ir.Return) -> None:
        value = self.lower(stmt.value) if stmt.value is not None else None
        self.release_guards(0, stmt.loc)
        if self.pending:
            node = self.emit(CfgNode("return", value, stmt.loc))
            self.cfg.graph.add_edge(node, self.cfg.exit, edge=Edge())
        self.pending = []

    # ------------------------------------------------------------ driver

    def build(self) -> CFG:
        function = self.cfg.function
        self.s_Compound(function.body)
        if self.pending:
            node = self.emit(CfgNode("return", None, function.end, implicit=True))
            self.cfg.graph.add_edge(node, self.cfg.exit, edge=Edge())
        for name, namespaces, pending, guards in self.gotos:
            found = next((self.labels[(ns, name)] for ns in reversed(namespaces) if (ns, name) in self.labels), None)
            if found is None:
                continue
            target, keep = found
            self.pending = pending
            for acquire in reversed(guards):
                if acquire not in keep and self.pending:
                    self.emit(CfgNode("release", loc=self.cfg.node(acquire).loc, guard=self.cfg.node(acquire).guard))
            for src, edge in self.pending:
                self._connect(src, target, edge)
        self.pending = []
        return self.cfg


def _has_effects(expr: ir.Expr) -> bool:
    return not ir.is_pure(expr) or any(isinstance(n, ir.StmtExpr) for n in ir.walk_expr(expr))


def _has_lowerable(expr: ir.Expr) -> bool:
    """Does ``expr`` hold anything :meth:`CfgBuilder.lower` would replace?"""
    return any(isinstance(n, (ir.StmtExpr, ir.Conditional)) or (isinstance(n, ir.Binary) and n.op in ("&&", "||", ","))
               for n in ir.walk_expr(expr))


def _is_trivial(expr: ir.Expr) -> bool:
    return isinstance(expr, (ir.Name, ir.Const, ir.Str, ir.Temp)) or (
        isinstance(expr, ir.Opaque) and not expr.children)


def _loc(expr: ir.Expr) -> ir.Loc:
    for node in ir.walk_expr(expr):
        loc = getattr(node, "loc", ir.NOLOC)
        if loc != ir.NOLOC:
            return loc
    return ir.NOLOC


def _end_loc(stmt: ir.Stmt, default: ir.Loc) -> ir.Loc:
    return stmt.end if isinstance(stmt, ir.Compound) else default


def _rebuild(expr: ir.Expr, fn) -> ir.Expr:
    """Apply ``fn`` to the direct children of ``expr``, evaluation order preserved."""
    if isinstance(expr, ir.Member):
        return ir.Member(fn(expr.base), expr.field, expr.arrow, expr.loc, expr.user, expr.decays, expr.record)
    if isinstance(expr, ir.Index):
        return ir.Index(fn(expr.base), fn(expr.index), expr.loc)
    if isinstance(expr, ir.Unary):
        return ir.Unary(expr.op, fn(expr.operand), expr.loc)
    if isinstance(expr, ir.Binary):
        return ir.Binary(expr.op, fn(expr.lhs), fn(expr.rhs), expr.loc)
    if isinstance(expr, ir.Call):
        target = fn(expr.target) if expr.target is not None else None
        return ir.Call(expr.callee, expr.written, tuple(fn(a) for a in expr.args), expr.loc, target, expr.pure,
                       tuple((k, fn(v)) for k, v in expr.keywords), expr.bound, expr.awaited)
    if isinstance(expr, ir.Cast):
        return ir.Cast(expr.type, fn(expr.operand), expr.loc, expr.forced)
    if isinstance(expr, ir.Conditional):
        return ir.Conditional(fn(expr.cond), fn(expr.then), fn(expr.other), expr.loc)
    if isinstance(expr, ir.Opaque) and expr.children:
        return ir.Opaque(expr.text, tuple(fn(c) for c in expr.children), expr.loc)
    return expr


def build_cfg(function: ir.Function, flow: FlowRules = FlowRules()) -> CFG:
    if function.language == "python":
        from .cfg_py import PyCfgBuilder
        return PyCfgBuilder(function, flow).build()
    return CfgBuilder(function, flow).build()
