"""Every corpus file produces exactly the findings its `expect:` comments name, in both header modes."""
from __future__ import annotations

import pytest

from conftest import CORPUS, analyze, expected_findings, require_kernel

CASES = sorted((CORPUS / "c").glob("*/*/*.c"))


def _id(path):
    return "/".join(path.parts[-3:])


def test_corpus_shape():
    """Each buggy case has its fixed twin, and each checker's corpus has the promised size."""
    for checker_dir in (CORPUS / "c").iterdir():
        if not checker_dir.is_dir():
            continue
        buggy = {p.name for p in (checker_dir / "buggy").glob("*.c")}
        fixed = {p.name for p in (checker_dir / "fixed").glob("*.c")}
        assert buggy == fixed, f"{checker_dir.name}: buggy and fixed differ: {buggy ^ fixed}"
        for name in buggy:
            assert expected_findings(checker_dir / "buggy" / name), f"{name}: buggy case without expectation"
            assert not expected_findings(checker_dir / "fixed" / name), f"{name}: fixed twin expects findings"
    promised = {"lock-imbalance": (20, 37), "sleep-in-atomic": (20, 10), "null-return": (19, 22),
                "user-pointer-deref": (15, 8), "hotunplug-race": (20, 20)}  # buggy pairs, tricky correct
    for checker, (pairs, correct) in promised.items():
        directory = CORPUS / "c" / checker
        assert len(list((directory / "buggy").glob("*.c"))) >= pairs, checker
        assert len(list((directory / "correct").glob("*.c"))) >= correct, checker


def _check(path, builtin):
    result = analyze(path, builtin=builtin)
    assert result.failed is None, result.failed
    errors = [n.message for n in result.notifications if n.level == "error"]
    assert not errors, f"parse errors: {errors[:3]}"
    got = {(f.line, f.rule_id) for f in result.findings}
    assert got == expected_findings(path), "\n".join(f"{f.line}: {f.message}" for f in result.findings)


@pytest.mark.parametrize("path", CASES, ids=_id)
def test_builtin_headers(path):
    _check(path, builtin=True)


@pytest.mark.parametrize("path", CASES, ids=_id)
def test_kernel_headers(path):
    require_kernel()
    _check(path, builtin=False)
