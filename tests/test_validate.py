"""drvlint validate: the runtime corpus run dynamically (child processes) and statically, and the
command's handling of bad drivers."""
from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from drvlint.cli import main

from drvlint.validate import discover, judge, run_dynamic, table, validate
from drvlint.validate import python_checkers_available

from conftest import ROOT

RUNTIME_CORPUS = ROOT / "corpus" / "runtime"
CLASSES = ("py-lock-imbalance", "py-blocking-in-atomic", "py-unchecked-none", "py-untrusted-offset",
           "py-hotunplug-race")
NET_SCENARIO = """[[device]]
type = "dummynet"
[[step]]
do = "probe"
[[step]]
do = "enable"
"""


@pytest.fixture(scope="module")
def dynamic_verdicts():
    return validate(RUNTIME_CORPUS, timeout=30, jobs=2, static=False)


def test_corpus_shape():
    """At least four buggy drivers per class, each with a fixed twin and a scenario beside both."""
    for cls in CLASSES:
        buggy = sorted(p.name for p in (RUNTIME_CORPUS / cls / "buggy").glob("*.py"))
        fixed = sorted(p.name for p in (RUNTIME_CORPUS / cls / "fixed").glob("*.py"))
        assert len(buggy) >= 4 and buggy == fixed, cls
        for kind in ("buggy", "fixed"):
            for name in buggy:
                assert (RUNTIME_CORPUS / cls / kind / name.replace(".py", ".scenario.toml")).is_file()


def test_every_buggy_driver_trips_its_class_and_every_fixed_one_runs_clean(dynamic_verdicts):
    assert len(dynamic_verdicts) >= 40
    bad = [(str(v.case.driver), v.dynamic) for v in dynamic_verdicts if not v.dynamic_ok]
    assert not bad
    for v in dynamic_verdicts:
        if v.case.kind == "buggy":
            assert v.dynamic.bug_class == v.case.bug_class
            assert v.dynamic.function and "." in v.dynamic.function  # a driver method, for the static match


def test_table_counts(dynamic_verdicts):
    text = table(dynamic_verdicts)
    for cls in CLASSES:
        assert f"| `{cls}` | 4 | 4/4 | n/a | 4 | 4/4 | n/a | n/a |" in text
    assert "| **total** | 20 | 20/20 |" in text


def _write(tmp_path, kind, name, source, scenario=NET_SCENARIO):
    folder = tmp_path / "py-lock-imbalance" / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(source)
    (folder / f"{name}.scenario.toml").write_text(scenario)
    return folder / f"{name}.py"


def test_a_hanging_driver_is_killed_by_the_timeout(tmp_path):
    _write(tmp_path, "fixed", "hangs", "import drvrt\n\nclass Hang(drvrt.NetDriver):\n"
                                       "    def probe(self):\n        while True:\n            pass\n")
    began = time.monotonic()
    [case] = discover(tmp_path)
    dyn = run_dynamic(case, timeout=2)
    assert dyn.outcome == "timeout" and "killed after 2 s" in dyn.message
    assert time.monotonic() - began < 20
    assert not judge(case, dyn, None).dynamic_ok


def test_a_driver_with_a_syntax_error_is_reported_on_one_line(tmp_path):
    path = _write(tmp_path, "buggy", "broken", "import drvrt\n\nclass Broken(drvrt.NetDriver):\n    def probe(self)\n")
    out = CliRunner().invoke(main, ["validate", "--dynamic-only", str(tmp_path)])
    assert out.exit_code == 1
    lines = [line for line in out.output.splitlines() if "broken.py" in line]
    assert len(lines) == 1 and f"{path}:4: SyntaxError" in lines[0]
    assert "Traceback" not in out.output


def test_bad_scenario_and_bad_path_are_one_line_errors(tmp_path):
    _write(tmp_path, "fixed", "odd", "import drvrt\n\nclass Odd(drvrt.NetDriver):\n    def probe(self):\n        pass\n",
           scenario="[[device]]\ntype = \"toaster\"\n")
    [case] = discover(tmp_path)
    dyn = run_dynamic(case, timeout=30)
    assert dyn.outcome == "error" and "type must be one of" in dyn.message
    out = CliRunner().invoke(main, ["validate", str(tmp_path / "missing")])
    assert out.exit_code == 2 and out.output.count("\n") == 1 and "no such file" in out.output
    empty = tmp_path / "empty"
    empty.mkdir()
    out = CliRunner().invoke(main, ["validate", str(empty)])
    assert out.exit_code == 2 and "no drivers" in out.output


def test_a_fixed_driver_that_faults_fails_validation(tmp_path):
    _write(tmp_path, "fixed", "leaks", "import drvrt\n\nclass Leaks(drvrt.NetDriver):\n"
                                       "    def probe(self):\n        self.lock = drvrt.Lock()\n"
                                       "    def enable(self):\n        self.lock.acquire()\n")
    [verdict] = validate(tmp_path, timeout=30, jobs=1, static=False)
    assert not verdict.dynamic_ok
    assert verdict.dynamic.bug_class == "py-lock-imbalance" and verdict.dynamic.function == "Leaks.enable"


@pytest.mark.skipif(not python_checkers_available(), reason="python checkers not merged")
def test_static_and_dynamic_agree_on_the_runtime_corpus():
    verdicts = validate(RUNTIME_CORPUS, timeout=30, jobs=2)
    disagreements = [(str(v.case.driver), v.dynamic.functions(), v.static) for v in verdicts if not v.agrees]
    assert not disagreements


def test_runtime_rule_pack_is_built_in():
    """The drvrt pack ships with drvlint and loads like the library packs (Python language only)."""
    from drvlint.rules import load_rules

    ruleset = load_rules()
    assert any(r.source.endswith("python-drvrt.toml") and r.language == "python"
               for r in ruleset.table("py_returns_none"))
