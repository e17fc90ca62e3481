"""CFGs for Python functions: the C builder plus exception edges, ``try``/``finally`` and ``with``.

Any node that evaluates a call may raise, unless the ``py_noraise`` rules say the call cannot (or it is
one of the front end's synthetic loop calls).  Its exception edge (``Edge.exc``) goes to the innermost
``except`` dispatch or ``finally`` of the enclosing ``try``, else to the function's raise exit (a node of
kind ``raise`` before the exit).  The engine carries the state from *before* the raising node along
such an edge: a lock whose ``acquire()`` raised was not taken, a variable whose assignment raised keeps
its old value.

``finally`` bodies are built once per way out (normal completion, exception, and each ``return``,
``break`` or ``continue`` that leaves the ``try``), so every path sees them.  ``with`` is a ``try`` whose
``finally`` calls the context manager's ``__exit__``: a lock taken by ``with lock:`` is released on
every path, exceptions included.
"""
from __future__ import annotations

from typing import Optional

from . import ir
from .cfg import CFG, CfgBuilder, CfgNode, Edge
from .frontend_py import SYNTHETIC

CATCH_ALL = ("", "BaseException", "Exception")
# builtin exceptions under OSError (IOError and EnvironmentError are OSError itself since Python 3.3)
OS_ERRORS = ("IOError", "EnvironmentError", "TimeoutError", "ConnectionError", "BrokenPipeError",
             "ConnectionResetError", "ConnectionAbortedError", "ConnectionRefusedError", "BlockingIOError",
             "InterruptedError", "FileNotFoundError", "PermissionError")


def catches(handler: str, exception: str) -> bool:
    """Does ``except handler:`` catch ``exception`` (builtin names, a dotted handler by its last part)?"""
    handler = handler.rsplit(".", 1)[-1]
    if handler in CATCH_ALL or handler == exception:
        return True
    return handler in ("OSError", "IOError", "EnvironmentError") and exception in ("OSError", *OS_ERRORS)


