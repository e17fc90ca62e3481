"""`--baseline FILE`: only new findings are reported and counted; SARIF says new/unchanged/absent."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from conftest import MUTEX_RETURN_BUG
from drvlint.cli import main

OLD_BUG = MUTEX_RETURN_BUG
NEW_BUG = """
int dev_clear(struct dev *d)
{
\tmutex_lock(&d->lock);
\tif (d->state > 7)
\t\treturn -EBUSY;
\td->state = 0;
\tmutex_unlock(&d->lock);
\treturn 0;
}
"""
FIXED = OLD_BUG.replace("\t\treturn -EINVAL;", "\t\tgoto out;").replace("\tmutex_unlock(&d->lock);\n\treturn 0;",
                                                                      "out:\n\tmutex_unlock(&d->lock);\n\treturn 0;")


def run(*args):
    result = CliRunner().invoke(main, ["--builtin-headers", *map(str, args)])
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture(params=["sarif", "json"])
def baseline(request, c_source, tmp_path):
    """A driver with one old bug, and a baseline report of it in either format."""
    source = c_source(OLD_BUG, "drv.c")
    report = tmp_path / f"baseline.{request.param}"
    assert run("--format", request.param, "-o", report, source).exit_code == 1
    return source, report


def states(doc):
    return sorted((r["ruleId"], r["baselineState"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                  for r in doc["runs"][0]["results"])


def test_unchanged_findings_do_not_count(baseline):
    source, report = baseline
    result = run("--baseline", report, source)
    assert result.exit_code == 0, result.output
    assert "[lock-imbalance]" not in result.output
    assert result.output.splitlines()[-1] == "0 finding(s) in 0 file(s) (1 unchanged from the baseline)"
    doc = json.loads(run("--format", "sarif", "--baseline", report, source).output)
    assert states(doc) == [("lock-imbalance", "unchanged", 10)]
    assert doc["runs"][0]["invocations"][0]["exitCode"] == 0


def test_only_new_findings_are_reported(baseline):
    source, report = baseline
    source.write_text("/* moved down by a comment */\n\n" + OLD_BUG + NEW_BUG)
    result = run("--baseline", report, source)
    assert result.exit_code == 1
    reported = [line for line in result.output.splitlines() if "[lock-imbalance]" in line]
    assert len(reported) == 1 and "drv.c:22:" in reported[0]  # dev_clear's return, not the moved old bug
    doc = json.loads(run("--format", "sarif", "--baseline", report, source).output)
    assert states(doc) == [("lock-imbalance", "new", 22), ("lock-imbalance", "unchanged", 12)]
    findings = json.loads(run("--format", "json", "--baseline", report, source).output)["findings"]
    assert sorted(f["baseline_state"] for f in findings) == ["new", "unchanged"]


def test_fixed_findings_are_absent(baseline):
    source, report = baseline
    source.write_text(FIXED + NEW_BUG)
    doc = json.loads(run("--format", "sarif", "--baseline", report, source).output)
    assert states(doc) == [("lock-imbalance", "absent", 10), ("lock-imbalance", "new", 21)]
    absent = next(r for r in doc["runs"][0]["results"] if r["baselineState"] == "absent")
    assert absent["partialFingerprints"]["drvlint/v1"]
    assert doc["runs"][0]["tool"]["driver"]["rules"][absent["ruleIndex"]]["id"] == "lock-imbalance"
    result = run("--baseline", report, source)
    assert result.exit_code == 1 and "(1 fixed since the baseline)" in result.output
    doc = json.loads(run("--format", "json", "--baseline", report, source).output)
    assert [a["line"] for a in doc["absent"]] == [10]
    # an absent result only where this run could have seen it: not when its rule did not run
    doc = json.loads(run("--format", "sarif", "--select", "null-return", "--baseline", report, source).output)
    assert doc["runs"][0]["results"] == []


def test_baseline_from_another_checkout(tmp_path, monkeypatch):
    """URIs relative to %SRCROOT% line up with the same repository checked out elsewhere."""
    first = tmp_path / "one"
    (first / "drivers").mkdir(parents=True)
    (first / "drivers" / "drv.c").write_text(OLD_BUG)
    subprocess.run(["git", "init", "-q", str(first)], check=True)
    monkeypatch.chdir(first)
    assert run("--format", "sarif", "-o", tmp_path / "base.sarif", "drivers").exit_code == 1
    base = json.loads((tmp_path / "base.sarif").read_text())
    location = base["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "drivers/drv.c", "uriBaseId": "%SRCROOT%"}
    second = tmp_path / "two"
    shutil.copytree(first, second)
    monkeypatch.chdir(second)
    assert run("--baseline", tmp_path / "base.sarif", "drivers").exit_code == 0
    (second / "drivers" / "drv.c").unlink()
    (second / "drivers" / "other.c").write_text(NEW_BUG.replace("int dev_clear", "struct dev { struct mutex lock; int state; };\nint dev_clear"))
    doc = json.loads(run("--format", "sarif", "--baseline", tmp_path / "base.sarif", "drivers").output)
    assert sorted(r["baselineState"] for r in doc["runs"][0]["results"]) == ["absent", "new"]


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("{not json", "not JSON"),
    ('{"something": 1}', "neither a SARIF log nor a drvlint JSON report"),
    ('{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "drvlint"}}, "results": [{"ruleId": "x", '
     '"message": {"text": "m"}}]}]}', "no 'drvlint/v1' fingerprints"),
    ('{"tool": "drvlint", "findings": [{"rule_id": "lock-imbalance"}]}', "carry no fingerprint"),
])
def test_unusable_baseline_is_one_line(c_source, tmp_path, content, message):
    source = c_source(OLD_BUG, "drv.c")
    report = tmp_path / "base.json"
    if content is not None:
        report.write_text(content)
    result = run("--baseline", report, source)
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1
