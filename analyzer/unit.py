"""An analysed translation unit: IR, one CFG per function and the file's call graph.

Built once per file and shared by every checker, so no checker re-walks the AST or rebuilds a CFG."""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Hashable, TypeVar

import networkx as nx

from . import ir
from .cfg import CFG, build_cfg
from .flow_rules import FlowRules


T = TypeVar("T")


class Unit:
    def __init__(self, tu: ir.TranslationUnit, flow: FlowRules = FlowRules()):
        self.tu = tu
        self.flow = flow
        self.path = tu.path
        self.functions = {f.name: f for f in tu.functions}
        self._shared: dict[Hashable, object] = {}
        # Function summaries for a whole-tree study (analyzer/summaries.py): asked for by the study only,
        # filled by the front end and by checkers as they run (function -> kind -> value).
        self.wants_summaries = False
        self.summaries: dict[str, dict[str, object]] = {}

    def summarise(self, function: str, kind: str, value: object) -> None:
        """Record one summary fact about a function, when a study asked for summaries."""
        if self.wants_summaries:
            self.summaries.setdefault(function, {})[kind] = value

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """An analysis several checkers need (the lock flow), computed once per file."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[return-value]

    @cached_property
    def cfgs(self) -> dict[str, CFG]:
        return {name: build_cfg(function, self.flow) for name, function in self.functions.items()}

    @cached_property
    def calls(self) -> dict[str, list[ir.Call]]:
        """Every call each function makes, in CFG node order (what file-wide facts such as a lock's
        initial count are read from)."""
        out: dict[str, list[ir.Call]] = {}
        for name, cfg in self.cfgs.items():
            found = out.setdefault(name, [])
            for node_id in cfg.graph.nodes:
                node = cfg.node(node_id)
                if node.expr is not None:
                    found.extend(ir.calls_in(node.expr))
        return out

    @cached_property
    def call_graph(self) -> nx.DiGraph:
        """Caller -> callee edges between functions defined in this file."""
        graph = nx.DiGraph()
        graph.add_nodes_from(self.functions)
        for name, calls in self.calls.items():
            graph.add_edges_from((name, call.callee) for call in calls if call.callee in self.functions)
        return graph

    @cached_property
    def escaped(self) -> frozenset[str]:
        """Functions of this file whose address is taken (stored in a field, a table or a pointer, passed,
        assigned): they may be called from anywhere, with anything."""
        out = {init.function for init in self.tu.field_inits}
        for cfg in self.cfgs.values():
            for node_id in cfg.graph.nodes:
                expr = cfg.node(node_id).expr
                if expr is not None:
                    out.update(e.name for e in ir.walk_expr(expr)
                               if isinstance(e, ir.Name) and not e.is_local and not e.is_param
                               and e.name in self.functions)
        return frozenset(out)

    def bottom_up(self) -> list[str]:
        """Functions with callees before callers (members of a cycle in any order), so summaries of
        callees exist when their callers are analysed."""
        return list(self._bottom_up)

    @cached_property
    def _bottom_up(self) -> tuple[str, ...]:
        condensed = nx.condensation(self.call_graph)
        order: list[str] = []
        for component in reversed(list(nx.topological_sort(condensed))):
            order.extend(sorted(condensed.nodes[component]["members"]))
        return tuple(order)
