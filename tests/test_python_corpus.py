"""Every Python corpus file produces exactly the findings its `# expect:` comments name."""
from __future__ import annotations

import ast

import pytest

from conftest import CORPUS, analyze, expected_findings

PY_CORPUS = CORPUS / "python"
CASES = sorted(PY_CORPUS.glob("*/*/*.py"))
# rule id: (buggy/fixed pairs, tricky correct files) promised for its corpus
PROMISED = {"py-lock-imbalance": (10, 6), "py-blocking-in-atomic": (10, 6), "py-unchecked-none": (10, 6),
            "py-untrusted-offset": (10, 6), "py-hotunplug-race": (10, 6)}


def _id(path):
    return "/".join(path.parts[-3:])


def test_python_corpus_shape():
    """Each buggy case has its fixed twin, twins expect nothing, and each rule has the promised size."""
    assert {p.name for p in PY_CORPUS.iterdir() if p.is_dir()} == set(PROMISED)
    for rule, (pairs, correct) in PROMISED.items():
        directory = PY_CORPUS / rule
        buggy = {p.name for p in (directory / "buggy").glob("*.py")}
        fixed = {p.name for p in (directory / "fixed").glob("*.py")}
        assert buggy == fixed, f"{rule}: buggy and fixed differ: {buggy ^ fixed}"
        assert len(buggy) >= pairs, rule
        assert len(list((directory / "correct").glob("*.py"))) >= correct, rule
        for name in buggy:
            wanted = expected_findings(directory / "buggy" / name)
            assert wanted and {r for _, r in wanted} == {rule}, f"{rule}/{name}: expectations {wanted}"
            assert not expected_findings(directory / "fixed" / name), f"{name}: fixed twin expects findings"
        for path in (directory / "correct").glob("*.py"):
            assert not expected_findings(path), f"{path.name}: correct case expects findings"
        assert (directory / "INDEX.md").is_file(), rule


@pytest.mark.parametrize("path", CASES, ids=_id)
def test_python_corpus_parses(path):
    """Corpus files are valid Python 3 (parsed only, never imported or run)."""
    ast.parse(path.read_text(), filename=str(path))


@pytest.mark.parametrize("path", CASES, ids=_id)
def test_python_corpus(path):
    result = analyze(path)
    assert result.failed is None, result.failed
    errors = [n.message for n in result.notifications if n.level == "error"]
    assert not errors, f"parse errors: {errors[:3]}"
    got = {(f.line, f.rule_id) for f in result.findings}
    assert got == expected_findings(path), "\n".join(f"{f.line}: {f.rule_id}: {f.message}" for f in result.findings)
