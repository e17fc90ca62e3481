"""`--diff-base REV`: only files changed since REV are analysed, only findings on changed lines reported."""
from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from drvlint.cli import main
from drvlint.gitdiff import parse_hunks

HEADER = """#include <linux/mutex.h>
#include <linux/errno.h>
struct dev { struct mutex lock; int state; };
"""
OLD = """
int dev_set(struct dev *d, int v)
{
\tmutex_lock(&d->lock);
\tif (v < 0)
\t\treturn -EINVAL;
\td->state = v;
\tmutex_unlock(&d->lock);
\treturn 0;
}
"""
CLEAN = """
int dev_store(struct dev *d, int v)
{
\tmutex_lock(&d->lock);
\tif (v > 100) {
\t\tmutex_unlock(&d->lock);
\t\treturn -EINVAL;
\t}
\td->state = v;
\tmutex_unlock(&d->lock);
\treturn 0;
}
"""


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """Committed: old.c with an old bug, other.c clean."""
    git(tmp_path, "init", "-q")
    (tmp_path / "old.c").write_text(HEADER + OLD + CLEAN)
    (tmp_path / "other.c").write_text(HEADER + CLEAN)
    (tmp_path / "notes.txt").write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, ["--builtin-headers", *map(str, args)])
    assert "Traceback" not in result.output, result.output
    return result


def analysed(doc) -> list[str]:
    return sorted(f["path"] for f in doc["files"])


def test_parse_hunks():
    diff = "\n".join([
        "diff --git a/x.c b/x.c", "--- a/x.c", "+++ b/x.c",
        "@@ -3 +3 @@", "-a", "+b",  # one line changed
        "@@ -10,0 +11,2 @@", "+c", "+d",  # two lines added
        "@@ -20,3 +21,0 @@", "-e", "-f", "-g",  # a deletion between new lines 21 and 22
        "diff --git a/gone.c b/gone.c", "--- a/gone.c", "+++ /dev/null", "@@ -1,2 +0,0 @@",
        'diff --git "a/t\\tb.c" "b/t\\tb.c"', '--- "a/t\\tb.c"', '+++ "b/t\\tb.c"', "@@ -0,0 +1 @@", "+x",
    ])
    assert parse_hunks(diff) == {"x.c": {3, 11, 12, 21, 22}, "t\tb.c": {1}}


def test_only_changed_files_and_lines(repo):
    text = HEADER + OLD + CLEAN.replace("\td->state = v;\n", "\td->state = v;\n\tif (v == 42)\n\t\treturn -EIO;\n")
    (repo / "old.c").write_text(text)
    result = run("--format", "json", "--diff-base", "HEAD")
    assert result.exit_code == 1, result.output
    doc = json.loads(result.output)
    assert analysed(doc) == ["old.c"]  # other.c and notes.txt did not change
    # dev_store's new bug, not dev_set's old one
    assert [(f["function"], f["line"]) for f in doc["findings"]] == [("dev_store", line_of(text, "-EIO"))]
    assert any("--diff-base HEAD: 1 changed source file(s)" in n["message"] for n in doc["notifications"])
    assert len(json.loads(run("--format", "json", "old.c").output)["findings"]) == 2


def test_a_removed_line_counts_for_its_neighbours(repo):
    # removing the unlock before an error return: the finding is on the return, next to the gap
    text = (HEADER + CLEAN).replace("\t\tmutex_unlock(&d->lock);\n", "")
    (repo / "other.c").write_text(text)
    doc = json.loads(run("--format", "json", "--diff-base", "HEAD").output)
    assert analysed(doc) == ["other.c"]
    assert [(f["rule_id"], f["line"]) for f in doc["findings"]] == [("lock-imbalance", line_of(text, "-EINVAL"))]


def test_path_scope_and_untracked_files(repo):
    (repo / "sub").mkdir()
    (repo / "sub" / "new.c").write_text(HEADER + OLD)  # untracked: every line counts as changed
    (repo / "old.c").write_text(HEADER + OLD + CLEAN + "\n/* touched */\n")
    doc = json.loads(run("--format", "json", "--diff-base", "HEAD").output)
    assert analysed(doc) == ["old.c", "sub/new.c"]
    assert [f["path"] for f in doc["findings"]] == ["sub/new.c"]
    doc = json.loads(run("--format", "json", "--diff-base", "HEAD", "sub").output)
    assert analysed(doc) == ["sub/new.c"]


def test_no_changes_is_a_clean_run_with_a_report(repo, tmp_path):
    result = run("--format", "sarif", "-o", tmp_path / "out.sarif", "--diff-base", "HEAD")
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "out.sarif").read_text())
    assert doc["runs"][0]["results"] == []
    assert doc["runs"][0]["invocations"][0]["properties"]["diffBase"] == "HEAD"


def test_unused_suppressions_reported_on_changed_lines_only(repo):
    stale = "\n/* drvlint-ignore lock-imbalance: stale */\nint x;\n"
    git(repo, "rm", "-q", "other.c")
    (repo / "old.c").write_text(HEADER + OLD + CLEAN + stale)
    git(repo, "commit", "-q", "-am", "stale suppression")
    (repo / "old.c").write_text(HEADER + OLD + CLEAN + stale + "/* drvlint-ignore null-return: new and stale */\n")
    result = run("--diff-base", "HEAD")
    assert result.output.count("unused suppression") == 1 and "no null-return finding" in result.output


@pytest.mark.parametrize("rev, message", [("no-such-branch", "unknown revision 'no-such-branch'"),
                                          ("--output=x", "unknown revision '--output=x'")])
def test_bad_revision_is_one_line(repo, rev, message):
    result = run(f"--diff-base={rev}")
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (repo / "x").exists()


def test_outside_a_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("--diff-base", "HEAD")
    assert result.exit_code == 2 and "not inside a git repository" in result.output


def test_many_files_go_to_git_in_batches(repo, monkeypatch):
    import drvlint.gitdiff as gitdiff
    monkeypatch.setattr(gitdiff, "BATCH", 1)
    text = (HEADER + CLEAN).replace("\t\tmutex_unlock(&d->lock);\n", "")
    (repo / "other.c").write_text(text)
    (repo / "old.c").write_text(HEADER + OLD + CLEAN + "\n/* touched */\n")
    (repo / "new.c").write_text(HEADER + OLD)
    doc = json.loads(run("--format", "json", "--diff-base", "HEAD").output)
    assert analysed(doc) == ["new.c", "old.c", "other.c"]
    assert sorted((f["path"], f["line"]) for f in doc["findings"]) == [
        ("new.c", line_of(HEADER + OLD, "-EINVAL")), ("other.c", line_of(text, "-EINVAL"))]
