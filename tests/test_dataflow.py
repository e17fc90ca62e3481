"""The dataflow engine: branch refinement, value tracking through variables, infeasible paths, summaries.

Exercised through the lock tracker on self-contained snippets (prototypes declared in the snippet)."""
from __future__ import annotations

from drvlint import ir
from drvlint.checkers.lock_imbalance import LockImbalanceChecker
from drvlint.compilation import CompileSetup
from drvlint.dataflow import PathState, Range, refine
from drvlint.parse_c import parse_file
from drvlint.rules import load_rules
from drvlint.unit import Unit

PLAIN = CompileSetup("plain", ["-std=gnu11", "-ferror-limit=0"], "plain C")
PRELUDE = """
typedef struct { int x; } spinlock_t;
struct mutex { int x; };
void spin_lock(spinlock_t *l); void spin_unlock(spinlock_t *l); int spin_trylock(spinlock_t *l);
void mutex_lock(struct mutex *m); void mutex_unlock(struct mutex *m);
int mutex_lock_interruptible(struct mutex *m);
int work(void); void io(void);
struct dev { spinlock_t lock; struct mutex m; int flags; int busy; };
"""


def findings(tmp_path, code):
    path = tmp_path / "df.c"
    path.write_text(PRELUDE + code)
    tu = parse_file(path, PLAIN)
    assert not [d for d in tu.diagnostics if d.severity == "error"], tu.diagnostics
    offset = PRELUDE.count("\n")
    return sorted((f.line - offset, f.message) for f in LockImbalanceChecker(load_rules()).check(Unit(tu)))


def lines(tmp_path, code):
    return [line for line, _ in findings(tmp_path, code)]


def test_flag_correlated_locking_is_feasible_only_together(tmp_path):
    assert lines(tmp_path, """
void f(struct dev *d, int need) {
    if (need) spin_lock(&d->lock);
    io();
    if (need) spin_unlock(&d->lock);
}""") == []


def test_field_tested_twice_and_reassigned_between(tmp_path):
    code = """
void f(struct dev *d) {
    if (d->busy) spin_lock(&d->lock);
    %s
    if (d->busy) spin_unlock(&d->lock);
}"""
    assert lines(tmp_path, code % "io();") == []
    # once the field is written between the tests, the correlation is gone
    assert lines(tmp_path, code % "d->busy = work();") == [5, 6]


def test_trylock_result_through_variable(tmp_path):
    assert lines(tmp_path, """
int f(struct dev *d) {
    int got = spin_trylock(&d->lock);
    if (!got)
        return -16;
    io();
    spin_unlock(&d->lock);
    return 0;
}""") == []


def test_interruptible_result_compared_with_zero(tmp_path):
    assert lines(tmp_path, """
int f(struct dev *d) {
    int ret = mutex_lock_interruptible(&d->m);
    if (ret != 0)
        return ret;
    io();
    mutex_unlock(&d->m);
    return 0;
}""") == []


def test_eintr_return_is_exempt_but_other_errors_are_not(tmp_path):
    code = """
int f(struct dev *d) {
    mutex_lock(&d->m);
    if (work())
        return %s;
    mutex_unlock(&d->m);
    return 0;
}"""
    assert lines(tmp_path, code % "-4") == []
    assert lines(tmp_path, code % "-12") == [5]


def test_success_held_error_released_is_a_conditional_helper(tmp_path):
    assert lines(tmp_path, """
int f(struct dev *d) {
    mutex_lock(&d->m);
    if (work()) {
        mutex_unlock(&d->m);
        return -5;
    }
    return 0;
}""") == []


def test_summary_of_conditional_helper_applies_at_call_sites(tmp_path):
    assert lines(tmp_path, """
static int grab(struct dev *d) {
    mutex_lock(&d->m);
    if (d->busy) { mutex_unlock(&d->m); return -16; }
    return 0;
}
int user(struct dev *x) {
    int err = grab(x);
    if (err)
        return err;
    io();
    mutex_unlock(&x->m);
    return 0;
}""") == []


