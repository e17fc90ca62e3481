"""Return classification shared by checkers: is this return a success, an error, or an exempt
"interrupted, retry" path?  Comparing returns of the same kind is what keeps path checkers quiet on
conditional-acquire helpers and error paths that are supposed to differ."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import ir
from .cfg import CfgNode
from .dataflow import PathState

EXEMPT_ERRNOS = {4, 512}  # EINTR, ERESTARTSYS: "interrupted, retry" returns may keep any lock state
ERR_PTR_MAKERS = {"ERR_PTR", "ERR_CAST"}


@dataclass
class ReturnState:
    node_id: int
    line: int
    cls: str  # success | error | exempt | unknown
    value: Optional[int]
    state: PathState


def classify_return(function: ir.Function, node_id: int, node: CfgNode, state: PathState) -> ReturnState:
    """Classify one return on one path from its value (and what the path knows about it)."""
    line = node.loc.line
    kind = function.return_kind
    if node.expr is None or kind == "void":
        return ReturnState(node_id, line, "success", None, state)
    expr = ir.strip(node.expr)
    if isinstance(expr, ir.Call) and set(expr.names) & ERR_PTR_MAKERS:
        return ReturnState(node_id, line, "error", None, state)
    rng = state.range_of(expr, node_id)
    value = rng.value
    if value is not None and -value in EXEMPT_ERRNOS:
        return ReturnState(node_id, line, "exempt", value, state)
    if kind in ("pointer", "bool"):
        cls = "error" if value == 0 else "success" if rng.nonzero else "unknown"
    elif value is not None:
        cls = "success" if value >= 0 else "error"
    elif rng.negative:
        cls = "error"
    elif rng.lo is not None and rng.lo >= 0:
        cls = "success"
    elif rng.nonzero:
        cls = "error"
    else:
        cls = "unknown"
    return ReturnState(node_id, line, cls, value, state)
