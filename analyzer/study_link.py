"""Phase 2 of ``drvlint study``: link every file's function summaries into one call graph of the tree
and propagate "may sleep" to a fixpoint, so that a call into another file is judged by what the callee
really does.

Linking follows C: a static function is known only inside its file; an external name resolves to the
one non-static definition of that name in the tree.  A name defined non-statically in several files
(two modules may each have their own ``foo_probe``) resolves to none of them: guessing would invent
chains.  Propagation is reachability over reversed call edges from the functions that sleep on their
own, breadth first, so each caller keeps the shortest chain down to a sleeping primitive.

The result is a set of extra ``sleeps`` rules per file (phase 3 re-analyses the files that call such a
function from atomic code), each carrying the whole chain with its places in the other files.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from typing import Iterable, Optional

import networkx as nx

SOURCE = "drvlint study: whole-tree summaries"


@dataclass(frozen=True)
class Chain:
    """How a function of the tree may sleep: the calls below it and their places."""

    calls: tuple[str, ...]  # callees from the function down to the sleeping primitive
    steps: tuple[str, ...]  # "path:line:col: message" for each of those calls


class TreeSummaries:
    """The tree's call graph (networkx) and the may-sleep chain of every function that has one."""

    def __init__(self, files: Iterable[tuple[str, dict[str, dict]]], known: frozenset[str] = frozenset()):
        """``known``: APIs the rule packs describe (``sleeps``, ``gfp_call``).  The rules are the contract
        and every caller's own summary already applied them (``usb_submit_urb()`` sleeps only with a gfp
        mask that allows it); a summary of their bodies would turn a path the rules qualify (a root-hub
        URB, a GFP_KERNEL caller) into an unconditional sleep."""
        self.graph = nx.DiGraph()
        self.known = known
        self.summaries = {path: functions for path, functions in files}
        definitions: dict[str, list[str]] = {}
        for path, functions in self.summaries.items():
            for name, facts in functions.items():
                self.graph.add_node(_node(path, name, facts), path=path, function=name)
                if not facts.get("static", True) and name not in known:
                    definitions.setdefault(name, []).append(path)
        self.exported = {name: paths[0] for name, paths in definitions.items() if len(paths) == 1}
        self.ambiguous = {name for name, paths in definitions.items() if len(paths) > 1}
        for path, functions in self.summaries.items():
            for name, facts in functions.items():
                caller = _node(path, name, facts)
                for callee, (line, col) in facts.get("local_calls", {}).items():
                    target = functions.get(callee)
                    if target is not None:
                        self.graph.add_edge(caller, _node(path, callee, target), line=line, col=col, local=True)
                for callee, (line, col) in facts.get("external_calls", {}).items():
                    if callee in self.exported:
                        self.graph.add_edge(caller, callee, line=line, col=col, local=False)
        self.chains = self._propagate()

    def _propagate(self) -> dict[str, Chain]:
        """May-sleep over the tree.  A sleep a file's own analysis found (phase 1) does not travel along
        that file's own call edges again: the callers there were analysed path by path with it, and
        those that call it only on a path their arguments rule out (``rtl_lps_leave(hw, false)``) chose
        not to export a summary.  A sleep learnt across files travels along every edge."""
        chains: dict[str, Chain] = {}
        own_sleepers: set[str] = set()
        queue: deque[str] = deque()
        for node, data in self.graph.nodes(data=True):
            own = self.summaries[data["path"]][data["function"]].get("may_sleep")
            if own:
                steps = tuple(f"{data['path']}:{line}:{col}: {message}" for line, col, message in own["steps"])
                chains[node] = Chain(tuple(own["calls"]), steps)
                own_sleepers.add(node)
                queue.append(node)
        while queue:  # breadth first: every caller gets the shortest chain
            callee = queue.popleft()
            below = chains[callee]
            name = self.graph.nodes[callee]["function"]
            for caller in self.graph.predecessors(callee):
                if caller in chains:
                    continue
                edge = self.graph.edges[caller, callee]
                if edge["local"] and callee in own_sleepers:
                    continue
                path = self.graph.nodes[caller]["path"]
                step = f"{path}:{edge['line']}:{edge['col']}: calls {name}(), which may sleep"
                chains[caller] = Chain((name,) + below.calls, (step,) + below.steps)
                queue.append(caller)
        return chains

    def sleeping(self, name: str) -> Optional[Chain]:
        """The chain of an exported function, by name."""
        return self.chains.get(name) if name in self.exported else None

    def injected_sleeps(self, path: str) -> list[dict]:
        """``sleeps`` rules for the functions of other files that this file calls from code its own
        analysis found reachable from atomic context; empty when phase 3 has nothing to add."""
        wanted: dict[str, Chain] = {}
        for callee in atomic_external_calls(self.summaries.get(path, {}), self.known):
            chain = self.sleeping(callee)
            if chain is not None and self.exported[callee] != path:
                wanted[callee] = chain
        out = []
        for callee in sorted(wanted):
            chain = wanted[callee]
            where = os.path.basename(self.exported[callee])
            via = " -> ".join(f"{c}()" for c in chain.calls)
            out.append({"names": [callee], "why": f"may sleep (defined in {where}: {callee}() -> {via})",
                        "calls": list(chain.calls), "chain": list(chain.steps)})
        return out


def atomic_external_calls(functions: dict[str, dict], known: frozenset[str]) -> set[str]:
    """Functions of other files (not APIs the rules describe) that this file calls from code its own
    analysis found reachable from atomic context: the only calls the whole-tree pass can judge anew."""
    return {callee for facts in functions.values() if facts.get("atomic_reach")
            for callee in facts.get("external_calls", {}) if callee not in known}


def _node(path: str, name: str, facts: dict) -> str:
    return f"{path}::{name}" if facts.get("static", True) else name
