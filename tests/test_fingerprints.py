"""Fingerprints: GitHub's primaryLocationLineHash computed as its upload action does, and drvlint's own
fingerprint, both stable when unrelated code moves."""
from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from conftest import MUTEX_RETURN_BUG
from drvlint.cli import main
from drvlint.fingerprints import BLOCK_SIZE, github_line_hashes, normalise_statement

MASK = (1 << 64) - 1


def reference_hashes(text: str) -> list[str]:
    """An independent, non-rolling statement of the algorithm: normalise the character stream (spaces and
    tabs dropped; CR, LF and CRLF each one LF; the LF of a CRLF dropped only right after the CR), append
    EOF (65535) and zeros; a line's hash is sum(c[s+k] * 37**(99-k)) mod 2**64 over the 100 characters
    from its first kept character s."""
    units = list(text.encode("utf-16-le"))
    codes = [units[i] | units[i + 1] << 8 for i in range(0, len(units), 2)]
    stream, starts, prev_cr, line_start = [], [], False, True
    for code in codes + [65535]:
        if code in (32, 9) or (prev_cr and code == 10):
            prev_cr = False
            continue
        prev_cr = code == 13
        code = 10 if code == 13 else code
        if line_start:
            starts.append(len(stream))
            line_start = False
        line_start = code == 10
        stream.append(code)
    stream += [0] * BLOCK_SIZE
    out, seen = [], {}
    for start in starts:
        value = sum(stream[start + k] * 37 ** (BLOCK_SIZE - 1 - k) for k in range(BLOCK_SIZE)) & MASK
        key = format(value, "x")
        seen[key] = seen.get(key, 0) + 1
        out.append(f"{key}:{seen[key]}")
    return out


def test_empty_file_worked_by_hand():
    # Only EOF, then 99 zeros: 65535 * 37**99 mod 2**64.
    assert hex(65535 * 37 ** 99 % 2 ** 64) == "0xc129715d7a2bc9a3"
    assert github_line_hashes("") == ["c129715d7a2bc9a3:1"]


def test_vectors_published_with_the_upload_action():
    # Expected values from github/codeql-action's own test of fingerprints.ts.
    assert github_line_hashes(" a\nb\n  \t\tc\n d") == [
        "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]
    expected = ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]
    for text in (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
                 " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
                 " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"):
        assert github_line_hashes(text) == expected
    repeated = github_line_hashes("Lorem ipsum dolor sit amet.\n" * 10)
    assert repeated[:6] == [f"a7f2ff13bc495cf2:{n}" for n in range(1, 7)]
    assert repeated[6:] == ["a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                            "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]


@pytest.mark.parametrize("seed", range(12))
def test_rolling_port_equals_the_closed_form(seed):
    rng = random.Random(seed)
    alphabet = ["a", "b", "{", "}", ";", " ", "\t", "\n", "\r", "\r\n", "é", "\U0001F600", "x" * 40]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
    assert github_line_hashes(text) == reference_hashes(text)


def test_one_hash_per_line_in_every_line_end_convention():
    text = "int a;\n\tint b;\r\nint c;\rint d;"
    assert len(github_line_hashes(text)) == 4
    assert github_line_hashes(text.replace("\t", "        ")) == github_line_hashes(text)


def test_statement_normalisation_ignores_layout_and_comments():
    assert normalise_statement("\treturn  -EIO; /* drvlint-ignore x: y */") == "return-EIO;"
    assert normalise_statement("return x  # drvlint-ignore x: y", ".py") == "returnx"


BUG = MUTEX_RETURN_BUG
UNRELATED = """
/* A helper added above the buggy function. */
static int dev_ready(struct dev *d)
{
\treturn d->state > 0;
}
"""


def sarif_results(path):
    result = CliRunner().invoke(main, ["--builtin-headers", "--format", "sarif", str(path)])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)["runs"][0]["results"]


def prints(result):
    region = result["locations"][0]["physicalLocation"]["region"]
    return region["startLine"], result["partialFingerprints"]


def test_code_moved_down_keeps_both_fingerprints(c_source):
    path = c_source(BUG)
    (before,) = sarif_results(path)
    line, fingerprints = prints(before)
    assert line == 10
    assert fingerprints["primaryLocationLineHash"] == github_line_hashes(path.read_text())[line - 1]
    assert fingerprints["drvlint/v1"].endswith(":1")

    head, _, tail = BUG.partition("int dev_set")
    path.write_text(head + UNRELATED + "\n/* more lines */\n\nint dev_set" + tail)
    (after,) = sarif_results(path)
    moved_line, moved = prints(after)
    assert moved_line == line + UNRELATED.count("\n") + 3
    assert moved == fingerprints


def test_edits_below_the_line_change_only_github_hash(c_source):
    path = c_source(BUG)
    (before,) = sarif_results(path)
    path.write_text(BUG.replace("d->state = v;", "d->state = v + 1;"))  # within 100 characters after the line
    (after,) = sarif_results(path)
    assert prints(after)[0] == prints(before)[0]
    assert after["partialFingerprints"]["drvlint/v1"] == before["partialFingerprints"]["drvlint/v1"]
    assert (after["partialFingerprints"]["primaryLocationLineHash"]
            != before["partialFingerprints"]["primaryLocationLineHash"])


def test_editing_the_statement_changes_both(c_source):
    path = c_source(BUG)
    (before,) = sarif_results(path)
    path.write_text(BUG.replace("return -EINVAL;", "return -ERANGE;"))
    (after,) = sarif_results(path)
    for key in ("drvlint/v1", "primaryLocationLineHash"):
        assert after["partialFingerprints"][key] != before["partialFingerprints"][key]


def test_identical_statements_are_numbered_and_keep_their_numbers(c_source):
    twice = BUG.replace("\tif (v < 0)\n\t\treturn -EINVAL;\n",
                        "\tif (v < 0)\n\t\treturn -EINVAL;\n\tif (v > 9)\n\t\treturn -EINVAL;\n")
    path = c_source(twice)
    first = sorted(prints(r)[1]["drvlint/v1"] for r in sarif_results(path))
    assert [f.split(":")[1] for f in first] == ["1", "2"] and len({f.split(":")[0] for f in first}) == 1
    head, _, tail = twice.partition("int dev_set")
    path.write_text(head + UNRELATED + "int dev_set" + tail)
    assert sorted(prints(r)[1]["drvlint/v1"] for r in sarif_results(path)) == first
