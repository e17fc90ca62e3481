"""drvlint study on a synthetic tree built from the corpus: exact statistics, outputs, cache and resume
after a kill, and crash/hang isolation of workers."""
from __future__ import annotations

import csv
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, expected_findings
from drvlint import study as study_module, study_store
from drvlint.cli import main
from drvlint.compilation import CompileOptions
from drvlint.engine import Selection
from drvlint.rules import load_rules
from drvlint.study import StudyParams, run_study


def build_tree(root: Path) -> dict[str, int]:
    """drivers/lock/ and drivers/null/ with buggy and fixed corpus cases; returns expected findings per subsystem."""
    expected = {}
    for checker, sub in (("lock-imbalance", "lock"), ("null-return", "null"), ("hotunplug-race", "unplug")):
        target = root / "drivers" / sub
        target.mkdir(parents=True)
        count = 0
        for kind in ("buggy", "fixed"):
            for path in sorted((CORPUS / "c" / checker / kind).glob("*.c"))[:3]:
                shutil.copy(path, target / f"{kind}_{path.name}")
                count += len(expected_findings(path))
        expected[f"drivers/{sub}"] = count
    return expected


def params(tree: Path, out: Path, **kw) -> StudyParams:
    base = dict(tree=str(tree), outdir=str(out), jobs=2, timeout=60.0, depth=2)
    base.update(kw)
    return StudyParams(**base)


def run(tree: Path, out: Path, **kw):
    return run_study(params(tree, out, **kw), load_rules(), CompileOptions(builtin_headers=True), Selection())


def test_statistics_tables_and_charts_are_exact(tmp_path):
    tree = tmp_path / "tree"
    expected = build_tree(tree)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["study", str(tree), "-o", str(out), "--builtin-headers", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "study.json").read_text())
    stats = doc["statistics"]
    assert stats["files"] == 18 and stats["failed"] == 0 and stats["findings"] == sum(expected.values())
    with open(out / "tables" / "subsystem.csv") as handle:
        rows = {r["subsystem"]: r for r in csv.DictReader(handle)}
    assert {s: int(r["findings"]) for s, r in rows.items()} == expected
    assert all(int(r["files"]) == 6 for r in rows.values())
    loc = sum(1 for p in tree.rglob("*.c") for line in p.read_bytes().splitlines() if line.strip())
    assert stats["loc"] == loc
    assert stats["by_checker"] == {k: v for k, v in {"lock-imbalance": expected["drivers/lock"],
                                   "null-return": expected["drivers/null"],
                                   "hotunplug-race": expected["drivers/unplug"]}.items() if v}
    sarif = json.loads((out / "findings.sarif").read_text())
    assert len(sarif["runs"]) == 1 and len(sarif["runs"][0]["results"]) == stats["findings"]
    for name in ("category_by_subsystem", "density_by_subsystem", "top_drivers"):
        assert (out / "charts" / f"{name}.png").stat().st_size > 1000
        assert (out / "charts" / f"{name}.svg").read_text().lstrip().startswith("<?xml")
    report = (out / "study.md").read_text()
    assert "charts/category_by_subsystem.png" in report and "| drivers/lock |" in report


def test_unchanged_rerun_reuses_everything_and_a_change_is_redone(tmp_path, monkeypatch):
    tree = tmp_path / "tree"
    build_tree(tree)
    out = tmp_path / "out"
    first = run(tree, out)
    assert not any(r.cached for r in first)
    second = run(tree, out)
    assert all(r.cached for r in second)
    assert [len(r.result.findings) for r in first] == [len(r.result.findings) for r in second]
    changed = sorted(tree.rglob("*.c"))[0]
    changed.write_text(changed.read_text() + "\n/* edited */\n")
    third = run(tree, out)
    assert [str(r.result.path) for r in third if not r.cached] == [str(changed)]
    # a changed checker (drvlint's own code) makes every cached result stale
    monkeypatch.setattr(study_store, "code_digest", lambda: "another drvlint")
    fourth = run(tree, out)
    assert not any(r.cached for r in fourth)


def _log_and_analyse(log: Path):
    original = study_module._analyse

    def analyse(path):
        with open(log, "a") as handle:
            handle.write(f"{path}\n")
        return original(path)
    return analyse


