"""Configuration in `.drvlint.toml` or `[tool.drvlint]`: found up to the git root, flags win, unknown
keys are errors that name the key."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MUTEX_RETURN_BUG
from drvlint.cli import main
from drvlint.config import matches

LOCK_BUG = MUTEX_RETURN_BUG
USER_BUG = """long dev_ioctl(void *d, unsigned int cmd, unsigned long arg)
{
\tint *p = (int __user *)arg;
\treturn *p;
}
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A driver repository: drivers/a.c (lock bug), drivers/legacy/b.c (lock bug), drivers/c.c (user bug)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "drivers" / "legacy").mkdir(parents=True)
    (tmp_path / "drivers" / "a.c").write_text(LOCK_BUG)
    (tmp_path / "drivers" / "legacy" / "b.c").write_text(LOCK_BUG)
    (tmp_path / "drivers" / "c.c").write_text(USER_BUG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


def reported(result) -> list[tuple[str, str]]:
    doc = json.loads(result.output)
    return sorted((Path(os.path.relpath(f["path"])).as_posix(), f["rule_id"]) for f in doc["findings"])


def test_drvlint_toml_paths_exclude_and_per_path_ignores(repo):
    (repo / ".drvlint.toml").write_text('paths = ["drivers"]\nbuiltin-headers = true\nformat = "json"\n'
                                        'exclude = ["legacy"]\n'
                                        '[per-path-ignores]\n"drivers/c.c" = ["user-pointer-deref"]\n')
    result = run()
    assert result.exit_code == 1, result.output
    assert reported(result) == [("drivers/a.c", "lock-imbalance")]


def test_pyproject_table_found_from_a_subdirectory(repo, monkeypatch):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.drvlint]\nbuiltin-headers = true\n'
                                         'select = ["user-pointer-deref"]\nformat = "json"\n')
    monkeypatch.chdir(repo / "drivers")
    result = run(".")
    assert reported(result) == [("c.c", "user-pointer-deref")]


def test_search_stops_at_the_git_root(repo, tmp_path_factory, monkeypatch):
    outer = repo / "vendor"
    (outer / "sub").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(outer / "sub")], check=True)
    (outer / "sub" / "x.c").write_text(USER_BUG)
    (repo / ".drvlint.toml").write_text('select = ["lock-imbalance"]\n')
    monkeypatch.chdir(outer / "sub")
    # the nested repository has no configuration: the outer one must not leak in
    result = run("--builtin-headers", "--format", "json", "x.c")
    assert reported(result) == [("x.c", "user-pointer-deref")]


def test_found_from_the_analysed_path_when_cwd_has_none(repo, tmp_path_factory, monkeypatch):
    (repo / ".drvlint.toml").write_text('select = ["user-pointer-deref"]\nbuiltin-headers = true\n')
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    result = run("--format", "json", repo / "drivers")
    assert [rule for _, rule in reported(result)] == ["user-pointer-deref"]


def test_command_line_wins(repo):
    (repo / ".drvlint.toml").write_text('paths = ["drivers/legacy"]\nselect = ["user-pointer-deref"]\n'
                                        'format = "json"\nbuiltin-headers = true\nsarif-category = "from-file"\n')
    assert run().exit_code == 0  # user-pointer-deref only, on drivers/legacy: nothing
    result = run("--select", "lock-imbalance", "drivers/a.c")
    assert reported(result) == [("drivers/a.c", "lock-imbalance")]
    assert run("--format", "text", "drivers/a.c").output.startswith("drvlint ")
    doc = json.loads(run("--format", "sarif", "--select", "lock-imbalance").output)
    assert doc["runs"][0]["automationDetails"]["id"] == "from-file/"
    doc = json.loads(run("--format", "sarif", "--sarif-category", "cli", "drivers/a.c").output)
    assert doc["runs"][0]["automationDetails"]["id"] == "cli/"
    assert doc["runs"][0]["invocations"][0]["properties"]["configuration"] == str(repo / ".drvlint.toml")


