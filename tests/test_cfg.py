"""CFG shapes for the C constructs drivers use: the engine's correctness rests on these."""
from __future__ import annotations

import networkx as nx

from drvlint import ir
from drvlint.cfg import build_cfg
from drvlint.compilation import CompileSetup
from drvlint.parse_c import parse_file

PLAIN = CompileSetup("plain", ["-std=gnu11", "-ferror-limit=0"], "plain C")
PROTOS = "void a(void); void b(void); void c(void); int g(void); int h(int);\n"


def cfg_of(tmp_path, code: str, name: str = "f"):
    path = tmp_path / "cfg.c"
    path.write_text(PROTOS + code)
    tu = parse_file(path, PLAIN)
    assert not [d for d in tu.diagnostics if d.severity == "error"], tu.diagnostics
    function = next(f for f in tu.functions if f.name == name)
    return build_cfg(function)


def kinds(cfg, kind):
    return [n for n in cfg.graph.nodes if cfg.node(n).kind == kind]


def called(cfg, node_id):
    expr = cfg.node(node_id).expr
    return [c.callee for c in ir.calls_in(expr)] if expr is not None else []


def node_calling(cfg, name):
    return next(n for n in cfg.graph.nodes if name in called(cfg, n))


def test_if_else_branch_edges(tmp_path):
    cfg = cfg_of(tmp_path, "int f(int x) { if (x) a(); else b(); return 0; }")
    (branch,) = kinds(cfg, "branch")
    edges = {cfg.edge(branch, s).truth: s for s in cfg.graph.successors(branch)}
    assert set(edges) == {True, False}
    assert "a" in called(cfg, edges[True]) and "b" in called(cfg, edges[False])
    assert ir.expr_key(cfg.edge(branch, edges[True]).cond) == "x"
    assert len(kinds(cfg, "return")) == 1


def test_short_circuit_and_or(tmp_path):
    cfg = cfg_of(tmp_path, "void f(int x) { if (x && g()) a(); if (x || g()) b(); }")
    branches = kinds(cfg, "branch")
    assert len(branches) == 4
    first, second = sorted(branches)[:2]
    # `x && g()`: false from either test skips a()
    a_node = node_calling(cfg, "a")
    assert cfg.graph.has_edge(second, a_node) and cfg.edge(second, a_node).truth
    assert not cfg.graph.has_edge(first, a_node)
    false_targets = {s for s in cfg.graph.successors(first) if not cfg.edge(first, s).truth}
    assert false_targets & set(cfg.graph.successors(second))


def test_negation_swaps_edges(tmp_path):
    cfg = cfg_of(tmp_path, "void f(int x) { if (!x) a(); }")
    (branch,) = kinds(cfg, "branch")
    a_node = node_calling(cfg, "a")
    edge = cfg.edge(branch, a_node)
    assert ir.expr_key(edge.cond) == "x" and edge.truth is False


def test_switch_cases_fallthrough_and_default(tmp_path):
    cfg = cfg_of(tmp_path, """
int f(int x) {
    switch (x) {
    case 1: a();
    case 2: b(); break;
    case 5 ... 7: c(); break;
    default: return -1;
    }
    return 0;
}""")
    (switch,) = kinds(cfg, "switch")
    cases = sorted(cfg.edge(switch, s).cases for s in cfg.graph.successors(switch))
    assert cases == [(), ((1, 1),), ((2, 2),), ((5, 7),)]
    default = next(s for s in cfg.graph.successors(switch) if cfg.edge(switch, s).cases == ())
    assert cfg.edge(switch, default).not_cases == ((1, 1), (2, 2), (5, 7))
    # fall-through: the node calling a() flows into case 2's label
    a_node, b_node = node_calling(cfg, "a"), node_calling(cfg, "b")
    assert nx.has_path(cfg.graph, a_node, b_node)
    assert len(kinds(cfg, "return")) == 2


def test_switch_without_default_has_exit_edge(tmp_path):
    cfg = cfg_of(tmp_path, "void f(int x) { switch (x) { case 3: a(); break; } b(); }")
    (switch,) = kinds(cfg, "switch")
    default = [s for s in cfg.graph.successors(switch) if cfg.edge(switch, s).cases == ()]
    assert len(default) == 1 and cfg.edge(switch, default[0]).not_cases == ((3, 3),)


def test_loops_break_continue(tmp_path):
    cfg = cfg_of(tmp_path, """
void f(int n) {
    for (int i = 0; i < n; i++) {
        if (g()) continue;
        if (h(i)) break;
        a();
    }
    while (g()) b();
    c();
}""")
    cycles = list(nx.simple_cycles(cfg.graph))
    assert len(cycles) >= 2
    a_node, c_node = node_calling(cfg, "a"), node_calling(cfg, "c")
    assert any(a_node in cyc for cyc in cycles)
    assert not any(c_node in cyc for cyc in cycles)
    assert nx.has_path(cfg.graph, node_calling(cfg, "h"), c_node)


