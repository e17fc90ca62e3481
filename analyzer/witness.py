"""The branches a reported path takes, as finding steps: shared by checkers that explain "from here to
there, on paths where X still holds" (a lock taken at one line and still held at a return)."""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Optional

from . import ir
from .cfg import CFG
from .findings import Step


def branch_steps(cfg: CFG, starts: Iterable[int], target: int, follow: Callable[[int, int], bool]) -> list[Step]:
    """The branch outcomes on the shortest path from one of ``starts`` to ``target`` through edges
    ``follow(src, dst)`` allows; [] when there is none."""
    graph = cfg.graph
    parent: dict[int, Optional[int]] = {n: None for n in starts}
    queue = deque(parent)
    while queue:
        current = queue.popleft()
        if current == target:
            break
        for succ in graph.successors(current):
            if succ not in parent and follow(current, succ):
                parent[succ] = current
                queue.append(succ)
    if target not in parent:
        return []
    steps: list[Step] = []
    node = target
    while parent[node] is not None:
        prev = parent[node]
        edge = graph.edges[prev, node]["edge"]
        if edge.cond is not None:
            src = cfg.node(prev)
            text = ir.expr_key(edge.cond)
            if edge.cases is None:
                what = f"'{text}' is {'true' if edge.truth else 'false'}"
            elif edge.cases:
                what = f"switch takes case {edge.cases[0][0]}"
            else:
                what = "switch takes the default case"
            steps.append(Step(src.loc.line, src.loc.col, what))
        node = prev
    return list(reversed(steps))