def test_double_lock_through_helper_summary(tmp_path):
    got = findings(tmp_path, """
static void take(struct dev *d) { spin_lock(&d->lock); }
void user(struct dev *x) {
    spin_lock(&x->lock);
    take(x);
    spin_unlock(&x->lock);
}""")
    assert [line for line, _ in got] == [5]
    assert "already held" in got[0][1]


def test_switch_value_refinement(tmp_path):
    assert lines(tmp_path, """
void f(struct dev *d, int mode) {
    if (mode == 2) spin_lock(&d->lock);
    switch (mode) {
    case 2: spin_unlock(&d->lock); break;
    default: break;
    }
}""") == []


def test_refine_primitives():
    state = PathState(frozenset(), {}, {})
    x = ir.Name("x", is_local=True)
    neg = refine(state, ir.Binary("<", x, ir.Const(0)), True)
    assert neg.range_of(x).negative
    assert refine(neg, ir.Binary("==", x, ir.Const(0)), True) is None
    assert refine(neg, x, False) is None
    zero = refine(state, ir.Unary("!", x), True)
    assert zero.range_of(x).value == 0
    assert Range(lo=1).meet(Range(hi=0)).empty


def test_loop_converges(tmp_path):
    assert lines(tmp_path, """
void f(struct dev *d, int n) {
    int i;
    spin_lock(&d->lock);
    for (i = 0; i < n; i++) {
        spin_unlock(&d->lock);
        io();
        spin_lock(&d->lock);
    }
    spin_unlock(&d->lock);
}""") == []


def test_lock_handed_to_a_callback_is_not_a_leak(tmp_path):
    code = """
struct urb_ctx { struct dev *d; };
void up_from_callback(struct dev *d) { mutex_unlock(&d->m); }
int start(struct dev *d) {
    mutex_lock(&d->m);
    if (d->busy)
        return 1;
    %s
    mutex_unlock(&d->m);
    return 0;
}"""
    # a function nobody here calls (a completion callback) releases the mutex without taking it
    assert lines(tmp_path, code % "") == []
    # the same leak without the callback is reported
    assert lines(tmp_path, code.replace("void up_from_callback(struct dev *d) { mutex_unlock(&d->m); }", "")
                 % "") == [7]


def test_lock_whose_address_is_stored_is_handed_off(tmp_path):
    assert lines(tmp_path, """
struct txn { struct mutex *done; };
int submit(struct txn *t);
int xfer(struct dev *d, struct txn *t) {
    mutex_lock(&d->m);
    t->done = &d->m;
    if (submit(t))
        return 0;
    mutex_unlock(&d->m);
    return 0;
}""") == []


def test_pure_accessor_calls_correlate_like_fields(tmp_path):
    code = """
static inline int is_fast(struct dev *d) { return d->flags == 3; }
%s
void f(struct dev *d) {
    if (!is_fast(d)) mutex_lock(&d->m);
    io();
    if (!is_fast(d)) mutex_unlock(&d->m);
}"""
    assert lines(tmp_path, code % "") == []
    # a callee that does more than compute from its arguments is not a fact
    impure = code.replace("return d->flags == 3;", "return work() == 3;")
    assert lines(tmp_path, impure % "") == [7, 8]


def test_boolean_assignment_remembers_the_test(tmp_path):
    assert lines(tmp_path, """
int f(struct dev *d) {
    int locked = spin_trylock(&d->lock) != 0;
    io();
    if (!locked)
        return -16;
    spin_unlock(&d->lock);
    return 0;
}""") == []


def test_pure_call_tests_agree_until_their_state_is_written(c_source):
    """test_bit() is a pure_call: two tests of the same bit agree (no imbalance), unless set_bit() on
    the same word comes between them; in both header modes."""
    from conftest import analyze, kernel_available

    body = """#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/bitops.h>
struct p { spinlock_t l; unsigned long flags; int v; };
void agree(struct p *p)
{
	if (test_bit(0, &p->flags))
		spin_lock(&p->l);
	p->v++;
	if (test_bit(0, &p->flags))
		spin_unlock(&p->l);
}
void written(struct p *p)
{
	if (test_bit(0, &p->flags))
		spin_lock(&p->l);
	set_bit(0, &p->flags);
	if (test_bit(0, &p->flags))
		spin_unlock(&p->l);
}
"""
    path = c_source(body)
    for builtin in (True, False) if kernel_available() else (True,):
        found = {f.function for f in analyze(path, builtin=builtin).findings if f.rule_id == "lock-imbalance"}
        assert found == {"written"}, (builtin, found)


