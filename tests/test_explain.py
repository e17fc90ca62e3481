"""`drvlint explain RULE`: description, taxonomy, CWE, and a buggy corpus excerpt next to its fix."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from drvlint.checker import load_checkers
from drvlint.cli import main
from drvlint.taxonomy import category, parent_of

from conftest import CORPUS, ROOT

RULES = [c for c in load_checkers()]
EXCERPT = re.compile(r"^  ([> ]) +(\d+) \| ?(.*)$")


def sections(output: str) -> dict[str, list[tuple[bool, int, str]]]:
    """The Bad and Good excerpts: (marked, line number, text) per line."""
    found: dict[str, list[tuple[bool, int, str]]] = {}
    current = None
    for line in output.splitlines():
        if line.startswith(("Bad: ", "Good: ")):
            current = found.setdefault(line.split(":")[0], [])
            continue
        match = EXCERPT.match(line)
        if match and current is not None:
            current.append((match.group(1) == ">", int(match.group(2)), match.group(3)))
        elif not line.strip():
            current = None
    return found


@pytest.mark.parametrize("cls", RULES, ids=[c.rule_id for c in RULES])
def test_explain_every_rule(cls):
    result = CliRunner().invoke(main, ["explain", cls.rule_id])
    assert result.exit_code == 0, result.output
    out = result.output
    assert cls.description in out and cls.short in out
    assert f"taxonomy: {parent_of(cls.category).name} > {category(cls.category).name}" in out
    for cwe in cls.cwe:
        assert f"CWE-{cwe}" in out
    bad_header = next(l for l in out.splitlines() if l.startswith("Bad: "))
    bad_file = ROOT / bad_header.split()[1].rstrip(",")
    good_file = ROOT / next(l for l in out.splitlines() if l.startswith("Good: ")).split()[1].rstrip(",")
    language = "python" if "python" in cls.languages else "c"
    assert bad_file.parent == CORPUS / language / cls.rule_id / "buggy"
    assert good_file == CORPUS / language / cls.rule_id / "fixed" / bad_file.name
    parts = sections(out)
    bad, good = parts["Bad"], parts["Good"]
    assert 3 <= len(bad) <= 16 and 3 <= len(good) <= 20
    # the marked line is the reported one (an expect: comment in the corpus), shown without the comment
    (marked,) = [(n, text) for flag, n, text in bad if flag]
    bad_lines = bad_file.read_text().splitlines()
    assert "expect: " in bad_lines[marked[0] - 1] and cls.rule_id in bad_lines[marked[0] - 1]
    assert "expect:" not in marked[1] and marked[1].strip() in bad_lines[marked[0] - 1].expandtabs(4)
    assert f"reported at line {marked[0]}" in bad_header
    # the good excerpt is the fixed twin's text at the numbers shown, and it differs from the bad one
    good_lines = good_file.read_text().splitlines()
    assert all(good_lines[n - 1].expandtabs(4).rstrip() == text.rstrip() for _, n, text in good)
    assert [t for _, _, t in good] != [t for _, _, t in bad]
    assert f"drvlint-ignore {cls.rule_id}:" in out


def test_unknown_rule_is_one_line():
    result = CliRunner().invoke(main, ["explain", "no-such-rule"])
    assert result.exit_code == 2
    assert result.output.strip() == ("drvlint: error: unknown rule 'no-such-rule' (known: "
                                     + ", ".join(sorted(c.rule_id for c in RULES)) + ")")
