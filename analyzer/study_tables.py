"""The study's statistics and tables: findings per taxonomy category and sub-category, per checker, per
subsystem (directory under the tree, to ``--depth``), per driver (LOC, findings, findings per KLOC, as
in the driver-bug studies), and the parse-failure rate.  Markdown for reading, CSV for spreadsheets."""
from __future__ import annotations

import csv
import io
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .taxonomy import category, parent_of

if TYPE_CHECKING:
    from .study import FileRecord, StudyParams


def subsystem_of(rel: str, depth: int) -> str:
    parts = Path(rel).parts[:-1]
    return "/".join(parts[:depth]) if parts else "."


@dataclass
class DriverRow:
    path: str
    subsystem: str
    loc: int
    findings: int
    failed: bool

    @property
    def per_kloc(self) -> float:
        return 1000.0 * self.findings / self.loc if self.loc else 0.0


@dataclass
class StudyStats:
    drivers: list[DriverRow] = field(default_factory=list)
    by_category: Counter = field(default_factory=Counter)  # top-level category name
    by_subcategory: Counter = field(default_factory=Counter)  # (category, sub-category)
    by_checker: Counter = field(default_factory=Counter)
    by_subsystem_category: dict = field(default_factory=dict)  # subsystem -> Counter(category)
    failures: Counter = field(default_factory=Counter)  # reason (first words) -> files
    checker_errors: Counter = field(default_factory=Counter)  # checker -> files it stopped on (the rest ran)

    @classmethod
    def of(cls, tree: Path, records: list["FileRecord"], depth: int) -> "StudyStats":
        stats = cls()
        for record in records:
            result = record.result
            rel = os.path.relpath(result.path, tree)
            sub = subsystem_of(rel, depth)
            live = [f for f in result.findings if f.suppression is None]  # in-source suppressions are not bugs
            stats.drivers.append(DriverRow(rel, sub, record.loc, len(live), result.failed is not None))
            if result.failed:
                stats.failures[result.failed.split("(")[0].split(":")[0].strip()] += 1
            stats.checker_errors.update(result.checker_errors.keys())
            per_sub = stats.by_subsystem_category.setdefault(sub, Counter())
            for finding in live:
                top = parent_of(finding.category).name
                stats.by_category[top] += 1
                stats.by_subcategory[(top, category(finding.category).name)] += 1
                stats.by_checker[finding.rule_id] += 1
                per_sub[top] += 1
        return stats

    # ---------------------------------------------------------------- derived numbers

    @property
    def total_findings(self) -> int:
        return sum(d.findings for d in self.drivers)

    @property
    def failed_files(self) -> int:
        return sum(1 for d in self.drivers if d.failed)

    def subsystems(self) -> list[tuple[str, int, int, int, int]]:
        """(subsystem, files, failed, LOC, findings), largest first."""
        rows: dict[str, list[int]] = {}
        for d in self.drivers:
            row = rows.setdefault(d.subsystem, [0, 0, 0, 0])
            row[0] += 1
            row[1] += d.failed
            row[2] += d.loc
            row[3] += d.findings
        return sorted(((s, *v) for s, v in rows.items()), key=lambda r: (-r[4], -r[3], r[0]))

    def summary(self) -> dict:
        files = len(self.drivers)
        loc = sum(d.loc for d in self.drivers)
        return {"files": files, "failed": self.failed_files,
                "parse_failure_rate": round(self.failed_files / files, 4) if files else 0.0,
                "loc": loc, "findings": self.total_findings,
                "findings_per_kloc": round(1000.0 * self.total_findings / loc, 3) if loc else 0.0,
                "by_category": dict(self.by_category), "by_checker": dict(self.by_checker),
                "by_subcategory": {f"{c} > {s}": n for (c, s), n in sorted(self.by_subcategory.items())},
                "failure_reasons": dict(self.failures), "checker_errors": dict(self.checker_errors)}

    # ---------------------------------------------------------------- tables

    def tables(self) -> dict[str, tuple[list[str], list[list]]]:
        """name -> (header, rows)."""
        total = self.total_findings or 1
        out = {
            "category": (["category", "sub-category", "findings", "share"],
                         [[c, s, n, f"{100 * n / total:.1f}%"] for (c, s), n in
                          sorted(self.by_subcategory.items(), key=lambda kv: (-kv[1], kv[0]))]),
            "checker": (["checker", "findings", "share"],
                        [[c, n, f"{100 * n / total:.1f}%"] for c, n in self.by_checker.most_common()]),
            "subsystem": (["subsystem", "files", "failed", "LOC", "findings", "findings/KLOC"],
                          [[s, f, x, loc, n, f"{1000 * n / loc:.3f}" if loc else "0"]
                           for s, f, x, loc, n in self.subsystems()]),
            "driver": (["driver", "LOC", "findings", "findings/KLOC"],
                       [[d.path, d.loc, d.findings, f"{d.per_kloc:.3f}"] for d in
                        sorted(self.drivers, key=lambda d: (-d.findings, -d.per_kloc, d.path)) if d.findings]),
            "failures": (["reason", "files", "share of files"],
                         [[r, n, f"{100 * n / max(len(self.drivers), 1):.2f}%"] for r, n in self.failures.most_common()]),
            "checker_errors": (["checker", "files it stopped on"],
                               [[c, n] for c, n in self.checker_errors.most_common()]),
        }
        return out

    def markdown(self, tables: dict[str, Path], charts: dict[str, list[Path]], params: "StudyParams",
                 seconds: float) -> str:
        s = self.summary()
        lines = [f"# drvlint study of `{params.tree}`", "",
                 f"{s['files']} files, {s['loc']} lines of code (non-blank), {s['findings']} findings "
                 f"({s['findings_per_kloc']} per KLOC); {s['failed']} files could not be analysed "
                 f"({100 * s['parse_failure_rate']:.2f}%); a checker stopped with an error on "
                 f"{sum(s['checker_errors'].values())} file(s), whose other checkers' findings are kept. "
                 f"Wall time {seconds:.1f} s with {params.jobs} workers.", ""]
        for name, paths in charts.items():
            png = next((p for p in paths if p.suffix == ".png"), None)
            if png is not None:
                lines += [f"![{name}](charts/{png.name})", ""]
        titles = {"category": "Findings by taxonomy category", "checker": "Findings by checker",
                  "subsystem": "Subsystems", "driver": "Drivers with findings (the study's table)",
                  "failures": "Files that could not be analysed",
                  "checker_errors": "Checkers that stopped with an error (their findings on these files are missing)"}
        for name, (header, rows) in self.tables().items():
            lines += [f"## {titles[name]}", "", markdown_table(header, rows[:50])]
            if len(rows) > 50:
                lines.append(f"... {len(rows) - 50} more rows in `tables/{name}.csv`")
            lines.append("")
        return "\n".join(lines)


def markdown_table(header: list[str], rows: list[list]) -> str:
    if not rows:
        return "_none_\n"
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def write_tables(stats: StudyStats, directory: Path) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, (header, rows) in stats.tables().items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        (directory / f"{name}.csv").write_text(buffer.getvalue())
        (directory / f"{name}.md").write_text(markdown_table(header, rows))
        written[name] = directory / f"{name}.md"
    return written
