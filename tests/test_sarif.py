"""SARIF output is valid 2.1.0 (official schema) and passes the SARIF Multitool's GitHub ingestion rules."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from drvlint.cli import main
from drvlint.report_sarif import to_json

from conftest import CORPUS, ROOT

TOOLS = Path(os.environ.get("DRVLINT_TOOLS", ROOT / ".tools")) / "node_modules" / "@microsoft" / "sarif-multitool-linux"
SCHEMA = TOOLS / "sarif-2.1.0.json"
MULTITOOL = TOOLS / "Sarif.Multitool"
LOCK = CORPUS / "c" / "lock-imbalance"
CHECKER_DIRS = sorted(d for d in (CORPUS / "c").iterdir() if (d / "buggy").is_dir())  # every checker's findings


def require(path: Path) -> None:
    if not path.exists():
        if os.environ.get("DRVLINT_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{path} required (DRVLINT_REQUIRE_TOOLS=1) but missing; .ci/run installs it")
        pytest.skip(f"{path} not installed (run .ci/run or npm install @microsoft/sarif-multitool in .tools)")


@pytest.fixture(scope="module")
def sarif(tmp_path_factory):
    out = tmp_path_factory.mktemp("sarif") / "drvlint.sarif"
    bad = tmp_path_factory.mktemp("bad") / "blob.c"
    bad.write_bytes(b"\0\1\2")
    result = CliRunner().invoke(main, ["--builtin-headers", "--format", "sarif", "-o", str(out),
                                       *(str(d / "buggy") for d in CHECKER_DIRS), str(bad)])
    assert result.exit_code == 1, result.output
    return out


def test_structure_for_github(sarif):
    doc = json.loads(sarif.read_text())
    assert doc["$schema"].endswith("sarif-2.1.0.json") and doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "drvlint" and driver["version"] and driver["informationUri"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and {"lock-imbalance", "sleep-in-atomic"} <= set(ids)
    index = ids.index("lock-imbalance")
    rule = driver["rules"][index]
    assert rule["help"]["text"] and rule["help"]["markdown"].startswith("**Imbalanced locks**")
    props = rule["properties"]
    assert "external/cwe/cwe-667" in props["tags"] and "Imbalanced locks" in props["tags"]
    assert len(props["tags"]) <= 10
    assert props["precision"] == "high" and props["problem.severity"] == "warning"
    assert float(props["security-severity"]) > 0
    assert {t["name"] for t in run["taxonomies"]} == {"CWE", "DriverBugTaxonomy"}
    results = run["results"]
    assert len(results) == sum(len([l for l in p.read_text().splitlines() if "expect:" in l])
                               for d in CHECKER_DIRS for p in (d / "buggy").glob("*.c"))
    assert {r["ruleId"] for r in results} == {d.name for d in CHECKER_DIRS}
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        # explicit, although it equals the rule's default
        assert result["level"] == driver["rules"][result["ruleIndex"]]["defaultConfiguration"]["level"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] > 0 and region["startColumn"] > 0
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert ":" in result["partialFingerprints"]["primaryLocationLineHash"]
        flow = result["codeFlows"][0]["threadFlows"][0]["locations"]
        assert len(flow) >= (1 if result["ruleId"] == "user-pointer-deref" else 2)
        assert all(step["location"]["message"]["text"] for step in flow)
        assert {t["toolComponent"]["name"] for t in result["taxa"]} == {"CWE", "DriverBugTaxonomy"}
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True and invocation["exitCode"] == 1
    assert "--format sarif" in invocation["commandLine"] or "drvlint" in invocation["commandLine"]
    notes = invocation["toolExecutionNotifications"]
    assert any("binary file" in n["message"]["text"] and n["level"] == "error" for n in notes)
    assert any("reduced mode" in n["message"]["text"] for n in notes)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")


def test_serialiser_keeps_explicit_defaults():
    import sarif_om as om
    result = om.Result(message=om.Message(text="x"), level="warning", rule_id="r")
    assert to_json(result)["level"] == "warning"
    assert "rank" not in to_json(result)


def test_official_schema(sarif):
    require(SCHEMA)
    import jsonschema
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(json.loads(sarif.read_text()), schema)


def test_multitool_with_github_rules(sarif, tmp_path):
    require(MULTITOOL)
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}

    def validate(path: Path) -> list[dict]:
        report = tmp_path / (path.stem + ".validation.sarif")
        proc = subprocess.run([str(MULTITOOL), "validate", "--rule-kind", "Gh;Sarif", "-o", str(report), str(path)],
                              capture_output=True, text=True, env=env, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return json.loads(report.read_text())["runs"][0].get("results", [])

    problems = [r for r in validate(sarif) if r.get("level", "warning") in ("error", "warning")]
    assert problems == [], json.dumps(problems, indent=1)[:3000]
    # the validator is live: a result without a message must be caught
    broken = json.loads(sarif.read_text())
    del broken["runs"][0]["results"][0]["message"]
    bad = tmp_path / "broken.sarif"
    bad.write_text(json.dumps(broken))
    assert any(r.get("level") == "error" for r in validate(bad))