def test_merged_states_keep_the_hull_of_what_each_path_knew():
    from drvlint.dataflow import _join, exact, hull
    assert hull(Range(hi=-1), exact(1)) == Range(None, 1, frozenset({0}))
    assert hull(exact(0), exact(3)) == Range(0, 3)
    failed = PathState("free", {"$c7": Range(hi=-1)}, {"locked": "$c7"})
    idle = PathState("free", {"$v9.0": exact(1)}, {"locked": "$v9.0"})
    merged = _join([failed, idle])
    locked = ir.Name("locked", is_local=True)
    assert merged.range_of(locked).nonzero  # `if (locked) continue;` stays decided after the merge
    assert refine(merged, locked, False) is None


def test_a_test_under_a_wider_mask_decides_its_bits():
    flags = ir.Name("flags", is_param=True)
    wide = ir.Binary("&", flags, ir.Const(3))
    state = refine(PathState(frozenset(), {}, {}), wide, False)  # WARN_ON(flags & (A | B)) assumed false
    assert state.range_of(ir.Binary("&", flags, ir.Const(1))).value == 0
    assert refine(state, ir.Binary("&", flags, ir.Const(2)), True) is None
    assert state.range_of(ir.Binary("&", flags, ir.Const(4))).value is None  # a bit outside the mask
    some = refine(PathState(frozenset(), {}, {}), ir.Binary("&", flags, ir.Const(1)), True)
    assert some.range_of(ir.Binary("&", flags, ir.Const(3))).nonzero


def test_the_bh_state_a_lock_call_takes_is_reported_with_its_lock_not_again(tmp_path):
    got = findings(tmp_path, """
void spin_lock_bh(spinlock_t *l); void spin_unlock_bh(spinlock_t *l); void local_bh_enable(void);
void twice(struct dev *d, int again) {
    spin_lock_bh(&d->lock);
    if (again)
        spin_lock_bh(&d->lock);
    spin_unlock_bh(&d->lock);
}
int left_off(struct dev *d) {
    spin_lock_bh(&d->lock);
    if (d->busy) {
        spin_unlock(&d->lock);
        return -16;
    }
    spin_unlock(&d->lock);
    local_bh_enable();
    return 0;
}""")
    # the double lock only (not the bottom halves it left disabled at the return); and bottom halves left
    # disabled by spin_lock_bh() + spin_unlock() on the -EBUSY return, with no lock report to carry them
    assert [line for line, _ in got] == [6, 13]
    assert "already held" in got[0][1] and "'local_bh' is still held" in got[1][1]


def test_a_lock_release_gives_back_only_the_irq_state_this_function_took(tmp_path):
    assert findings(tmp_path, """
void spin_lock_irqsave(spinlock_t *l, unsigned long f); void spin_unlock_irqrestore(spinlock_t *l, unsigned long f);
int in_nmi(void);
int write_out(struct dev *d) {
    unsigned long flags = 0;
    if (in_nmi()) {
        if (!spin_trylock(&d->lock))    /* (the kernel's trylock_irqsave hides local_irq_save in a macro) */
            return -11;
    } else {
        spin_lock_irqsave(&d->lock, flags);
    }
    d->busy = 1;
    spin_unlock_irqrestore(&d->lock, flags);
    return 0;
}""") == []


