"""The CI templates (ci/github/*.yml) pass actionlint and do what the README promises; the pre-commit
hook manifest is valid for pre-commit and runs drvlint on the files it is given."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, ROOT

TEMPLATES = sorted((ROOT / "ci" / "github").glob("*.yml"))


def actionlint() -> str:
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if found is None:
        if os.environ.get("DRVLINT_REQUIRE_TOOLS") == "1":
            pytest.fail("actionlint required (DRVLINT_REQUIRE_TOOLS=1) but missing; ci/setup installs the test extras")
        pytest.skip("actionlint not installed (pip install '.[test]')")
    return found


def lint(*paths: Path) -> subprocess.CompletedProcess:
    # pyflakes is for Python run: steps (there are none); shellcheck is used when installed (ci/setup installs it)
    return subprocess.run([actionlint(), "-pyflakes=", "-no-color", *map(str, paths)], capture_output=True,
                          text=True, timeout=120)


def test_templates_exist():
    assert [p.name for p in TEMPLATES] == ["drvlint-kernel-subset.yml", "drvlint.yml"]


def test_actionlint_accepts_the_templates():
    proc = lint(*TEMPLATES)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_is_live(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(TEMPLATES[1].read_text().replace("${{ env.DRVLINT_CATEGORY }}", "${{ env.DRVLINT_CATEGORY ")
                      .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minutes: soon"))
    proc = lint(broken)
    assert proc.returncode == 1
    assert "timeout-minutes" in proc.stdout and "broken.yml" in proc.stdout


@pytest.mark.parametrize("template", TEMPLATES, ids=[p.name for p in TEMPLATES])
def test_template_installs_runs_and_uploads(template):
    workflow = yaml.safe_load(template.read_text())
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("debian:")
    assert job["permissions"]["security-events"] == "write"
    steps = job["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert "linux-headers-amd64" in scripts and "pip install" in scripts
    run_step = next(step for step in steps if "drvlint check" in step.get("run", ""))
    assert "--format sarif" in run_step["run"] and "--output drvlint.sarif" in run_step["run"]
    assert '--sarif-category "$DRVLINT_CATEGORY"' in run_step["run"] and "--diff-base" in run_step["run"]
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"] == {"sarif_file": "drvlint.sarif", "category": "${{ env.DRVLINT_CATEGORY }}"}
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 2  # HEAD^1 of a pull request's merge commit is its base
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert {"push", "pull_request"} <= set(triggers)


def test_kernel_subset_checks_out_headers_and_the_analysed_directories():
    workflow = yaml.safe_load((ROOT / "ci" / "github" / "drvlint-kernel-subset.yml").read_text())
    (job,) = workflow["jobs"].values()
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout"))
    sparse = checkout["with"]["sparse-checkout"].split()
    assert {"include", "arch/x86/include", "${{", "env.DRVLINT_DIRS", "}}"} <= set(sparse)
    assert "$DRVLINT_DIRS" in next(s["run"] for s in job["steps"] if "drvlint check" in s.get("run", ""))


def test_pre_commit_manifest():
    from pre_commit.clientlib import load_manifest
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert (hook["id"], hook["entry"], hook["language"], hook["types"]) == ("drvlint", "drvlint", "python", ["c"])
    assert hook["pass_filenames"] is True
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'drvlint = "drvlint.cli:main"' in pyproject  # the entry is the console script pip installs
    from identify.identify import tags_from_filename
    assert "c" in tags_from_filename("drivers/foo.c") and "c" in tags_from_filename("drivers/foo.h")
    assert "c" not in tags_from_filename("setup.py")


def test_entry_takes_the_files_pre_commit_passes():
    exe = Path(sys.executable).with_name("drvlint")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "drvlint.cli"]
    buggy = CORPUS / "c" / "lock-imbalance" / "buggy" / "misc_ioctl_efault_unlock.c"
    fixed = CORPUS / "c" / "lock-imbalance" / "fixed" / "misc_ioctl_efault_unlock.c"
    proc = subprocess.run(command + ["--builtin-headers", str(fixed), str(buggy)], capture_output=True, text=True)
    assert proc.returncode == 1 and "2 file(s) analysed" in proc.stdout and "[lock-imbalance]" in proc.stdout
    proc = subprocess.run(command + ["--builtin-headers", str(fixed)], capture_output=True, text=True)
    assert proc.returncode == 0
