"""What code scanning needs beyond plain SARIF: automationDetails from --sarif-category, invocations
with the real command line and exit status, GitHub's results limit, and adoption fields (suppressions,
baselineState, drvlint/v1) that stay valid for the schema and GitHub's ingestion rules."""
from __future__ import annotations

import json
import os
import subprocess

from click.testing import CliRunner

import drvlint.report_sarif as report_sarif
from drvlint.cli import main

from test_sarif import MULTITOOL, SCHEMA, require

SOURCE = """#include <linux/mutex.h>
#include <linux/errno.h>
struct dev { struct mutex lock; int state; };

int dev_set(struct dev *d, int v)
{
\tmutex_lock(&d->lock);
\tif (v < 0)
\t\treturn -EINVAL;
\tif (v > 9)
\t\treturn -ERANGE; /* drvlint-ignore lock-imbalance: range errors keep the lock for the caller */
\td->state = v;
\tmutex_unlock(&d->lock);
\treturn 0;
}

long dev_ioctl(struct dev *d, unsigned int cmd, unsigned long arg)
{
\tint *p = (int __user *)arg;
\tint *q = (int __user *)(arg + 4);
\tint a = *p;

\treturn a + *q;
}
"""


def sarif(*args):
    result = CliRunner().invoke(main, ["--builtin-headers", "--format", "sarif", *map(str, args)])
    assert "Traceback" not in result.output, result.output
    return result, json.loads(result.output)


def test_category_and_invocation(c_source):
    path = c_source(SOURCE)
    result, doc = sarif("--sarif-category", "drivers/net", path)
    (run,) = doc["runs"]
    assert run["automationDetails"] == {"id": "drivers/net/"}
    assert sarif("--sarif-category", "x/", path)[1]["runs"][0]["automationDetails"] == {"id": "x/"}
    assert "automationDetails" not in sarif(path)[1]["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["commandLine"] == f"drvlint --builtin-headers --format sarif --sarif-category drivers/net {path}"
    assert invocation["exitCode"] == result.exit_code == 1 and invocation["executionSuccessful"] is True
    assert any("reduced mode" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])


def test_results_over_the_limit_keep_the_most_severe(c_source, monkeypatch):
    path = c_source(SOURCE)
    _, full = sarif(path)
    levels = sorted((r["level"], "suppressions" in r) for r in full["runs"][0]["results"])
    assert levels == [("error", False), ("error", False), ("warning", False), ("warning", True)]
    monkeypatch.setattr(report_sarif, "MAX_RESULTS", 3)
    _, doc = sarif(path)
    (run,) = doc["runs"]
    kept = [(r["ruleId"], r["level"], "suppressions" in r) for r in run["results"]]
    assert kept == [("lock-imbalance", "warning", False), ("user-pointer-deref", "error", False),
                    ("user-pointer-deref", "error", False)]  # the suppressed one goes first, order kept
    (note,) = [n for n in run["invocations"][0]["toolExecutionNotifications"] if "limit" in n["message"]["text"]]
    assert note["level"] == "warning"
    assert "4 results exceed GitHub code scanning's limit of 3 per run" in note["message"]["text"]
    assert "left out 1 (1 warning)" in note["message"]["text"]
    monkeypatch.setattr(report_sarif, "MAX_RESULTS", 1)
    _, doc = sarif(path)
    assert [r["level"] for r in doc["runs"][0]["results"]] == ["error"]


def test_adoption_fields_pass_schema_and_github_rules(c_source, tmp_path):
    path = c_source(SOURCE)
    base = tmp_path / "base.sarif"
    assert CliRunner().invoke(main, ["--builtin-headers", "--format", "sarif", "-o", str(base), str(path)]).exit_code == 1
    path.write_text(SOURCE.replace("\tint a = *p;", "\tint a = 0;").replace("*q;", "0;"))  # the user-pointer bugs are fixed
    out = tmp_path / "adoption.sarif"
    result = CliRunner().invoke(main, ["--builtin-headers", "--format", "sarif", "-o", str(out), "--baseline",
                                       str(base), "--sarif-category", "drvlint", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text())
    assert sorted((r["ruleId"], r["baselineState"], "suppressions" in r) for r in doc["runs"][0]["results"]) == [
        ("lock-imbalance", "unchanged", False), ("lock-imbalance", "unchanged", True),
        ("user-pointer-deref", "absent", False), ("user-pointer-deref", "absent", False)]
    require(SCHEMA)
    import jsonschema
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    require(MULTITOOL)
    report = tmp_path / "validation.sarif"
    proc = subprocess.run([str(MULTITOOL), "validate", "--rule-kind", "Gh;Sarif", "-o", str(report), str(out)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    problems = [r for r in json.loads(report.read_text())["runs"][0].get("results", [])
                if r.get("level", "warning") in ("error", "warning")]
    assert problems == [], json.dumps(problems, indent=1)[:3000]