def test_a_relation_between_two_unknown_values_decides_a_later_test():
    cnt, top = ir.Name("cnt", is_local=True), ir.Name("max", is_param=True)
    state = refine(PathState(None, {}, {}), ir.Binary("<", ir.Unary("++", cnt), top), True)  # ++cnt < max
    assert refine(state, ir.Binary(">=", cnt, top), True) is None
    assert refine(state, ir.Binary(">", top, cnt), False) is None  # the same relation, written the other way
    assert refine(state, ir.Binary("<=", cnt, top), True) is not None
    post = refine(PathState(None, {}, {}), ir.Binary("<", ir.Unary("post++", cnt), top), True)
    assert refine(post, ir.Binary(">=", cnt, top), True) is not None  # cnt++ < max tested the old value


def test_a_parameter_saying_the_caller_holds_the_lock_allows_dropping_it_for_a_while(tmp_path):
    assert lines(tmp_path, """
int load(struct dev *d, int is_locked)
{
	int i;

	if (!is_locked)
		mutex_lock(&d->m);
	for (i = 0; i < d->busy; i++) {
		mutex_unlock(&d->m);
		io();
		mutex_lock(&d->m);
	}
	if (!is_locked)
		mutex_unlock(&d->m);
	return 0;
}
int unload(struct dev *d, int is_locked)
{
	if (!is_locked)
		mutex_lock(&d->m);
	io();
	if (!is_locked || d->flags)
		mutex_unlock(&d->m);
	return 0;
}
""") == [23]  # unload drops the caller's lock for good when a field says so


def test_a_loop_advancing_an_array_index_takes_another_element_lock_each_pass(tmp_path):
    assert lines(tmp_path, """
struct ring_set { spinlock_t tx_lock[4]; };
void lock_all(struct ring_set *r)
{
	int i;

	for (i = 0; i < 4; i++)
		spin_lock(&r->tx_lock[i]);
}
void lock_one_twice(struct ring_set *r, int k)
{
	int i;

	for (i = 0; i < 4; i++)
		spin_lock(&r->tx_lock[k]);
}
""") == [15]  # the index k does not change: the same element again


def test_a_mixed_release_of_a_lock_held_under_another_name_says_where_it_was_taken(tmp_path):
    code = """
struct clk { struct mutex m; int chosen; };
struct phy { struct clk *clock; };
static struct clk *clk_get(struct clk *c)
{
	if (c)
		mutex_lock(&c->m);
	return c;
}
static void clk_put(struct clk *c)
{
	mutex_unlock(&c->m);
}
void phy_remove(struct phy *p)
{
	struct clk *c = clk_get(p->clock);

	%s;
	clk_put(c);
}
"""
    found = findings(tmp_path, code % "io()")
    assert [line for line, _ in found] == [19] and "it was taken at line 24" in found[0][1]  # (file lines)
    # dereferencing the pointer first: past that point it was not NULL, so the lock was taken (dp83640)
    assert findings(tmp_path, code % "c->chosen = 0") == []


def test_a_call_evaluated_again_leaves_a_variable_holding_its_old_result_with_what_was_known():
    old = "$c7@12:3:skb_clone(skb, 32)"
    state = PathState(None, {old: Range(ne=frozenset({0}))}, {"skb": old, "next": old})
    renewed = state.renew((old,), 7)
    assert renewed.symbol(ir.Name("skb", is_local=True)) != old  # the loop's tested skb is the old clone
    assert renewed.range_of(ir.Name("skb", is_local=True)).nonzero
    assert old not in renewed.facts  # the new clone is not known to be valid


def test_a_join_is_the_same_whatever_order_the_states_come_in():
    """States meet in a frozenset's (hash-seeded) order: a pairwise hull forgets -2, which the first two
    ranges exclude only by their bounds, before the third lists it, so the join differed between
    processes."""
    from itertools import permutations

    from drvlint.dataflow import _join, hull
    ranges = (Range(lo=1), Range(hi=-5), Range(ne=frozenset({-2})))
    assert {hull(*order) for order in permutations(ranges)} == {Range(ne=frozenset({-2}))}
    states = [PathState("held", {"x": rng}, {"v": f"$v{i}"}) for i, rng in enumerate(ranges)]
    joined = {_join(list(order)) for order in permutations(states)}
    assert len(joined) == 1
    (state,) = joined
    assert state.facts["x"] == Range(ne=frozenset({-2}))
    assert state.range_of(ir.Name("x", is_local=True)).ne == frozenset({-2})


