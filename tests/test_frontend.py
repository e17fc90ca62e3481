"""The C front end: names as written through macros, __user from declarations, annotations, constants."""
from __future__ import annotations

import pytest

from drvlint import ir
from drvlint.compilation import CompileOptions, setup_for
from drvlint.parse_c import parse_file

from conftest import require_kernel

DRIVER = r"""
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/errno.h>

struct foo { spinlock_t lock; struct mutex m; int state; };
enum foo_mode { FOO_OFF, FOO_ON = 7 };

static long foo_ioctl(struct foo *f, unsigned int cmd, void __user *argp)
{
	unsigned long flags;
	int __user *p = argp;
	int v;

	spin_lock_irqsave(&f->lock, flags);
	f->state = FOO_ON;
	spin_unlock_irqrestore(&f->lock, flags);
	if (get_user(v, p))
		return -EFAULT;
	return 0;
}

static void foo_drop(struct foo *f) __releases(&f->lock)
{
	spin_unlock(&f->lock);
}
"""


def _functions(tmp_path, builtin: bool):
    path = tmp_path / "drv.c"
    path.write_text(DRIVER)
    setup = setup_for(path, CompileOptions(builtin_headers=builtin), {})
    tu = parse_file(path, setup)
    assert not [d for d in tu.diagnostics if d.severity == "error"], tu.diagnostics[:3]
    return {f.name: f for f in tu.functions}


def _calls(function):
    out = []

    def visit(stmt):
        if isinstance(stmt, ir.Compound):
            for s in stmt.body:
                visit(s)
        elif isinstance(stmt, ir.ExprStmt):
            out.extend(ir.calls_in(stmt.expr))
        elif isinstance(stmt, ir.If):
            out.extend(ir.calls_in(stmt.cond))
            visit(stmt.then)
        elif isinstance(stmt, ir.DoWhile):
            visit(stmt.body)
        elif isinstance(stmt, ir.Return) and stmt.value is not None:
            out.extend(ir.calls_in(stmt.value))
        elif isinstance(stmt, ir.DeclStmt):
            for d in stmt.decls:
                if d.init is not None:
                    out.extend(ir.calls_in(d.init))
    visit(function.body)
    return out


@pytest.mark.parametrize("builtin", [True, False], ids=["builtin", "kernel"])
def test_written_names_user_and_annotations(tmp_path, builtin):
    if not builtin:
        require_kernel()
    functions = _functions(tmp_path, builtin)
    ioctl = functions["foo_ioctl"]
    written = [c.written for c in _calls(ioctl) if c.written]
    assert "spin_lock_irqsave" in written
    assert "spin_unlock_irqrestore" in written
    assert written.count("spin_lock_irqsave") == 1, written
    lock_call = next(c for c in _calls(ioctl) if c.written == "spin_lock_irqsave")
    assert lock_call.loc.line == DRIVER[:DRIVER.index("spin_lock_irqsave(")].count("\n") + 1
    assert [p.name for p in ioctl.params if p.user] == ["argp"]
    assert ioctl.return_kind == "int"
    drop = functions["foo_drop"]
    assert [(a.kind, ir.expr_key(a.lock)) for a in drop.annotations] == [("__releases", "&f->lock")]
    assert drop.return_kind == "void"


def test_enum_constants_and_negative_errno(tmp_path):
    functions = _functions(tmp_path, True)
    body = functions["foo_ioctl"].body.body
    assign = next(s for s in body if isinstance(s, ir.ExprStmt) and isinstance(s.expr, ir.Binary)
                  and s.expr.op == "=")
    assert isinstance(assign.expr.rhs, ir.Const) and assign.expr.rhs.value == 7
    returns = [s for s in body if isinstance(s, ir.Return)]
    assert isinstance(returns[-1].value, ir.Const) and returns[-1].value.value == 0


def test_user_local_declaration(tmp_path):
    functions = _functions(tmp_path, True)
    decls = [d for s in functions["foo_ioctl"].body.body if isinstance(s, ir.DeclStmt) for d in s.decls]
    assert {d.name: d.user for d in decls} == {"flags": False, "p": True, "v": False}


