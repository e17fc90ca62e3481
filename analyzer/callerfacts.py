"""What a static function's callers tell it about its parameters: the facts at its entry.

A function analysed alone must assume any argument, so a retry loop that breaks with a lock held when
``max_retries`` is 0 looks like it returns holding the lock.  When the function is static, never stored
or passed as a pointer, and every call is in this file, the arguments it can receive are those its
callers pass: ``_qed_mcp_cmd_and_union(..., max_retries, ...)`` is only passed 500000 or 500.  The range
of each argument at every call site (from a facts-only run of the engine over the caller, itself given
its own callers' facts) is joined into one entry fact per parameter.

Computed on demand, per function, and only for parameters the function tests.
"""
from __future__ import annotations

from . import ir
from .cfg import CFG, CfgNode
from .dataflow import ANY, PathState, Range, hull, run
from .unit import Unit

MAX_CALLERS = 8  # beyond this, callers' facts are rarely all informative and the runs cost more


class _FactsOnly:
    """The engine with no checker data: only the facts assignments and tests leave."""

    def initial(self) -> None:
        return None

    def transfer(self, cfg: CFG, node_id: int, node: CfgNode, state: PathState) -> list[PathState]:
        return [state]

    @staticmethod
    def live_symbols(state: PathState) -> tuple[str, ...]:
        """No data names a value: only what variables hold is read (the arguments at call sites)."""
        return ()


def entry_facts(unit: Unit, name: str) -> dict[str, Range]:
    """Parameter name -> the range every caller's argument lies in; empty when the callers are not all
    known (an exported, stored or recursive function) or tell nothing."""
    return unit.shared(("entry_facts", name), lambda: _entry_facts(unit, name, frozenset({name})))


def _entry_facts(unit: Unit, name: str, active: frozenset[str]) -> dict[str, Range]:
    function = unit.functions.get(name)
    if function is None or function.language != "c" or not function.is_static or name in unit.escaped:
        return {}
    callers = list(unit.call_graph.predecessors(name))
    if not callers or len(callers) > MAX_CALLERS or any(c in active for c in callers):
        return {}  # unused here, called from too many places, or recursive
    tested = _tested_params(unit, name)
    if not tested:
        return {}
    passed: dict[int, list[Range]] = {}
    for caller in callers:
        states_in = _caller_states(unit, caller, active)
        for node_id, call in _call_sites(unit.cfgs[caller], name):
            for state in states_in.get(node_id, ()):
                for index in tested:
                    rng = state.range_of(call.args[index]) if index < len(call.args) else ANY
                    passed.setdefault(index, []).append(rng)
    joined = {index: hull(*ranges) for index, ranges in passed.items()}
    return {function.params[i].name: rng for i, rng in joined.items() if rng != ANY}


def _caller_states(unit: Unit, caller: str, active: frozenset[str]) -> dict[int, frozenset]:
    def compute() -> dict[int, frozenset]:
        entry = _entry_facts(unit, caller, active | {caller})
        return run(unit.cfgs[caller], _FactsOnly(), entry, fold=True).states_in
    if active & set(unit.call_graph.predecessors(caller)):
        return run(unit.cfgs[caller], _FactsOnly(), fold=True).states_in  # (not cached: no entry facts in a cycle)
    return unit.shared(("caller_states", caller), compute)


def _call_sites(cfg: CFG, callee: str) -> list[tuple[int, ir.Call]]:
    return [(node_id, call) for node_id in cfg.graph.nodes
            for call in ir.calls_in(cfg.node(node_id).expr) if call.callee == callee]


def _tested_params(unit: Unit, name: str) -> list[int]:
    """Indexes of the parameters the function's branches mention."""
    function, cfg = unit.functions[name], unit.cfgs[name]
    tested_names: set[str] = set()
    for node_id in cfg.graph.nodes:
        node = cfg.node(node_id)
        if node.kind == "branch" and node.expr is not None:
            tested_names.update(e.name for e in ir.walk_expr(node.expr) if isinstance(e, ir.Name) and e.is_param)
    return [i for i, p in enumerate(function.params) if p.name in tested_names]