def test_merged_states_keep_a_relation_each_path_implies():
    from drvlint.dataflow import _join, exact, relation_key
    first = PathState("held", {"$v3.0": exact(0), "max": Range(lo=500)}, {"cnt": "$v3.0"})
    later = PathState("held", {relation_key("cnt", "max"): Range(hi=-1), "max": Range(lo=500)}, {})
    merged = _join([first, later])
    cnt, top = ir.Name("cnt", is_local=True), ir.Name("max", is_param=True)
    assert refine(merged, ir.Binary(">=", cnt, top), True) is None  # both paths had cnt < max


def test_known_operands_fold_only_when_asked_and_outside_loops():
    from drvlint.dataflow import _fold, assign, exact
    n = ir.Name("n", is_local=True)
    state = assign(PathState(None, {}, {}), 1, ir.Binary("=", n, ir.Const(500000)))
    rounded = ir.Binary("/", ir.Binary("-", ir.Binary("+", n, ir.Const(1000)), ir.Const(1)), ir.Const(1000))
    assert state.range_of(rounded) == exact(500)  # a test of it is decided
    assert assign(state, 2, ir.Binary("=", n, rounded), fold=True).range_of(n) == exact(500)
    assert assign(state, 2, ir.Binary("=", n, rounded), in_loop=True, fold=True).range_of(n).value is None
    assert assign(state, 2, ir.Binary("=", n, rounded)).range_of(n).value is None  # (a checker's own run)
    assert _fold("&", 3496017997, 4293984255) == 3496017997 & 4293984255  # not also 3496017997 << 4293984255
    assert _fold("<<", 1, 4293984255) is None and _fold("*", 1 << 40, 1 << 40) is None and _fold("/", 7, -2) == -3


def test_a_static_function_knows_what_every_caller_passes(tmp_path):
    code = """
static int poll_locked(struct dev *d, unsigned int tries) {
    unsigned int cnt = 0;
    do {
        spin_lock(&d->lock);
        if (!d->busy)
            break;
        spin_unlock(&d->lock);
    } while (++cnt < tries);
    if (cnt >= tries)
        return -1;
    spin_unlock(&d->lock);
    return 0;
}
int poll(struct dev *d) {
    unsigned int tries = 100;
    if (d->flags)
        tries = tries * 10;
    return poll_locked(d, tries);
}
"""
    assert lines(tmp_path, code) == []
    # exported, or stored as a callback: any count may come, 0 included (break at once, lock held)
    assert lines(tmp_path, code.replace("static int poll_locked", "int poll_locked")) == [11]
    stored = code + "int (*poll_hook)(struct dev *, unsigned int) = poll_locked;\n"
    assert lines(tmp_path, stored) == [11]
    assert lines(tmp_path, code.replace("return poll_locked(d, tries);", "return poll_locked(d, tries) + poll_locked(d, 0);")) == [11]


def test_a_field_stored_then_tested_keeps_its_test_across_a_call_given_the_object(tmp_path):
    code = """
struct req { int reason; };
void touch(struct dev *d);
void f(struct dev *d, struct req *r) {
    d->flags = r->reason;
    if (!(d->flags == 6))
        spin_lock(&d->lock);
    touch(d);
    if (!(d->flags == 6))
        spin_unlock(&d->lock);
}"""
    assert lines(tmp_path, code) == []


SEMAPHORE = """
struct semaphore { int count; };
void down(struct semaphore *s); void up(struct semaphore *s);
struct sdev { struct semaphore sem; int busy; };
"""


def test_a_semaphore_upped_by_a_signaller_has_no_owner_but_one_upped_by_a_helper_has(tmp_path):
    worker = """
static int start(struct sdev *d) {
    down(&d->sem);
    if (d->busy)
        return -1;
    return 0;
}
int kick(struct sdev *d) { return start(d); }
"""
    # the completion that frees the slot is exported: it signals, the worker hands the down to it
    assert lines(tmp_path, SEMAPHORE + worker + "void complete_cmd(struct sdev *d) { up(&d->sem); }\n") == []
    # a static unlock helper called by the locker is not a signaller: the -1 return still leaks the down
    helper = worker.replace("    return 0;\n}", "    unlock(d);\n    return 0;\n}")
    found = lines(tmp_path, SEMAPHORE + "static void unlock(struct sdev *d) { up(&d->sem); }\n" + helper)
    assert found, found