def test_a_logging_macro_statement_is_its_call_not_its_expansion(tmp_path):
    from drvlint.compilation import CompileSetup
    from drvlint.flow_rules import FlowRules
    from drvlint.rules import load_rules
    path = tmp_path / "log.c"
    path.write_text("""
struct skb { int len; };
int printk(const char *fmt, ...);
extern int debug_on;
#define netdev_dbg(dev, fmt, ...) do { if (debug_on) printk(fmt, ##__VA_ARGS__); } while (0)
void rx(struct skb *skb, int dev)
{
	netdev_dbg(dev, "len %d\\n", skb->len);
}
""")
    plain = CompileSetup("plain", ["-std=gnu11"], "plain C")
    logs = FlowRules.from_rules(load_rules()).log_macros
    assert "netdev_dbg" in logs
    (kept,) = parse_file(path, plain, log_names=logs).functions
    (stmt,) = kept.body.body
    assert isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Call) and stmt.expr.callee == "netdev_dbg"
    assert any(isinstance(a, ir.Member) and a.arrow for a in stmt.expr.args)  # skb->len still dereferences skb
    (expanded,) = parse_file(path, plain).functions
    assert isinstance(expanded.body.body[0], ir.DoWhile)  # without the rule: the do-while it expands to


def test_a_logging_statement_expansion_is_never_indexed_but_a_logging_value_is(tmp_path):
    """The walk skips the expansion of a logging statement (a quarter of drivers/net/usb's cursors) and
    converts the statement to its call; the same macro used for its value (a statement expression in
    an initialiser) is still walked as the expression it is."""
    from drvlint import clang_api as capi
    from drvlint.compilation import CompileSetup
    from drvlint.frontend_c import FunctionWalker
    from drvlint.parse_c import index
    path = tmp_path / "logvalue.c"
    source = b"""
int printk(const char *fmt, ...);
extern int debug_on;
#define net_dbg_ratelimited(fmt, ...) ({ if (debug_on) printk(fmt, ##__VA_ARGS__); 0; })
int rx(int len)
{
	int r = net_dbg_ratelimited("value %d\\n", len);
	net_dbg_ratelimited("statement %d\\n", len);
	return r;
}
"""
    path.write_bytes(source)
    logs = frozenset({"net_dbg_ratelimited"})
    plain = CompileSetup("plain", ["-std=gnu11"], "plain C")
    (function,) = parse_file(path, plain, log_names=logs).functions
    declaration, statement, _ = function.body.body
    assert isinstance(declaration.decls[0].init, ir.StmtExpr)
    assert isinstance(statement, ir.ExprStmt) and statement.expr.callee == "net_dbg_ratelimited"
    tu = index().parse(str(path), args=plain.args)
    (cursor,) = [c for c in tu.cursor.get_children() if c.spelling == "rx"]

    def indexed(log_names: frozenset[str]) -> int:
        walker = FunctionWalker(source, capi.main_file_handle(tu), capi.MainFile(tu, source), {}, {},
                                log_names=log_names)
        walker.index_children(cursor)
        return sum(len(kids) for kids in walker.children.values())
    everything, pruned = indexed(frozenset()), indexed(logs)
    assert pruned < everything and everything - pruned >= 6  # (if, call, arguments, constant: not visited)


@pytest.mark.parametrize("builtin", [True, False], ids=["builtin", "kernel"])
def test_the_main_file_test_by_location_range_agrees_with_libclang(tmp_path, builtin):
    """The main file's declarations found with the raw-location shortcut must be those
    ``clang_Location_isFromMainFile`` accepts among all top-level ones: the file's own, not the headers',
    nor those whose name a macro spells (libclang places them in the expansion, not the file)."""
    if not builtin:
        require_kernel()
    from clang.cindex import CursorKind

    from drvlint import clang_api as capi
    from drvlint.frontend_c import main_file_declarations
    path, tu = _parsed_driver(tmp_path, builtin)
    main = capi.MainFile(tu, path.read_bytes())
    assert main.range is not None
    declarations = [c for c in tu.cursor.get_children() if c.kind in (CursorKind.FUNCTION_DECL, CursorKind.VAR_DECL)]
    theirs = [c for c in declarations
              if capi.lib().clang_Location_isFromMainFile(capi.lib().clang_getCursorLocation(c))]
    assert main_file_declarations(tu, main) == theirs
    assert {"foo_ioctl", "counter", "more"} <= {c.spelling for c in theirs} and len(declarations) - len(theirs) > 20