class PyCfgBuilder(CfgBuilder):
    def __init__(self, function: ir.Function, flow) -> None:
        super().__init__(function, flow)
        self.targets: list[int] = []  # exception targets, innermost last (empty: the raise exit)
        self.cleanups: list[tuple[ir.Stmt, int]] = []  # finally bodies and the target depth outside them
        self.loop_cleanups: list[int] = []  # cleanup depth at each enclosing loop
        self.catching: dict[int, tuple[str, ...]] = {}  # except dispatch -> the exception names it catches
        self.caught: dict[int, int] = {}  # except dispatch -> its entry for exceptions it surely catches
        self.raises = dict(flow.raises)

    # ------------------------------------------------------------ exception edges

    def target(self) -> int:
        if self.targets:
            return self.targets[-1]
        cfg = self.cfg
        if cfg.raise_exit is None:
            cfg.raise_exit = cfg.add(CfgNode("raise", loc=cfg.function.end, label="raise"))
            cfg.graph.add_edge(cfg.raise_exit, cfg.exit, edge=Edge())
        return cfg.raise_exit

    def may_raise(self, node: CfgNode) -> bool:
        if node.kind not in ("eval", "branch", "return", "switch") or node.expr is None:
            return False
        for call in ir.calls_in(node.expr):
            if call.callee in SYNTHETIC:
                continue
            if not any(name in self.flow.noraise for name in call.names):
                return True
        return False

    def raised(self, node: CfgNode) -> Optional[set[str]]:
        """The exceptions the node's raising calls raise, when the ``py_raises`` rules know them all."""
        out: set[str] = set()
        for call in ir.calls_in(node.expr):
            if call.callee in SYNTHETIC or any(name in self.flow.noraise for name in call.names):
                continue
            known = next((self.raises[name] for name in call.names if name in self.raises), None)
            if known is None:
                return None
            out.update(known)
        return out

    def emit(self, node: CfgNode) -> int:
        ident = super().emit(node)
        if self.may_raise(node):
            target = self.target()
            if target in self.catching:
                raised = self.raised(node)
                if raised is not None and all(any(catches(h, e) for h in self.catching[target]) for e in raised):
                    # every exception it can raise is caught: the handlers, never the unmatched way out
                    if target not in self.caught:
                        self.caught[target] = self.cfg.add(CfgNode("join", loc=self.cfg.node(target).loc,
                                                                   label=self.cfg.node(target).label))
                    target = self.caught[target]
            self._connect(ident, target, Edge(exc=True))
        return ident

    def throw(self, label: str = "reraise") -> None:
        """Send the pending paths to the current exception target (``raise``, an unmatched exception).
        The join is labelled "raise" for a ``raise`` statement of the source, "reraise" otherwise."""
        if self.pending:
            # through a join of its own: a raising node's exception edge to the same target stays apart
            node = self.join(self.here, label)
            self._connect(node, self.target(), Edge())
        self.pending = []

    # ------------------------------------------------------------ cleanups (finally bodies)

    def run_cleanups(self, depth: int) -> None:
        """Build the finally bodies deeper than ``depth`` on the pending paths, innermost first."""
        saved_targets, saved_cleanups = self.targets, self.cleanups
        try:
            for index in reversed(range(depth, len(saved_cleanups))):
                if not self.pending:
                    break
                body, target_depth = saved_cleanups[index]
                self.targets = saved_targets[:target_depth]
                self.cleanups = saved_cleanups[:index]
                self.stmt(body)
        finally:
            self.targets, self.cleanups = saved_targets, saved_cleanups

    # ------------------------------------------------------------ statements

    def s_Raise(self, stmt: ir.Raise) -> None:
        if stmt.exc is not None:
            self.eval(stmt.exc, stmt.loc)
        self.throw("raise")

    def s_Return(self, stmt: ir.Return) -> None:
        if not self.cleanups:
            super().s_Return(stmt)
            return
        value = stmt.value
        if value is not None and not ir.is_pure(value):
            temp = self.new_temp(stmt.loc)
            if self.pending:
                self.emit(CfgNode("eval", ir.Binary("=", temp, self.lower(value), stmt.loc), stmt.loc))
            value = temp
        self.run_cleanups(0)
        super().s_Return(ir.Return(value, stmt.loc))

    def s_While(self, stmt: ir.While) -> None:
        self.loop_cleanups.append(len(self.cleanups))
        try:
            super().s_While(stmt)
        finally:
            self.loop_cleanups.pop()

    def s_Break(self, stmt: ir.Break) -> None:
        if self.loop_cleanups:
            self.run_cleanups(self.loop_cleanups[-1])
        super().s_Break(stmt)

    def s_Continue(self, stmt: ir.Continue) -> None:
        if self.loop_cleanups:
            self.run_cleanups(self.loop_cleanups[-1])
        super().s_Continue(stmt)

    def s_Try(self, stmt: ir.Try) -> None:
        outer_depth = len(self.targets)
        final_entry: Optional[int] = None
        if stmt.final is not None:
            final_entry = self.cfg.add(CfgNode("join", loc=stmt.final.loc, label="finally"))
            self.cleanups.append((stmt.final, outer_depth))
        dispatch: Optional[int] = None
        if stmt.handlers:
            # the label names what the handlers catch: "except:OSError,ValueError" ("" for a bare except)
            caught = ",".join(t for h in stmt.handlers for t in (h.types or ("",)))
            dispatch = self.cfg.add(CfgNode("join", loc=stmt.loc, label=f"except:{caught}"))
            self.catching[dispatch] = tuple(t for h in stmt.handlers for t in (h.types or ("",)))
        # the body: exceptions go to the handlers, else to the exceptional finally, else outwards
        body_target = dispatch if dispatch is not None else final_entry
        if body_target is not None:
            self.targets.append(body_target)
        self.stmt(stmt.body)
        del self.targets[outer_depth:]
        # else and handlers: their exceptions skip this try's handlers but still run its finally
        if final_entry is not None:
            self.targets.append(final_entry)
        if stmt.other is not None:
            self.stmt(stmt.other)
        normal = self.pending
        ends: list = []
        if dispatch is not None:
            entries = [dispatch] + ([self.caught[dispatch]] if dispatch in self.caught else [])
            for handler in stmt.handlers:
                self.pending = [(entry, Edge()) for entry in entries]
                if handler.name:
                    name = ir.Name(handler.name, handler.loc, is_local=True)
                    self.emit(CfgNode("eval", ir.Binary("=", name, ir.Opaque("exception"), handler.loc), handler.loc))
                self.stmt(handler.body)
                ends += self.pending
            if not any(t in CATCH_ALL for h in stmt.handlers for t in (h.types or ("",))):
                self.pending = [(dispatch, Edge())]
                self.throw()  # an exception no handler matches goes on outwards (through the finally)
        self.pending = normal + ends
        del self.targets[outer_depth:]
        if stmt.final is not None:
            self.cleanups.pop()
            self.stmt(stmt.final)  # the normal way out
            after = self.pending
            self.pending = [(final_entry, Edge())]
            self.stmt(stmt.final)  # the exceptional way out: then the exception goes on
            self.throw()
            self.pending = after

    def s_With(self, stmt: ir.With) -> None:
        self.eval(stmt.enter, stmt.loc)
        if stmt.target is not None and self.pending:
            self.emit(CfgNode("eval", ir.Binary("=", stmt.target, stmt.context, stmt.loc), stmt.loc))
        exit_call = ir.ExprStmt(stmt.exit, _end(stmt))
        self.s_Try(ir.Try(stmt.body, [], None, exit_call, stmt.loc))


def _end(stmt: ir.With) -> ir.Loc:
    body = stmt.body
    return body.end if isinstance(body, ir.Compound) and body.end != ir.NOLOC else stmt.loc


def build_py_cfg(function: ir.Function, flow) -> CFG:
    return PyCfgBuilder(function, flow).build()


def handled(cfg: CFG, node_id: int, exceptions: tuple[str, ...]) -> bool:
    """Would an exception of one of these types raised at ``node_id`` be caught by a handler of this
    function (a bare except, Exception, BaseException or one of the names)?"""
    for succ in cfg.graph.successors(node_id):
        if not cfg.edge(node_id, succ).exc:
            continue
        label = cfg.node(succ).label
        if label.startswith("except:"):
            caught = label[len("except:"):].split(",")
            return any(t in CATCH_ALL or t.rsplit(".", 1)[-1] in exceptions for t in caught)
    return False