def test_a_semaphore_this_file_never_ups_is_released_elsewhere(tmp_path):
    code = SEMAPHORE + """
int mark_input_pending(struct sdev *d) {
    if (d->busy)
        return 0;
    down(&d->sem);
    return 1;
}"""
    assert lines(tmp_path, code) == []
    assert lines(tmp_path, code + "void done(struct sdev *d) { down(&d->sem); up(&d->sem); up(&d->sem); }\n")


def test_builtin_constant_p_is_true_of_literals_only():
    state = PathState(frozenset(), {}, {})
    flags = ir.Name("flags", is_param=True)
    asks = ir.Call("__builtin_constant_p", "__builtin_constant_p", (flags,))
    assert refine(state, asks, True) is None  # test_bit()'s const_test_bit() arm is never taken
    assert refine(state, asks, False) is not None
    literal = ir.Call("__builtin_constant_p", "__builtin_constant_p", (ir.Const(4),))
    assert refine(state, literal, False) is None


def test_an_address_compared_with_null_is_never_null():
    state = PathState(frozenset(), {}, {})
    field = ir.Unary("&", ir.Member(ir.Name("p", is_param=True), "map", True))
    assert refine(state, ir.Binary("==", field, ir.Const(0)), True) is None
    assert refine(state, ir.Binary("!=", field, ir.Const(0)), True) is not None


def test_a_helper_told_by_its_parameter_whether_to_lock_acts_as_each_caller_says(tmp_path):
    # the helpers are a contract, not a leak; callers disagree on `locked`, so the helpers' effects are
    # decided at each call: f takes the lock and leaks it, g says it holds it already and gets nothing
    assert lines(tmp_path, """
static void take(struct dev *d, int locked) { if (!locked) spin_lock(&d->lock); d->busy++; }
static void give(struct dev *d, int locked) { d->busy--; if (!locked) spin_unlock(&d->lock); }
void f(struct dev *d) {
    take(d, 0);
    if (work())
        return;
    give(d, 0);
}
void g(struct dev *d) {
    take(d, 1);
    if (work())
        return;
    give(d, 1);
}""") == [7]


def test_a_value_stored_through_a_pointer_to_a_field_is_the_fields_value():
    from drvlint.dataflow import assign
    p = ir.Name("p", is_local=True)
    slot = ir.Member(ir.Name("t", is_param=True), "virt", True)
    other = ir.Member(ir.Name("t", is_param=True), "phys", True)
    alloc = ir.Call("kmalloc", "kmalloc", (ir.Const(8),))
    state = assign(PathState(frozenset(), {}, {}), 1, ir.Binary("=", p, ir.Unary("&", slot)))
    state = assign(state, 2, ir.Binary("=", ir.Unary("*", p), alloc))
    checked = refine(state, slot, True, 3)  # if (t->virt)
    assert checked.range_of(ir.Unary("*", p)).nonzero  # memset(*p, ...) uses the checked value
    assert not refine(state, other, True, 3).range_of(ir.Unary("*", p)).nonzero


def test_a_handed_over_mutex_taken_again_waits_but_a_spinlock_spins(tmp_path):
    code = """
static void confirm(struct dev *d) { if (d->busy) %(unlock)s; }
void done(struct dev *d) { confirm(d); }
void worker(struct dev *d) {
    while (work()) {
        %(lock)s;
        io();
    }
}"""
    assert lines(tmp_path, code % {"lock": "mutex_lock(&d->m)", "unlock": "mutex_unlock(&d->m)"}) == []
    assert lines(tmp_path, code % {"lock": "spin_lock(&d->lock)", "unlock": "spin_unlock(&d->lock)"}) == [6]


