"""Rule packs: validation errors name file and line; user packs extend the built-in tables."""
from __future__ import annotations

import pytest

from drvlint.rules import RuleError, load_rules, parse_rule_text, builtin_packs



def test_builtin_packs_load_and_cover_the_lock_api():
    rules = load_rules()
    locks = rules.by_name("lock")
    for name in ("spin_lock_irqsave", "spin_unlock_irqrestore", "mutex_lock_interruptible", "down_trylock",
                 "down_read", "up_write", "rcu_read_lock", "local_irq_save", "preempt_disable", "local_bh_enable",
                 "read_lock_bh", "write_unlock_irqrestore", "mutex_trylock", "spin_trylock_irqsave"):
        assert name in locks, name
    assert locks["mutex_lock_interruptible"]["action"] == "try_zero"
    assert locks["spin_trylock"]["action"] == "try_nonzero"
    assert locks["down_trylock"]["action"] == "try_zero"
    assert {"mutex", "spinlock_irqsave", "rcu"} <= {r["class"] for r in rules.table("guard")}
    assert [name for name, _ in builtin_packs()] == sorted(name for name, _ in builtin_packs())


@pytest.mark.parametrize("text, line, fragment", [
    ('[meta]\nname = "x"\n\n[[lock]]\nnames = ["a"]\naction = "grab"\nkind = "mutex"\n', 4, "expected one of"),
    ('[meta]\nname = "x"\n[[lock]]\nnames = ["a"]\naction = "acquire"\nkind = "mutex"\n\n'
     '[[lock]]\nnames = ["b"]\nkind = "mutex"\n', 8, "missing required field 'action'"),
    ('[[lock]]\nnames = "a"\naction = "acquire"\nkind = "mutex"\n', 1, "must be list"),
    ('[[lock]]\nnames = ["a"]\naction = "acquire"\nkind = "mutex"\nnestable = 1\n', 1, "must be bool"),
    ('[[lock]]\nnames = ["a"]\naction = "acquire"\nkind = "mutex"\ncolour = "red"\n', 1, "unknown field 'colour'"),
    ('\n\n[[locks]]\nnames = ["a"]\n', 3, "unknown rule table 'locks'"),
    ('[[lock]]\nnames = ["a"\naction = "acquire"\n', 3, "invalid TOML"),
])
def test_malformed_rules_name_file_and_line(text, line, fragment):
    with pytest.raises(RuleError) as info:
        parse_rule_text(text, "mine.toml")
    message = str(info.value)
    assert message.startswith(f"mine.toml:{line}:"), message
    assert fragment in message


def test_unreadable_rule_file(tmp_path):
    with pytest.raises(RuleError, match="cannot read rule file"):
        load_rules([str(tmp_path / "missing.toml")])


def test_user_pack_adds_a_lock_api(tmp_path, c_source):
    pack = tmp_path / "vendor.toml"
    pack.write_text('[meta]\nname = "vendor"\n\n[[lock]]\nnames = ["hw_sem_take"]\naction = "acquire"\n'
                    'kind = "semaphore"\n\n[[lock]]\nnames = ["hw_sem_give"]\naction = "release"\nkind = "semaphore"\n')
    path = c_source("""
struct hw { int sem; };
void hw_sem_take(int *s); void hw_sem_give(int *s); int hw_busy(struct hw *h);
int hw_op(struct hw *h) {
    hw_sem_take(&h->sem);
    if (hw_busy(h))
        return -16;
    hw_sem_give(&h->sem);
    return 0;
}
""")
    from drvlint.compilation import CompileOptions
    from drvlint.engine import Analyzer
    plain = Analyzer(load_rules(), CompileOptions(builtin_headers=True)).analyze(path)
    assert plain.findings == []
    extended = Analyzer(load_rules([str(pack)]), CompileOptions(builtin_headers=True)).analyze(path)
    assert [(f.line, f.rule_id) for f in extended.findings] == [(7, "lock-imbalance")]
