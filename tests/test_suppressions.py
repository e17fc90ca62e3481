"""In-source suppressions: `drvlint-ignore RULE: reason` on the line, the line above, or a function's
first line; kept in SARIF, left out of text output and the exit status; stale ones reported."""
from __future__ import annotations

import json

from click.testing import CliRunner

from drvlint import suppressions
from drvlint.findings import Finding
from drvlint.cli import main

KNOWN = ("lock-imbalance", "null-return", "user-pointer-deref")

BUG = """#include <linux/mutex.h>
#include <linux/errno.h>

struct dev { struct mutex lock; int state; };

int dev_set(struct dev *d, int v)
{
\tmutex_lock(&d->lock);
\tif (v < 0)
\t\treturn -EINVAL;{same}
\td->state = v;
\tmutex_unlock(&d->lock);
\treturn 0;
}
"""
REASON = "the caller unlocks on -EINVAL"


def bug(same: str = "") -> str:
    """The buggy function, with ``same`` at the end of the reported line (line 10)."""
    return BUG.replace("{same}", same)


def run(*args):
    result = CliRunner().invoke(main, ["--builtin-headers", *map(str, args)])
    assert "Traceback" not in result.output, result.output
    return result


def test_parser_c_and_python_forms():
    text = ("a(); /* drvlint-ignore lock-imbalance: held by caller */\n"
            "// drvlint-ignore null-return, lock-imbalance:  never NULL here  \n"
            "x = 1  # drvlint-ignore lock-imbalance: not C\n")
    directives, problems = suppressions.parse(text, "f.c")
    assert [(d.line, d.suppression.rules, d.suppression.justification) for d in directives] == [
        (1, ("lock-imbalance",), "held by caller"), (2, ("null-return", "lock-imbalance"), "never NULL here")]
    assert problems == []
    directives, _ = suppressions.parse(text, "f.py")
    assert [(d.line, d.suppression.justification) for d in directives] == [(3, "not C")]


def test_parser_rejects_a_suppression_without_reason():
    directives, problems = suppressions.parse("f(); /* drvlint-ignore lock-imbalance */\n"
                                              "g(); /* drvlint-ignore lock-imbalance: */\n", "f.c")
    assert directives == []
    assert [(p.line, p.level) for p in problems] == [(1, "warning"), (2, "warning")]
    assert "expected `drvlint-ignore RULE: reason`" in problems[0].message


def finding(line: int, function: str = "f", rule: str = "lock-imbalance", path: str = "f.py") -> Finding:
    return Finding(rule, "m", path, line, 1, function)


def test_apply_covers_line_line_below_and_function_start():
    text = "\n".join([
        "def f():  # drvlint-ignore null-return: whole function",  # 1
        "    a()",  # 2
        "    # drvlint-ignore lock-imbalance: next line",  # 3
        "    b()",  # 4
        "    c()  # drvlint-ignore lock-imbalance: this line",  # 5
        "    d()",  # 6 (the line below a suppression: covered)
        "    e()",  # 7 (not covered)
    ])
    found = [finding(2, rule="null-return"), finding(4), finding(5), finding(7), finding(7, function="g")]
    notes = suppressions.apply(found, text, "f.py", {"f": 1}, KNOWN, {"lock-imbalance", "null-return"})
    assert [f.suppression is not None for f in found] == [True, True, True, False, False]
    assert found[0].suppression.justification == "whole function"
    assert notes == []


def test_apply_reports_unused_and_unknown_but_not_rules_that_did_not_run():
    text = "x()  # drvlint-ignore lock-imbalance, null-return, no-such-rule: stale\n"
    notes = suppressions.apply([], text, "f.py", {}, KNOWN, {"lock-imbalance"})
    messages = sorted(n.message for n in notes)
    assert len(messages) == 2
    assert "unknown rule 'no-such-rule'" in messages[0]
    assert messages[1].startswith("unused suppression: no lock-imbalance finding")


def test_cli_same_line(c_source):
    path = c_source(bug(f" /* drvlint-ignore lock-imbalance: {REASON} */"))
    result = run(path)
    assert result.exit_code == 0, result.output
    assert "[lock-imbalance]" not in result.output
    assert result.output.splitlines()[-1] == "0 finding(s) in 0 file(s) (1 suppressed)"

    doc = json.loads(run("--format", "sarif", path).output)
    (sarif,) = doc["runs"][0]["results"]
    (suppression,) = sarif["suppressions"]
    assert suppression["kind"] == "inSource" and suppression["justification"] == REASON
    assert suppression["location"]["physicalLocation"]["region"]["startLine"] == 10
    assert doc["runs"][0]["invocations"][0]["exitCode"] == 0

    (item,) = json.loads(run("--format", "json", path).output)["findings"]
    assert item["suppression"]["justification"] == REASON and item["suppression"]["line"] == 10


def test_cli_line_above_and_function_first_line(c_source):
    above = bug().replace("\t\treturn -EINVAL;",
                                        f"\t\t/* drvlint-ignore lock-imbalance: {REASON} */\n\t\treturn -EINVAL;")
    assert run(c_source(above, "above.c")).exit_code == 0
    signature = bug().replace("int dev_set(struct dev *d, int v)",
                                            f"int dev_set(struct dev *d, int v) /* drvlint-ignore lock-imbalance: {REASON} */")
    assert run(c_source(signature, "signature.c")).exit_code == 0
    before = bug().replace("int dev_set(", f"/* drvlint-ignore lock-imbalance: {REASON} */\nint dev_set(")
    assert run(c_source(before, "before.c")).exit_code == 0
    too_far = bug().replace("\tmutex_lock(&d->lock);",
                                          f"\tmutex_lock(&d->lock); /* drvlint-ignore lock-imbalance: {REASON} */")
    result = run(c_source(too_far, "too_far.c"))
    assert result.exit_code == 1 and "[lock-imbalance]" in result.output
    assert "too_far.c:8: warning: unused suppression: no lock-imbalance finding" in result.output


def test_other_rule_does_not_suppress_and_is_reported_unused(c_source):
    path = c_source(bug(" /* drvlint-ignore null-return: wrong rule */"))
    result = run(path)
    assert result.exit_code == 1
    assert "unused suppression: no null-return finding" in result.output
    doc = json.loads(run("--format", "sarif", path).output)
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    unused = [n for n in notes if "unused suppression" in n["message"]["text"]]
    assert unused and unused[0]["level"] == "warning"
    assert unused[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
    assert "suppressions" not in doc["runs"][0]["results"][0]
    # a rule that did not run cannot leave its suppression unused
    assert "unused suppression" not in run("--select", "lock-imbalance", path).output