def test_a_dereference_ends_paths_that_know_the_pointer_is_null_and_teaches_the_others_nothing(tmp_path):
    from drvlint.cfg import build_cfg
    from drvlint.dataflow import run
    path = tmp_path / "deref.c"
    path.write_text("struct s { int f; };\nint g(struct s *p, int k) {\n  if (k) p = 0;\n  p->f = 1;\n  return p->f;\n}\n")
    unit = Unit(parse_file(path, PLAIN))
    cfg = unit.cfgs["g"]

    class Facts:
        def initial(self):
            return None

        def transfer(self, cfg, node_id, node, state):
            return [state]
    result = run(cfg, Facts())
    (ret,) = [n for n in cfg.graph.nodes if cfg.node(n).kind == "return"]
    states = result.states_in[ret]
    assert states and all("p" not in s.facts for s in states)  # no fact about p where it was not tested
    assert all(s.facts.get(s.binds.get("p", "p"), Range()).value != 0 for s in states)  # the NULL path ended


def test_a_lock_taken_under_one_field_and_dropped_under_another_of_the_same_object(tmp_path):
    """``if (d->flags) lock(); ... if (d->busy) unlock();`` relies on an invariant between the object's two
    fields: not reported.  Skipping the release under the acquisition's own field, or a release under a
    field of another object, still is."""
    code = """
int f(struct dev *d, struct dev *e) {
    int err = 0;
    if (d->flags)
        spin_lock(&d->lock);
    if (work())
        err = -5;
    if (%(guard)s)
        spin_unlock(&d->lock);
    return err;
}"""
    assert lines(tmp_path, code % {"guard": "d->busy"}) == []
    assert lines(tmp_path, code % {"guard": "e->busy"}) == [9, 10]
    assert lines(tmp_path, """
int f(struct dev *d) {
    if (d->flags)
        spin_lock(&d->lock);
    if (d->busy)
        goto out;
    io();
    if (d->flags)
        spin_unlock(&d->lock);
out:
    return 0;
}""") == [11]


def test_at_a_join_forgotten_values_lose_their_facts_and_a_variables_value_is_named_after_it():
    from drvlint.dataflow import _canonical, exact, relation_key
    first, second = "$c3@10:9:usb_submit_urb(urb, 32)", "$c5@12:9:usb_submit_urb(urb2, 32)"
    gone = "$c4@11:5:in_atomic()"
    state = PathState(None, {first: Range(hi=-1), second: Range(lo=0), gone + " & 256": exact(0),
                             relation_key(first, second): Range(hi=-1), "dev->flags": Range(lo=1)},
                      {"ret": second})
    ret = ir.Name("ret", is_local=True)
    kept = _canonical(state, ())
    # ``ret`` was overwritten: what its first test learnt is gone; what a field is known to be stays
    assert set(kept.facts) == {"$vk:ret", "dev->flags"}
    assert kept.binds == {"ret": "$vk:ret"} and kept.range_of(ret) == Range(lo=0)
    # another path where ret came from another call, known the same, is now the same path
    other = PathState(None, {"$c9@20:9:usb_submit_urb(urb3, 32)": Range(lo=0), "dev->flags": Range(lo=1)},
                      {"ret": "$c9@20:9:usb_submit_urb(urb3, 32)"})
    assert _canonical(other, ()) == kept
    # what an earlier join knew of ``ret`` under its name is stale once ``ret`` holds a new value
    stale = PathState(None, {"$vk:ret": Range(hi=-1), second: Range(lo=0)}, {"ret": second})
    assert _canonical(stale, ()).facts == {"$vk:ret": Range(lo=0)}
    # a value the checker's data names (a NULL-able allocation) keeps its name and its facts, and so do
    # the masked tests and relations with it
    pinned = _canonical(state, (first, second, gone))
    assert pinned.facts == state.facts and pinned.binds == state.binds
    # a relation whose sides are renamed keeps its meaning (``ret - other`` turned round)
    related = _canonical(PathState(None, {relation_key("$c1@1:1:a()", "$c2@2:1:b()"): Range(hi=-1)},
                                   {"zz": "$c1@1:1:a()", "aa": "$c2@2:1:b()"}), ())
    assert related.facts == {relation_key("$vk:aa", "$vk:zz"): Range(lo=1)}