def _slow_study(tree: str, out: str) -> None:
    original = study_module._analyse

    def slow(path):
        time.sleep(0.5)
        return original(path)
    study_module._analyse = slow
    run(Path(tree), Path(out), jobs=1)


def test_a_killed_run_resumes_without_redoing_or_losing_finished_files(tmp_path, monkeypatch):
    tree = tmp_path / "tree"
    build_tree(tree)
    out = tmp_path / "out"
    child = multiprocessing.get_context("fork").Process(target=_slow_study, args=(str(tree), str(out)))
    child.start()
    deadline = time.monotonic() + 120
    done: set[str] = set()
    while time.monotonic() < deadline and len(done) < 4:
        time.sleep(0.2)
        try:
            with sqlite3.connect(out / "cache.sqlite") as db:
                done = {row[0] for row in db.execute("SELECT path FROM results")}
        except sqlite3.Error:
            continue
    os.kill(child.pid, signal.SIGKILL)  # no chance to clean up
    child.join()
    with sqlite3.connect(out / "cache.sqlite") as db:
        done = {row[0] for row in db.execute("SELECT path FROM results")}
    assert 4 <= len(done) < 18
    log = tmp_path / "analysed.log"
    monkeypatch.setattr(study_module, "_analyse", _log_and_analyse(log))
    records = run(tree, out)
    redone = set(log.read_text().split())
    assert not redone & done  # nothing finished is done again
    assert len(records) == 18 and {r.result.path for r in records if r.cached} == done
    assert all(r.result.failed is None for r in records)


def test_a_crash_and_a_hang_cost_their_file_only(tmp_path, monkeypatch):
    tree = tmp_path / "tree"
    build_tree(tree)
    (tree / "drivers" / "lock" / "crash_me.c").write_text("int x;\n")
    (tree / "drivers" / "lock" / "hang_me.c").write_text("int y;\n")
    original = study_module._analyse

    def hostile(path):
        if path.name == "crash_me.c":
            os.kill(os.getpid(), signal.SIGSEGV)  # what a libclang crash looks like to the parent
        if path.name == "hang_me.c":
            time.sleep(600)
        return original(path)
    monkeypatch.setattr(study_module, "_analyse", hostile)
    records = run(tree, tmp_path / "out", timeout=5.0)
    failed = {Path(r.result.path).name: r.result.failed for r in records if r.result.failed}
    assert failed == {"crash_me.c": "worker crashed (signal 11)", "hang_me.c": "timed out after 5 s"}
    assert sum(1 for r in records if r.result.failed is None) == 18


def _mark_started(marker_dir: Path):
    def work(name: str) -> str:
        (marker_dir / name).touch()
        return name
    return work


def test_a_freed_worker_slot_is_refilled_before_the_outcome_is_handed_over(tmp_path):
    """With one slot, the second task is already running while the caller handles the first outcome
    (storing it, printing progress): the caller's work never leaves the slot idle."""
    from drvlint.study_pool import run_isolated
    outcomes = run_isolated(["first", "second"], _mark_started(tmp_path), 1, 30.0)
    first = next(outcomes)
    assert first.value == "first"
    deadline = time.monotonic() + 10
    while not (tmp_path / "second").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (tmp_path / "second").exists()
    assert [o.value for o in outcomes] == ["second"]


def _collector_settings(_task) -> tuple:
    import gc
    return gc.get_threshold(), gc.get_freeze_count()


def test_a_child_freezes_what_it_inherits_and_collects_rarely():
    """A file's analysis allocates ~10^6 long-lived objects: at the default thresholds the collector
    re-walks them, and the parent's inherited heap, dozens of times per file."""
    from drvlint.study_pool import CHILD_GC_THRESHOLDS, run_isolated
    (outcome,) = list(run_isolated(["task"], _collector_settings, 1, 30.0))
    thresholds, frozen = outcome.value
    assert thresholds == CHILD_GC_THRESHOLDS and thresholds[0] >= 10_000
    assert frozen > 1000  # (the parent's modules, rules and analyzer)


