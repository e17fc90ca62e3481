"""The command line as a user meets it: exit codes, formats, bad input without tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drvlint import __version__
from drvlint.cli import main

from conftest import CORPUS

BUGGY = CORPUS / "c" / "lock-imbalance" / "buggy" / "misc_ioctl_efault_unlock.c"
FIXED = CORPUS / "c" / "lock-imbalance" / "fixed" / "misc_ioctl_efault_unlock.c"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


def test_findings_exit_1_with_compiler_style_lines():
    result = run("--builtin-headers", BUGGY)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"drvlint {__version__}: 1 file(s) analysed")
    assert "reduced mode" in result.output
    warning = next(l for l in lines if "[lock-imbalance]" in l)
    assert warning.startswith(f"{BUGGY}:42:") and ": warning: " in warning
    assert any(": note: " in l and "acquired here" in l for l in lines)
    assert lines[-1] == "1 finding(s) in 1 file(s)"


def test_clean_file_exits_0():
    result = run("--builtin-headers", FIXED)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "0 finding(s) in 0 file(s)"


def test_directory_is_searched_recursively():
    result = run("--builtin-headers", "--format", "json", CORPUS / "c" / "lock-imbalance" / "fixed")
    doc = json.loads(result.output)
    assert len(doc["files"]) == len(list((CORPUS / "c" / "lock-imbalance" / "fixed").glob("*.c")))
    assert doc["findings"] == [] and result.exit_code == 0


def test_json_carries_taxonomy_cwe_and_path():
    doc = json.loads(run("--builtin-headers", "--format", "json", BUGGY).output)
    (finding,) = doc["findings"]
    assert finding["rule_id"] == "lock-imbalance"
    assert finding["taxonomy"] == {"category": "Concurrency defect", "subcategory": "Imbalanced locks",
                                   "id": "concurrency/imbalanced-locks"}
    assert finding["cwe"] == [667, 764, 765]
    assert finding["function"] and finding["steps"][0]["message"].endswith("acquired here")
    assert doc["files"][0]["mode"].startswith("drvlint built-in")


def test_select_and_ignore():
    assert run("--builtin-headers", "--ignore", "lock-imbalance", BUGGY).exit_code == 0
    assert run("--builtin-headers", "--select", "lock-imbalance", BUGGY).exit_code == 1
    result = run("--select", "no-such-rule", BUGGY)
    assert result.exit_code == 2 and "unknown rule 'no-such-rule'" in result.output


@pytest.mark.parametrize("setup, message", [
    (lambda d: d / "missing.c", "no such file or directory"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "contains no C or Python sources"),
])
def test_bad_paths_exit_2_with_one_line(tmp_path, setup, message):
    result = run(setup(tmp_path))
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_binary_and_wrong_kind_files_are_reported_not_crashed(tmp_path):
    binary = tmp_path / "blob.c"
    binary.write_bytes(b"\x7fELF\x00\x00\x01\x02" * 64)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    result = run("--builtin-headers", binary, text)
    assert result.exit_code == 2
    assert "binary file" in result.output and "not a C or Python source file" in result.output
    # with one good file the run goes on and the bad ones are notifications
    result = run("--builtin-headers", binary, FIXED)
    assert result.exit_code == 0
    assert "binary file" in result.output


def test_non_utf8_source_is_a_notification(tmp_path):
    path = tmp_path / "latin1.c"
    path.write_bytes("/* caf\xe9 */\nint f(void) { return 0; }\n".encode("latin-1"))
    result = run("--builtin-headers", path)
    assert result.exit_code == 0
    assert "not valid UTF-8" in result.output


def test_output_file_written_atomically(tmp_path):
    target = tmp_path / "report.sarif"
    result = run("--builtin-headers", "--format", "sarif", "-o", target, BUGGY)
    assert result.exit_code == 1
    doc = json.loads(target.read_text())
    assert doc["version"] == "2.1.0"
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]  # no temporary left behind
    assert run("-o", tmp_path / "nodir" / "x.json", BUGGY).exit_code == 2


def test_bad_rule_file_is_one_line(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text('[[lock]]\nnames = ["x"]\n')
    result = run("--rules", pack, BUGGY)
    assert result.exit_code == 2
    assert f"{pack}:1:" in result.output and "missing required field" in result.output


def test_bad_kdir(tmp_path):
    result = run("--kdir", tmp_path, BUGGY)
    assert result.exit_code == 2
    assert "not a configured kernel tree" in result.output


def test_rules_command_lists_taxonomy_and_cwe():
    result = run("rules")
    assert result.exit_code == 0
    assert "lock-imbalance" in result.output
    assert "Concurrency defect > Imbalanced locks" in result.output
    assert "CWE-667" in result.output and "rules/kernel-locks.toml" in result.output


def test_version_and_console_script():
    assert run("--version").output.strip() == f"drvlint, version {__version__}"
    exe = Path(sys.executable).with_name("drvlint")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "drvlint.cli"]
    proc = subprocess.run(command + ["--builtin-headers", str(BUGGY)], capture_output=True, text=True,
                          env={**os.environ})
    assert proc.returncode == 1 and "[lock-imbalance]" in proc.stdout and not proc.stderr


def test_findings_in_functions_with_parse_errors_are_withheld(tmp_path):
    path = tmp_path / "broken.c"
    path.write_text("""
#include <linux/mutex.h>
struct dev { struct mutex m; int x; };
int broken(struct dev *d) {
    mutex_lock(&d->m);
    if (d->no_such_field)
        return -5;
    mutex_unlock(&d->m);
    return 0;
}
int fine(struct dev *d) {
    mutex_lock(&d->m);
    if (d->x)
        return -5;
    mutex_unlock(&d->m);
    return 0;
}
""")
    result = run("--builtin-headers", "--format", "json", path)
    doc = json.loads(result.output)
    assert [(f["function"], f["line"]) for f in doc["findings"]] == [("fine", 14)]
    assert any("not reported: in functions with parse errors (broken)" in n["message"] for n in doc["notifications"])