@pytest.mark.parametrize("builtin", [True, False], ids=["builtin", "kernel"])
def test_positions_from_raw_locations_agree_with_libclang(tmp_path, builtin):
    """Offsets, lines and columns computed from a raw location must be libclang's own for every cursor
    of every function body; macro locations are left to libclang (no answer)."""
    if not builtin:
        require_kernel()
    from drvlint import clang_api as capi
    from drvlint.frontend_c import main_file_declarations
    path, tu = _parsed_driver(tmp_path, builtin)
    main = capi.MainFile(tu, path.read_bytes())
    handle = capi.main_file_handle(tu)
    placed = macro = 0
    for top in main_file_declarations(tu, main):
        if not top.is_definition():
            continue
        for cursor in top.walk_preorder():
            begin, end = main.extent(cursor)
            for raw, location in ((begin, cursor.extent.start), (end, cursor.extent.end)):
                assert raw == location.int_data
                file_handle, line, col, offset = capi.file_offset(location)
                mine = main.place(raw)
                if mine is None:
                    macro += 1
                    assert raw & capi.MACRO_LOCATION or file_handle != handle
                    continue
                placed += 1
                assert file_handle == handle and mine == (offset, line, col)
    assert placed > 100 and macro > 5


def _parsed_driver(tmp_path, builtin: bool):
    """The test driver with macros that make functions, parsed with builtin or kernel headers."""
    import clang.cindex as ci

    from drvlint.parse_c import index
    path = tmp_path / "drv.c"
    path.write_text(DRIVER + "\n#define MAKE_GETTER(n) static int get_##n(struct foo *f) { return f->state; }\n"
                             "MAKE_GETTER(state)\nstatic int counter = 3;\n"
                             "#define MAKE_FUNCTION(name) static int name(struct foo *f) { return f->state; }\n"
                             "MAKE_FUNCTION(get_plain)\n"
                             "#define FIELD(f) ((f)->state + 1)\nstatic int more(struct foo *f)\n{\n"
                             "\tint\tv = FIELD(f);\n\treturn v + counter;\n}\n")
    setup = setup_for(path, CompileOptions(builtin_headers=builtin), {})
    tu = index().parse(str(path), args=setup.args, unsaved_files=setup.unsaved or None,
                       options=ci.TranslationUnit.PARSE_NONE)
    return path, tu

LITERALS = r"""
#define BIG 0xFFFFFFFFFFFFFFFFULL
struct pair { int a; union { int b; }; };
static long literals(struct pair *p)
{
	long v = 0 + 7 + 0755 + 0x1F + 0Xa0u + 0b101 + 10UL + 4294967295u + 9223372036854775807LL;
	unsigned long long w = 0xFFFFFFFFFFFFFFFFULL + 18446744073709551615ULL + BIG + 'a' + '\n';
	return v + (long)w + p->a + p->b + (p + 1)->a;
}
"""


def test_literals_read_from_text_and_references_agree_with_libclang(tmp_path):
    """An integer literal's value is read from its text, and a reference's target is fetched without the
    bindings' null test: both must give libclang's own answers (64-bit wrap, octal, binary, macros)."""
    import clang.cindex as ci

    from drvlint import clang_api as capi
    from drvlint.frontend_c import INT_LITERAL, _literal_value
    from drvlint.parse_c import index
    path = tmp_path / "lit.c"
    path.write_text(LITERALS)
    source = path.read_bytes()
    tu = index().parse(str(path), args=["-x", "c"], options=ci.TranslationUnit.PARSE_NONE)
    main = capi.MainFile(tu, source)
    read = evaluated = references = 0
    for cursor in tu.cursor.walk_preorder():
        if cursor.kind == ci.CursorKind.INTEGER_LITERAL:
            offset = main.location_offset(cursor)
            match = INT_LITERAL.match(source, offset) if offset is not None else None
            if match is not None:
                read += 1
                assert _literal_value(match) == capi.evaluate_int(cursor), match.group()
            else:
                evaluated += 1
        mine, theirs = capi.referenced(cursor), cursor.referenced
        assert (mine is None) == (theirs is None)
        if mine is not None:
            references += 1
            assert mine == theirs and mine.spelling == theirs.spelling and mine._tu is cursor._tu
    assert read >= 10 and evaluated >= 1 and references >= 8