def test_a_checker_error_is_counted_and_keeps_the_files_other_findings(tmp_path, monkeypatch):
    tree = tmp_path / "tree"
    build_tree(tree)
    first_lock_case = sorted((CORPUS / "c" / "lock-imbalance" / "buggy").glob("*.c"))[0]
    shutil.copy(first_lock_case, tree / "drivers" / "null" / "mixed.c")
    from drvlint.checkers.lock_imbalance import LockImbalanceChecker
    original = LockImbalanceChecker.check

    def broken(self, unit):
        if unit.path.endswith("mixed.c"):
            raise ValueError("bad shift count")
        return original(self, unit)
    monkeypatch.setattr(LockImbalanceChecker, "check", broken)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["study", str(tree), "-o", str(out), "--builtin-headers", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "19 files, 0 failed, 1 with a checker error" in result.output
    doc = json.loads((out / "study.json").read_text())
    assert doc["checker_errors"] == [{"path": "drivers/null/mixed.c", "checker": "lock-imbalance",
                                      "reason": "internal error (ValueError: bad shift count)"}]
    assert doc["statistics"]["checker_errors"] == {"lock-imbalance": 1}
    assert "a checker stopped with an error on 1 file(s)" in (out / "study.md").read_text()
    mixed = next(f for f in doc["files"] if f["path"] == "drivers/null/mixed.c")
    assert mixed["failed"] is None


def test_bad_tree_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["study", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "not a directory" in result.output and "Traceback" not in result.output


def test_phase_one_runs_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    tree = tmp_path / "tree"
    expected = build_tree(tree)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        records = run(tree, tmp_path / "out", executor="dask", scheduler=cluster.scheduler_address)
    assert len(records) == 18 and not any(r.result.failed for r in records)
    assert sum(len(r.result.findings) for r in records) == sum(expected.values())
    assert all(r.cached for r in run(tree, tmp_path / "out"))  # the local pool reuses what the cluster stored


def test_in_source_suppressions_are_honoured(tmp_path):
    tree = tmp_path / "tree"
    expected = build_tree(tree)
    buggy = sorted((tree / "drivers" / "lock").glob("buggy_*.c"))[0]
    lines = buggy.read_text().splitlines()
    line = next(i for i, text in enumerate(lines) if "expect: lock-imbalance" in text)
    lines[line] += " /* drvlint-ignore lock-imbalance: reviewed */"
    buggy.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["study", str(tree), "-o", str(out), "--builtin-headers", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    stats = json.loads((out / "study.json").read_text())["statistics"]
    assert stats["findings"] == sum(expected.values()) - 1
    results = json.loads((out / "findings.sarif").read_text())["runs"][0]["results"]
    assert sum(1 for r in results if r.get("suppressions")) == 1


HELPER_C = """\
#include <linux/module.h>
#include <linux/delay.h>

struct hw { int reg; };

static int hw_settle(struct hw *hw)
{
\tmsleep(5);
\treturn hw->reg;
}

int hw_read_reg(struct hw *hw)
{
\treturn hw_settle(hw);
}
EXPORT_SYMBOL(hw_read_reg);

int hw_read_fast(struct hw *hw)
{
\treturn hw->reg;
}
EXPORT_SYMBOL(hw_read_fast);
"""

USER_C = """\
#include <linux/module.h>
#include <linux/spinlock.h>

struct hw;
int hw_read_reg(struct hw *hw);
int hw_read_fast(struct hw *hw);

struct port { spinlock_t lock; struct hw *hw; int cached; };

int port_poll(struct port *p)
{
\tunsigned long flags;
\tint v;

\tspin_lock_irqsave(&p->lock, flags);
\tv = hw_read_reg(p->hw);
\tp->cached = hw_read_fast(p->hw);
\tspin_unlock_irqrestore(&p->lock, flags);
\treturn v;
}

int port_refresh(struct port *p)
{
\treturn hw_read_reg(p->hw);
}
"""


def test_sleep_chain_across_files_is_found_and_shown(tmp_path, monkeypatch):
    """Phase 1 summarises hw.c's exported functions, phase 2 links them, phase 3 reports port.c's call
    under a spinlock with the chain into hw.c; the call outside the lock and the non-sleeping export
    stay silent.  A warm re-run reuses phase 3's result."""
    tree = tmp_path / "tree"
    (tree / "drivers" / "hw").mkdir(parents=True)
    (tree / "drivers" / "port").mkdir(parents=True)
    (tree / "drivers" / "hw" / "hw.c").write_text(HELPER_C)
    user = tree / "drivers" / "port" / "port.c"
    user.write_text(USER_C)
    out = tmp_path / "out"
    records = run(tree, out)
    assert all(r.result.failed is None for r in records)
    sleeps = [f for r in records for f in r.result.findings if f.rule_id == "sleep-in-atomic"]
    assert [(Path(f.path).name, f.function, f.line) for f in sleeps] == [("port.c", "port_poll", 16)], sleeps
    finding = sleeps[0]
    assert "hw_read_reg()" in finding.message and "msleep" in finding.message
    crossing = [s for s in finding.steps if s.path]
    assert [Path(s.path).name for s in crossing] == ["hw.c"] * len(crossing) and len(crossing) == 2
    assert [s.line for s in crossing] == [14, 8]  # hw_read_reg() calls hw_settle(), which calls msleep()
    linked = next(r for r in records if r.result.path == str(user))
    assert linked.linked
    db = sqlite3.connect(str(out / "cache.sqlite"))
    rows = dict(db.execute("SELECT function, static FROM functions"))
    assert rows == {"hw_settle": 1, "hw_read_reg": 0, "hw_read_fast": 0, "port_poll": 0, "port_refresh": 0}
    summary = json.loads(db.execute("SELECT summary FROM functions WHERE function = 'hw_read_reg'").fetchone()[0])
    assert summary["may_sleep"]["calls"][-1] == "msleep" and "hw_settle" in summary["local_calls"]
    assert db.execute("SELECT count(*) FROM linked").fetchone()[0] == 1
    db.close()
    CliRunner().invoke(main, ["study", str(tree), "-o", str(out), "--builtin-headers"])
    linked_stats = json.loads((out / "study.json").read_text())["whole_tree"]
    assert linked_stats == {"functions": 5, "exported": 4, "ambiguous_names": 0, "call_edges": 4,
                            "sleeping_exported": 3, "files_reanalysed": 1, "cross_file_findings": 1}
    assert "1 findings whose sleep chain crosses files" in (out / "study.md").read_text()

    monkeypatch.setattr(study_module, "run_isolated", _refuse)
    again = run(tree, out)
    assert [(f.line, f.steps) for r in again for f in r.result.findings] == [(finding.line, finding.steps)]


def _cross_file_tree(root: Path) -> Path:
    (root / "drivers" / "hw").mkdir(parents=True)
    (root / "drivers" / "port").mkdir(parents=True)
    (root / "drivers" / "hw" / "hw.c").write_text(HELPER_C)
    (root / "drivers" / "port" / "port.c").write_text(USER_C)
    return root


def _log_parses(monkeypatch, log: Path) -> None:
    """Every parse, in any worker, appends its file's name to ``log`` (children are forked)."""
    from drvlint import engine
    original = engine.parse_file

    def parse(path, *args, **kw):
        with open(log, "a") as handle:
            handle.write(f"{Path(path).name}\n")
        return original(path, *args, **kw)
    monkeypatch.setattr(engine, "parse_file", parse)


def test_the_whole_tree_pass_reuses_phase_one_ir_instead_of_parsing_again(tmp_path, monkeypatch):
    """port.c calls into hw.c under a spinlock: phase 3 re-runs the sleep checker on the IR phase 1 kept
    (each file parsed once), finds what a fresh parse finds, and leaves no scratch files behind."""
    tree = _cross_file_tree(tmp_path / "tree")
    log = tmp_path / "parses.log"
    _log_parses(monkeypatch, log)
    scratch_dirs: list[str] = []
    original_init = study_module.IRScratch.__init__

    def remember(self):
        original_init(self)
        scratch_dirs.append(self.directory)
    monkeypatch.setattr(study_module.IRScratch, "__init__", remember)
    records = run(tree, tmp_path / "out")
    kept = [(f.line, f.message, f.steps) for r in records for f in r.result.findings]
    assert sorted(log.read_text().split()) == ["hw.c", "port.c"]
    assert [r.linked for r in records if r.result.path.endswith("port.c")] == [True]
    assert len(scratch_dirs) == 1 and not Path(scratch_dirs[0]).exists()

    log.unlink()
    monkeypatch.setattr(study_module.IRScratch, "load", lambda *_: None)  # no kept IR: parse again
    fresh = run(tree, tmp_path / "out-fresh")
    assert sorted(log.read_text().split()) == ["hw.c", "port.c", "port.c"]
    assert [(f.line, f.message, f.steps) for r in fresh for f in r.result.findings] == kept and len(kept) == 1


def test_kept_ir_round_trips_and_is_refused_when_the_parse_time_rules_differ_or_the_entry_is_damaged(tmp_path):
    from conftest import analyzer
    from drvlint.flow_rules import FlowRules
    from drvlint.study_ir import IRScratch
    scratch = IRScratch()
    try:
        source = sorted((CORPUS / "c" / "lock-imbalance" / "buggy").glob("*.c"))[0]
        parsed = []
        analyzer(True).analyze(source, on_parsed=parsed.append)
        (tu,) = parsed
        flow = FlowRules(pure=frozenset({"abs"}), log_macros=frozenset({"dev_err"}))
        scratch.save(source, tu, flow)
        assert tu.functions and scratch.load(source, flow) == tu  # (every IR node class pickles)
        assert scratch.load(source, FlowRules(pure=frozenset(), log_macros=frozenset({"dev_err"}))) is None
        assert scratch.load(tmp_path / "other.c", flow) is None
        Path(scratch._entry(source)).write_bytes(b"not a kept IR")
        assert scratch.load(source, flow) is None
        assert os.stat(scratch.directory).st_mode & 0o077 == 0  # private to this user
    finally:
        scratch.close()
    assert not Path(scratch.directory).exists()


def _refuse(tasks, *_args, **_kw):
    if list(tasks):
        raise AssertionError("a warm run must not analyse anything")
    return iter(())


def test_triage_file_gives_precision_per_checker(tmp_path):
    """--triage matches findings to verdicts by file, function and rule (nearest line) and prints the
    precision and the extrapolated false-alarm density per checker; a bad triage file is one line."""
    tree = tmp_path / "tree"
    (tree / "drivers" / "hw").mkdir(parents=True)
    (tree / "drivers" / "port").mkdir(parents=True)
    (tree / "drivers" / "hw" / "hw.c").write_text(HELPER_C)
    (tree / "drivers" / "port" / "port.c").write_text(USER_C)
    triage = tmp_path / "triage.csv"
    triage.write_text("file,function,line,rule,verdict,reason\n"
                      "drivers/port/port.c,port_poll,17,sleep-in-atomic,false,moved by a line: still matched\n"
                      "drivers/port/port.c,port_refresh,25,sleep-in-atomic,real,no such finding\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["study", str(tree), "-o", str(out), "--builtin-headers", "--triage",
                                       str(triage)])
    assert result.exit_code == 0, result.output
    loc = sum(1 for p in tree.rglob("*.c") for line in p.read_bytes().splitlines() if line.strip())
    row = next(line for line in result.output.splitlines() if line.startswith("| sleep-in-atomic"))
    assert row == f"| sleep-in-atomic | 1 | 1 | 0 | 1 | 0 | 0% | {1 / (loc / 10_000):.3f} |"
    triage.write_text("file,function,line,rule,verdict\ndrivers/x.c,f,1,lock-imbalance,maybe\n")
    bad = CliRunner().invoke(main, ["study", str(tree), "-o", str(out), "--builtin-headers", "--triage", str(triage)])
    assert bad.exit_code != 0 and "verdict 'maybe' is not one of real, false, unsure" in bad.output
    assert "Traceback" not in bad.output


def test_a_python_rule_pack_does_not_invalidate_a_c_study(tmp_path, monkeypatch):
    """Only C packs decide a C file's result: adding a Python pack keeps every cached row."""
    tree = tmp_path / "tree"
    (tree / "drivers" / "hw").mkdir(parents=True)
    (tree / "drivers" / "hw" / "hw.c").write_text(HELPER_C)
    out = tmp_path / "out"
    run(tree, out)
    pack = tmp_path / "extra.toml"
    pack.write_text('[meta]\nname = "extra"\nlanguage = "python"\n\n[[py_returns_none]]\nnames = ["x.find"]\n')
    monkeypatch.setattr(study_module, "run_isolated", _refuse)
    again = run_study(params(tree, out), load_rules([str(pack)]), CompileOptions(builtin_headers=True), Selection())
    assert all(r.cached for r in again)


def test_apis_the_rules_describe_are_not_resummarised(tmp_path):
    """An exported function the rule packs describe (here: a tree that defines its own msleep-calling
    usb_submit_urb, whose rule says it sleeps only with a sleeping gfp mask) keeps its rule: a GFP_ATOMIC
    submit under a spinlock in another file stays silent."""
    tree = tmp_path / "tree"
    (tree / "drivers" / "core").mkdir(parents=True)
    (tree / "drivers" / "drv").mkdir(parents=True)
    (tree / "drivers" / "core" / "urb.c").write_text(
        "#include <linux/module.h>\n#include <linux/delay.h>\n#include <linux/usb.h>\n\n"
        "int usb_submit_urb(struct urb *urb, gfp_t mem_flags)\n{\n\tmsleep(1);\n\treturn 0;\n}\n"
        "EXPORT_SYMBOL(usb_submit_urb);\n")
    (tree / "drivers" / "drv" / "drv.c").write_text(
        "#include <linux/module.h>\n#include <linux/spinlock.h>\n#include <linux/usb.h>\n\n"
        "struct d { spinlock_t lock; struct urb *urb; };\n\n"
        "int d_kick(struct d *d)\n{\n\tint ret;\n\n\tspin_lock(&d->lock);\n"
        "\tret = usb_submit_urb(d->urb, GFP_ATOMIC);\n\tspin_unlock(&d->lock);\n\treturn ret;\n}\n")
    records = run(tree, tmp_path / "out")
    assert [f for r in records for f in r.result.findings if f.rule_id == "sleep-in-atomic"] == []


@pytest.mark.parametrize("body", [
    "\tif (flags & HW_ASYNC)\n\t\treturn hw->reg;\n\tmsleep(1);\n\treturn 0;\n",
    # the flag copied into a field of the command first (rocker: wait->nowait = nowait)
    "\thw->cmd.nowait = flags;\n\thw->reg = 1;\n\tif (!hw->cmd.nowait)\n\t\tmsleep(1);\n\treturn 0;\n",
    # the sleep in a same-file helper called only without the flag (rtlwifi: rtl_lps_leave(hw, false))
    "\tif (flags & HW_ASYNC)\n\t\treturn hw->reg;\n\thw_settle(hw);\n\treturn 0;\n",
], ids=["flag-tested", "flag-copied-to-a-field", "helper-called-without-the-flag"])
def test_a_sleep_that_depends_on_a_flag_argument_is_not_exported(tmp_path, body):
    """``if (flags & HW_ASYNC) queue; else msleep();``: whether hw_cmd() sleeps depends on what its caller
    passes, so another file's HW_ASYNC call under a spinlock stays silent."""
    tree = tmp_path / "tree"
    (tree / "drivers" / "hw").mkdir(parents=True)
    (tree / "drivers" / "port").mkdir(parents=True)
    (tree / "drivers" / "hw" / "hw.c").write_text(
        "#include <linux/module.h>\n#include <linux/delay.h>\n\n#define HW_ASYNC 1\n\n"
        "struct hw_cmd_slot { int nowait; };\nstruct hw { int reg; struct hw_cmd_slot cmd; };\n\n"
        "static void __maybe_unused hw_settle(struct hw *hw)\n{\n\tmsleep(1);\n\thw->reg = 0;\n}\n\n"
        "int hw_cmd(struct hw *hw, unsigned int flags)\n{\n" + body + "}\nEXPORT_SYMBOL(hw_cmd);\n")
    (tree / "drivers" / "port" / "port.c").write_text(
        "#include <linux/module.h>\n#include <linux/spinlock.h>\n\n"
        "struct hw;\nint hw_cmd(struct hw *hw, unsigned int flags);\n\n"
        "struct port { spinlock_t lock; struct hw *hw; };\n\n"
        "int port_poke(struct port *p)\n{\n\tint v;\n\n\tspin_lock(&p->lock);\n\tv = hw_cmd(p->hw, 1);\n"
        "\tspin_unlock(&p->lock);\n\treturn v;\n}\n")
    records = run(tree, tmp_path / "out")
    assert [f.message for r in records for f in r.result.findings if f.rule_id == "sleep-in-atomic"] == []