def test_exclude_on_the_command_line_replaces_the_files(repo):
    (repo / ".drvlint.toml").write_text('exclude = ["drivers/a.c"]\nbuiltin-headers = true\nformat = "json"\n')
    assert [p for p, _ in reported(run("drivers"))] == ["drivers/c.c", "drivers/legacy/b.c"]
    assert [p for p, _ in reported(run("--exclude", "legacy", "drivers"))] == ["drivers/a.c", "drivers/c.c"]


def test_relative_rule_packs_and_kdir_are_relative_to_the_file(repo, monkeypatch):
    (repo / "packs").mkdir()
    (repo / "packs" / "bad.toml").write_text('[[lock]]\nnames = ["x"]\n')
    (repo / ".drvlint.toml").write_text('rules = ["packs/bad.toml"]\n')
    monkeypatch.chdir(repo / "drivers")
    result = run("a.c")
    assert result.exit_code == 2 and f"{repo / 'packs' / 'bad.toml'}:1:" in result.output
    (repo / ".drvlint.toml").write_text('kdir = "no-such-kernel"\n')
    result = run("a.c")
    assert result.exit_code == 2 and str(repo / "no-such-kernel") in result.output


@pytest.mark.parametrize("text, message", [
    ('exclud = ["x"]\n', "unknown key 'exclud' in .drvlint.toml (did you mean 'exclude'?)"),
    ('colour = true\n', "unknown key 'colour' in .drvlint.toml (known: paths"),
    ('select = "lock-imbalance"\nignore = [1]\n', "'ignore' must be a list of strings"),
    ('builtin-headers = "yes"\n', "'builtin-headers' must be true or false"),
    ('format = "xml"\n', "'format' must be one of text, json, sarif"),
    ('per-path-ignores = ["x"]\n', "'per-path-ignores' must be a table"),
    ('select = ["no-such-rule"]\n', "unknown rule 'no-such-rule' in select"),
    ('[per-path-ignores]\n"x/*" = ["nope"]\n', "unknown rule 'nope' in per-path-ignores.\"x/*\""),
    ('paths = [\n', "invalid TOML"),
])
def test_bad_configuration_is_one_line_naming_the_problem(repo, text, message):
    (repo / ".drvlint.toml").write_text(text)
    result = run("drivers/a.c")
    assert result.exit_code == 2
    assert message in result.output, result.output
    assert str(repo / ".drvlint.toml") in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unknown_key_in_pyproject_names_the_table(repo):
    (repo / "pyproject.toml").write_text('[tool.drvlint]\nsarif_category = "x"\n')
    result = run("drivers/a.c")
    assert result.exit_code == 2
    assert "unknown key 'sarif_category' in [tool.drvlint] (did you mean 'sarif-category'?)" in result.output


def test_explicit_config_file(repo):
    (repo / "ci.toml").write_text('select = ["user-pointer-deref"]\nbuiltin-headers = true\nformat = "json"\n')
    assert reported(run("--config", "ci.toml", "drivers")) == [("drivers/c.c", "user-pointer-deref")]
    result = run("--config", "missing.toml", "drivers")
    assert result.exit_code == 2 and "no such file" in result.output


def test_everything_excluded_is_not_an_error(repo):
    (repo / ".drvlint.toml").write_text('exclude = ["drivers"]\nbuiltin-headers = true\n')
    result = run("drivers")
    assert result.exit_code == 0
    assert "3 file(s) left out by exclude patterns" in result.output


@pytest.mark.parametrize("pattern, path, expected", [
    ("drivers/legacy", "drivers/legacy/b.c", True),
    ("drivers/legacy/", "drivers/legacy/b.c", True),
    ("drivers/*/old", "drivers/net/old/x.c", True),
    ("drivers/*.c", "drivers/a.c", True),
    ("./drivers/a.c", "drivers/a.c", True),
    ("drivers/**", "drivers/x/y.c", True),
    ("*_test.c", "drivers/net/foo_test.c", True),
    ("legacy", "drivers/legacy/b.c", True),
    ("legacy", "drivers/legacyish/b.c", False),
    ("drivers/leg", "drivers/legacy/b.c", False),
    ("net/*.c", "drivers/net/a.c", False),
])
def test_glob_matching(pattern, path, expected):
    assert matches(pattern, path) is expected
