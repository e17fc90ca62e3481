"""Per-function summaries for a whole-tree study (phase 1 of ``drvlint study``).

A file's analysis sees only its own functions; a driver's sleep chain often crosses files (a driver
calls ``usbnet_read_cmd()``, defined in usbnet.c, which calls ``usb_control_msg()``).  So in a study every
file also leaves a summary of each of its functions: what the front end knows (linkage, the calls it
makes, the ops-table fields it is stored in) and what the checkers learnt while they ran (may sleep, with
the chain; lock effects; returns NULL or an ERR_PTR; parameters dereferenced).  Phase 2 (study_link.py)
links the summaries of the whole tree.
"""
from __future__ import annotations

from . import ir
from .unit import Unit

# Kinds a checker may add (documented here so the database has one vocabulary):
#   may_sleep:    {"calls": [f, g, primitive], "steps": [[line, col, message], ...]}  (unconditional only)
#   atomic_reach: true  -- the function runs in, or is called from, atomic code of its own file
#   locks:        [[action, lock expression over the parameters, kind(, {parameter: [lo, hi, [not]]})], ...]
#                 (the last item when the parameters decide the effect: lo/hi None when unbounded)
#   returns:      "null" | "err" | "both"
#   derefs:       [parameter indexes dereferenced without a NULL check]


def front_end_summaries(unit: Unit) -> dict[str, dict[str, object]]:
    """Linkage, calls (same-file and external, with their lines) and callback registrations."""
    out: dict[str, dict[str, object]] = {}
    for name, function in unit.functions.items():
        local: dict[str, list[int]] = {}
        external: dict[str, list[int]] = {}
        cfg = unit.cfgs[name]
        for node_id in cfg.graph.nodes:
            expr = cfg.node(node_id).expr
            if expr is None:
                continue
            for call in ir.calls_in(expr):
                callee = call.callee
                if callee is None:
                    continue
                calls = local if callee in unit.functions else external
                calls.setdefault(callee, [call.loc.line, call.loc.col])
        out[name] = {"static": function.is_static, "line": function.loc.line,
                     "local_calls": local, "external_calls": external}
    for init in unit.tu.field_inits:
        if init.function in out:
            fields = out[init.function].setdefault("callback_of", [])
            slot = f"{init.record}.{init.field}" if init.record else init.field
            if slot not in fields:
                fields.append(slot)
    return out


def collect(unit: Unit) -> dict[str, dict[str, object]]:
    """The front end's facts merged with what the checkers recorded on the unit."""
    out = front_end_summaries(unit)
    for name, facts in unit.summaries.items():
        out.setdefault(name, {}).update(facts)
    return out