def test_do_while_zero_has_no_back_edge(tmp_path):
    cfg = cfg_of(tmp_path, "void f(void) { do { a(); } while (0); b(); }")
    assert list(nx.simple_cycles(cfg.graph)) == []
    assert nx.has_path(cfg.graph, node_calling(cfg, "a"), node_calling(cfg, "b"))


def test_do_while_loop_has_back_edge(tmp_path):
    cfg = cfg_of(tmp_path, "void f(void) { do { a(); } while (g()); }")
    assert len(list(nx.simple_cycles(cfg.graph))) == 1


def test_goto_and_labels(tmp_path):
    cfg = cfg_of(tmp_path, """
int f(int x) {
    if (x) goto out;
    a();
out:
    b();
    return 0;
}""")
    (branch,) = kinds(cfg, "branch")
    label = next(n for n in cfg.graph.nodes if cfg.node(n).label == "out")
    assert cfg.graph.has_edge(branch, label) and cfg.edge(branch, label).truth is True


def test_conditional_operator_in_condition(tmp_path):
    cfg = cfg_of(tmp_path, "void f(int x, int y) { if (x ? y : g()) a(); }")
    assert len(kinds(cfg, "branch")) == 3


def test_statement_expression_lowered_in_order(tmp_path):
    cfg = cfg_of(tmp_path, "int f(void) { int v = ({ int t = g(); t + 1; }); return v; }")
    g_node = node_calling(cfg, "g")
    (ret,) = kinds(cfg, "return")
    assert nx.has_path(cfg.graph, g_node, ret)
    decl = next(n for n in cfg.graph.nodes if cfg.node(n).expr is not None
                and ir.expr_key(cfg.node(n).expr).startswith("v ="))
    assert nx.has_path(cfg.graph, g_node, decl)


def test_conditional_value_with_calls_is_split(tmp_path):
    cfg = cfg_of(tmp_path, "int f(int x) { int v = x ? g() : h(1); return v; }")
    assert len(kinds(cfg, "branch")) == 1
    g_node, h_node = node_calling(cfg, "g"), node_calling(cfg, "h")
    assert not nx.has_path(cfg.graph, g_node, h_node) and not nx.has_path(cfg.graph, h_node, g_node)


def test_implicit_return_at_end_of_void_function(tmp_path):
    cfg = cfg_of(tmp_path, "void f(int x) { if (x) return; a(); }")
    returns = kinds(cfg, "return")
    assert len(returns) == 2
    assert sum(cfg.node(r).implicit for r in returns) == 1
    assert all(cfg.graph.has_edge(r, cfg.exit) for r in returns)


def test_unreachable_code_after_return_is_not_connected(tmp_path):
    cfg = cfg_of(tmp_path, "int f(void) { return 1; a(); }")
    a_node = node_calling(cfg, "a") if any("a" in called(cfg, n) for n in cfg.graph.nodes) else None
    assert a_node is None or not nx.has_path(cfg.graph, cfg.entry, a_node)


def test_local_labels_of_two_macro_expansions_stay_apart(tmp_path):
    # two expansions of a wait_event()-style macro, each with its own __label__ out
    macro = "({ __label__ out; int r = 0; if (g()) { r = -1; goto out; } a(); out: r; })"
    cfg = cfg_of(tmp_path, f"int f(void) {{ int x = {macro}; b(); int y = {macro}; return x + y; }}")
    first_out, second_out = sorted(n for n in cfg.graph.nodes if cfg.node(n).label == "out")
    b_node = node_calling(cfg, "b")
    assert nx.has_path(cfg.graph, first_out, b_node)
    assert not nx.has_path(cfg.graph, second_out, b_node)
    first_goto_branch = min(kinds(cfg, "branch"))
    assert nx.has_path(cfg.graph, first_goto_branch, first_out)


def test_noreturn_calls_end_paths(tmp_path):
    from drvlint.flow_rules import FlowRules
    from drvlint.rules import load_rules
    flow = FlowRules.from_rules(load_rules())
    path = tmp_path / "nr.c"
    path.write_text(PROTOS + "void BUG_ON(int c); void panic(const char *m);\n"
                    "int f(int x) { BUG_ON(x > 3); a(); if (x) { panic(\"no\"); b(); } return 0; }")
    tu = parse_file(path, PLAIN)
    cfg = build_cfg(tu.functions[0], flow)
    assert len(kinds(cfg, "return")) == 1
    assert not any("b" in called(cfg, n) for n in cfg.graph.nodes if nx.has_path(cfg.graph, cfg.entry, n))
    (bug_branch, _) = sorted(kinds(cfg, "branch"))
    edges = {cfg.edge(bug_branch, s).truth for s in cfg.graph.successors(bug_branch)}
    assert edges == {False}  # BUG_ON(x > 3): only x <= 3 goes on