class PathsOnly:
    """An analysis without data: the paths are what the engine alone keeps apart."""

    def initial(self):
        return None

    def transfer(self, cfg, node_id, node, state):
        return [state]


def _first_cfg(tmp_path, code: str):
    from drvlint.cfg import build_cfg
    path = tmp_path / "df.c"
    path.write_text(code)
    return build_cfg(parse_file(path, PLAIN).functions[0])


def test_paths_that_differ_only_in_a_forgotten_result_meet_at_the_join(tmp_path):
    """``ret = f(); if (ret) goto out;`` repeated: the error paths meet at ``out`` as one state per lock
    state, instead of one per test (what made large resume functions slow)."""
    from drvlint import dataflow
    steps = "\n".join(f"    ret = work(); if (ret) goto out;" for _ in range(12))
    cfg = _first_cfg(tmp_path, PRELUDE + f"int f(struct dev *d) {{\n    int ret;\n{steps}\nout:\n    return ret;\n}}\n")

    class Forgetting(PathsOnly):
        @staticmethod
        def live_symbols(state):
            return ()
    exit_states = {kind: dataflow.run(cfg, kind()).states_in[cfg.exit] for kind in (PathsOnly, Forgetting)}
    assert len(exit_states[Forgetting]) < len(exit_states[PathsOnly])
    assert len(exit_states[Forgetting]) <= 3


def test_paths_that_differ_only_in_what_no_later_test_reads_merge_early(tmp_path, monkeypatch):
    """Tests of values never tested again multiply the paths without telling a later branch anything:
    past SIMILAR_STATES, states that agree on the checker data and on every re-tested expression are one
    state, while the re-tested flag keeps its two paths apart (the return under it stays exact)."""
    from drvlint import dataflow
    once = "\n".join(f"    if (d->a{i}) x = {i};" for i in range(dataflow.SIMILAR_STATES + 2))
    fields = " ".join(f"int a{i};" for i in range(dataflow.SIMILAR_STATES + 2))
    cfg = _first_cfg(tmp_path, f"struct many {{ {fields} }};\nint f(struct many *d, int flag) {{\n    int x = 0;\n"
                               f"    if (flag) x = 100;\n{once}\n    if (flag)\n        return x;\n    return -1;\n}}\n")
    last_test = max((n for n in cfg.graph.nodes if cfg.node(n).kind == "branch"), key=lambda n: cfg.node(n).loc.line)
    flag = ir.Name("flag", is_param=True)
    early = dataflow.run(cfg, PathsOnly()).states_in[last_test]
    assert len(early) <= dataflow.SIMILAR_STATES
    assert {s.range_of(flag).value for s in early} >= {0}  # the flag's two sides stay apart...
    assert any(s.range_of(flag).nonzero for s in early)
    monkeypatch.setattr(dataflow, "SIMILAR_STATES", dataflow.MAX_STATES)
    late = dataflow.run(cfg, PathsOnly()).states_in[last_test]
    assert len(late) > len(early)  # ...while without the early merge every tested-once branch is a path


def test_states_where_different_variables_hold_the_checkers_value_do_not_merge_early():
    """``if (bmcast) skb = clone;``: at the join, the path where ``skb`` is the clone that may be NULL
    and the one where it is still the tested original agree on data and re-tested facts, but merging
    them would lose which variable the failing value is in."""
    from drvlint.dataflow import _merge_similar
    data = frozenset({"clone"})
    replaced = PathState(data, {}, {"skb": "$c1", "pskb2": "$c1"})
    kept = PathState(data, {"$c0": Range(ne=frozenset({0}))}, {"skb": "$c0", "pskb2": "$c1"})
    states = frozenset({replaced, kept})
    assert len(_merge_similar(states)) == 1  # nothing says the value matters: one state
    assert _merge_similar(states, pinned=lambda state: ("$c1",)) == states
