"""SARIF 2.1.0 for GitHub code scanning, built with sarif-om's object model.

sarif-om's usual serialiser (jschema-to-python) drops every field equal to its schema default, so an
explicit ``level: "warning"`` would vanish and GitHub would apply the rule default instead.  We
serialise from the attrs metadata ourselves (each field carries its SARIF property name): unset
fields and the model's filler defaults (``rank: -1``, ``language: "en-US"``...) are left out, but the
fields whose meaning depends on being explicit (levels, kinds, baseline state) are always written."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Optional, Sequence, TextIO

import attr
import sarif_om as om

from . import __version__
from .baseline import BaselineEntry
from .checker import Checker
from .engine import FileResult
from .findings import Finding, Notification
from .fingerprints import FINGERPRINT_KEY, LineHashes, assign_fingerprints
from .taxonomy import CATEGORIES, CWE_NAMES, category

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/drvlint/drvlint"
TAXONOMY_NAME = "DriverBugTaxonomy"
SRCROOT = "%SRCROOT%"
# GitHub code scanning rejects a run with more results than this; over it we keep the most severe.
MAX_RESULTS = 25_000
LEVEL_RANK = {"error": 0, "warning": 1, "note": 2, "none": 3}


ALWAYS_WRITTEN = {"level", "kind", "baseline_state", "execution_successful", "version"}


def _is_default(field: "attr.Attribute", item: Any) -> bool:
    default = field.default
    if isinstance(default, attr.Factory):  # type: ignore[arg-type]
        default = default.factory()
    return default is not attr.NOTHING and item == default


def to_json(value: Any) -> Any:
    """attrs objects -> dicts keyed by SARIF property names."""
    if attr.has(type(value)):
        out = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            if item is None or (field.name not in ALWAYS_WRITTEN and _is_default(field, item)):
                continue
            out[field.metadata.get("schema_property_name", field.name)] = to_json(item)
        return out
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


def _msg(text: str) -> om.Message:
    return om.Message(text=text)


class SarifBuilder:
    def __init__(self, checkers: Sequence[type[Checker]], root: Path, command_line: str,
                 category: Optional[str] = None):
        self.category = category
        self.line_hashes = LineHashes()
        self.checkers = list(checkers)
        self.rule_index = {c.rule_id: i for i, c in enumerate(self.checkers)}
        self.root = root.resolve()
        self.command_line = command_line
        self.cwes = sorted({cwe for c in self.checkers for cwe in c.cwe})
        self.cwe_index = {cwe: i for i, cwe in enumerate(self.cwes)}
        self.category_index = {c.ident: i for i, c in enumerate(CATEGORIES)}

    # ------------------------------------------------------------------ locations

    def uri(self, path: str) -> tuple[str, Optional[str]]:
        absolute = Path(path).resolve()
        try:
            return absolute.relative_to(self.root).as_posix(), SRCROOT
        except ValueError:
            return absolute.as_uri(), None

    def location(self, path: str, line: int, col: int, message: Optional[str] = None,
                 end_line: Optional[int] = None, end_col: Optional[int] = None) -> om.Location:
        uri, base = self.uri(path)
        region = om.Region(start_line=max(line, 1))
        if col:
            region.start_column = col
            region.end_line = end_line or max(line, 1)
            region.end_column = end_col or col + 1
        physical = om.PhysicalLocation(artifact_location=om.ArtifactLocation(uri=uri, uri_base_id=base),
                                       region=region)
        return om.Location(physical_location=physical, message=_msg(message) if message else None)

    # ------------------------------------------------------------------ rules and taxonomies

    def rule(self, checker: type[Checker]) -> om.ReportingDescriptor:
        sub = category(checker.category)
        parent = category(sub.parent) if sub.parent else sub
        tags = ["drvlint", "driver", parent.name, sub.name] + [f"external/cwe/cwe-{c}" for c in checker.cwe]
        relationships = [
            om.ReportingDescriptorRelationship(
                target=om.ReportingDescriptorReference(
                    id=str(cwe), index=self.cwe_index[cwe],
                    tool_component=om.ToolComponentReference(name="CWE", index=0)),
                kinds=["superset" if i == 0 else "relevant"])
            for i, cwe in enumerate(checker.cwe)]
        relationships.append(om.ReportingDescriptorRelationship(
            target=om.ReportingDescriptorReference(
                id=sub.ident, index=self.category_index[sub.ident],
                tool_component=om.ToolComponentReference(name=TAXONOMY_NAME, index=1)),
            kinds=["superset"]))
        return om.ReportingDescriptor(
            id=checker.rule_id, name=_pascal(checker.rule_id), short_description=_msg(checker.short),
            full_description=_msg(checker.description),
            help=om.MultiformatMessageString(text=_plain(checker.help_markdown), markdown=checker.help_markdown),
            default_configuration=om.ReportingConfiguration(level=checker.level),
            relationships=relationships,
            properties={"tags": tags[:10], "precision": checker.precision, "problem.severity": checker.level,
                        "security-severity": checker.security_severity})

    def taxonomies(self) -> list[om.ToolComponent]:
        cwe = om.ToolComponent(
            name="CWE", version="4.14", organization="MITRE", information_uri="https://cwe.mitre.org/",
            short_description=_msg("The MITRE Common Weakness Enumeration"),
            taxa=[om.ReportingDescriptor(id=str(c), name=CWE_NAMES.get(c, f"CWE-{c}"),
                                         short_description=_msg(CWE_NAMES.get(c, f"CWE-{c}")),
                                         help_uri=f"https://cwe.mitre.org/data/definitions/{c}.html")
                  for c in self.cwes])
        taxa = []
        for cat in CATEGORIES:
            rel = None
            if cat.parent:
                rel = [om.ReportingDescriptorRelationship(
                    target=om.ReportingDescriptorReference(id=cat.parent, index=self.category_index[cat.parent]),
                    kinds=["subset"])]
            taxa.append(om.ReportingDescriptor(id=cat.ident, name=cat.name, short_description=_msg(cat.name),
                                               full_description=_msg(cat.description) if cat.description else None,
                                               relationships=rel))
        driver_bugs = om.ToolComponent(
            name=TAXONOMY_NAME, version="1.0", organization="drvlint",
            short_description=_msg("Taxonomy of Linux device-driver bugs (device protocol, OS protocol, "
                                   "concurrency, generic programming)"),
            taxa=taxa)
        return [cwe, driver_bugs]

    # ------------------------------------------------------------------ results

    def result(self, finding: Finding) -> om.Result:
        index = self.rule_index[finding.rule_id]
        loc = self.location(finding.path, finding.line, finding.col, None, finding.end_line, finding.end_col)
        flow_locations = [om.ThreadFlowLocation(location=self.location(s.path or finding.path, s.line, s.col,
                                                                       s.message))
                          for s in finding.steps if s.line]
        code_flows = [om.CodeFlow(thread_flows=[om.ThreadFlow(locations=flow_locations)])] if flow_locations else None
        related = []  # the path's other places (where a lock was taken, a callback started), for GitHub's alert view
        for step in finding.steps:
            if step.line and (step.path or finding.path, step.line, step.col) != (finding.path, finding.line,
                                                                                  finding.col):
                place = self.location(step.path or finding.path, step.line, step.col, step.message)
                place.id = len(related)
                related.append(place)
        sub = category(finding.category)
        taxa = [om.ReportingDescriptorReference(id=str(c), index=self.cwe_index[c],
                                                tool_component=om.ToolComponentReference(name="CWE", index=0))
                for c in finding.cwe if c in self.cwe_index]
        taxa.append(om.ReportingDescriptorReference(id=sub.ident, index=self.category_index[sub.ident],
                                                    tool_component=om.ToolComponentReference(name=TAXONOMY_NAME,
                                                                                             index=1)))
        suppressions = None
        if finding.suppression is not None:
            where = self.location(finding.suppression.path, finding.suppression.line, 0)
            suppressions = [om.Suppression(kind="inSource", justification=finding.suppression.justification,
                                           location=where)]
        return om.Result(
            rule_id=finding.rule_id, rule_index=index, level=finding.level, message=_msg(finding.message),
            locations=[loc], code_flows=code_flows, related_locations=related or None, taxa=taxa,
            partial_fingerprints=self.fingerprints(finding.path, finding.line, finding.fingerprint),
            suppressions=suppressions, baseline_state=finding.baseline_state or None,
            properties={"function": finding.function, "category": sub.name,
                        "categoryId": finding.category})

    def fingerprints(self, path: str, line: int, own: str) -> dict[str, str]:
        """GitHub's line hash (computed as its upload action would) and drvlint's own fingerprint."""
        prints = {}
        line_hash = self.line_hashes.get(path, line)
        if line_hash:
            prints["primaryLocationLineHash"] = line_hash
        if own:
            prints[FINGERPRINT_KEY] = own
        return prints

    def absent_result(self, entry: BaselineEntry) -> om.Result:
        """A baseline finding that this run no longer reports, at the place the baseline had it."""
        return om.Result(
            rule_id=entry.rule_id, rule_index=self.rule_index[entry.rule_id],
            level=entry.level if entry.level in LEVEL_RANK else "warning",
            message=_msg(entry.message or entry.rule_id),
            locations=[self.location(entry.path, entry.line, entry.col)],
            partial_fingerprints={**({"primaryLocationLineHash": entry.line_hash} if entry.line_hash else {}),
                                  FINGERPRINT_KEY: entry.fingerprint},
            baseline_state="absent")

    def notification(self, note: Notification) -> om.Notification:
        locations = [self.location(note.path, note.line, note.col)] if note.path else None
        return om.Notification(level=note.level if note.level in ("error", "warning", "note") else "note",
                               message=_msg(note.message), locations=locations)

    def _severity(self, result: om.Result) -> tuple:
        """Sort key, most severe first: live results before suppressed and absent ones, then by
        level and the rule's security severity."""
        state = 2 if result.baseline_state == "absent" else 1 if result.suppressions else 0
        checker = self.checkers[result.rule_index] if 0 <= result.rule_index < len(self.checkers) else None
        security = float(checker.security_severity) if checker is not None else 0.0
        return (state, LEVEL_RANK.get(result.level, 1), -security)

    def within_limit(self, results: list[om.Result]) -> tuple[list[om.Result], Optional[om.Notification]]:
        """GitHub rejects a run with more than ``MAX_RESULTS`` results: keep the most severe (in their
        original order) and say what was left out."""
        if len(results) <= MAX_RESULTS:
            return results, None
        ranked = sorted(range(len(results)), key=lambda i: (self._severity(results[i]), i))
        keep = sorted(ranked[:MAX_RESULTS])
        dropped = [results[i] for i in ranked[MAX_RESULTS:]]
        by_level: dict[str, int] = {}
        for result in dropped:
            by_level[result.level] = by_level.get(result.level, 0) + 1
        levels = ", ".join(f"{n} {level}" for level, n in
                           sorted(by_level.items(), key=lambda item: LEVEL_RANK.get(item[0], 1)))
        note = om.Notification(level="warning", message=_msg(
            f"{len(results)} results exceed GitHub code scanning's limit of {MAX_RESULTS} per run: kept the "
            f"{MAX_RESULTS} most severe, left out {len(dropped)} ({levels}); the text and JSON reports have all"))
        return [results[i] for i in keep], note

    def log(self, results: list[FileResult], exit_code: int, absent: Sequence[BaselineEntry] = (),
            notes: Sequence[Notification] = (), properties: Optional[dict[str, Any]] = None) -> dict:
        findings = [f for r in results for f in r.findings]
        if any(not f.fingerprint for f in findings):
            assign_fingerprints(findings, self.root)
        driver = om.ToolComponent(
            name="drvlint", version=__version__, semantic_version=__version__, information_uri=INFORMATION_URI,
            rules=[self.rule(c) for c in self.checkers],
            supported_taxonomies=[om.ToolComponentReference(name="CWE", index=0),
                                  om.ToolComponentReference(name=TAXONOMY_NAME, index=1)])
        sarif_results = [self.result(f) for f in findings]
        sarif_results += [self.absent_result(e) for e in absent if e.rule_id in self.rule_index]
        sarif_results, limit_note = self.within_limit(sarif_results)
        notifications = [self.notification(n) for r in results for n in r.notifications]
        notifications += [self.notification(n) for n in notes]
        if limit_note is not None:
            notifications.append(limit_note)
        modes = sorted({r.mode for r in results if r.mode})
        invocation = om.Invocation(
            execution_successful=exit_code in (0, 1), command_line=self.command_line, exit_code=exit_code,
            tool_execution_notifications=notifications or None,
            properties={"compilation": modes, "filesAnalysed": sum(1 for r in results if r.failed is None),
                        "filesSkipped": sum(1 for r in results if r.failed is not None), **(properties or {})})
        run = om.Run(
            tool=om.Tool(driver=driver), invocations=[invocation], taxonomies=self.taxonomies(),
            original_uri_base_ids={SRCROOT: om.ArtifactLocation(uri=self.root.as_uri() + "/")},
            results=sarif_results, column_kind="utf16CodeUnits",
            automation_details=om.RunAutomationDetails(id=automation_id(self.category)) if self.category else None)
        log = om.SarifLog(version="2.1.0", schema_uri=SCHEMA, runs=[run])
        return to_json(log)


def automation_id(category: str) -> str:
    """``automationDetails.id`` for a category, as GitHub's upload action writes it from its own
    ``category`` input: the category and a slash (SARIF: ``category/run-id``, with no run id), so the
    two give the same analysis identity."""
    return category if category.endswith("/") else category + "/"


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", rule_id))


def _plain(markdown: str) -> str:
    return re.sub(r"[`*]", "", markdown)


def repo_root(paths: Sequence[Path]) -> Path:
    """The repository root (for %SRCROOT%): the git work tree around the current directory, else the
    one around the first analysed file, else the current directory."""
    start = Path(os.getcwd())
    for origin in (start, *(Path(p).resolve().parent for p in paths[:1])):
        for parent in [origin, *origin.parents]:
            if (parent / ".git").exists():
                return parent
    return start


def write_sarif(results: list[FileResult], out: TextIO, checkers: Sequence[type[Checker]], command_line: str,
                exit_code: int, root: Path, *, category: Optional[str] = None,
                absent: Sequence[BaselineEntry] = (), notes: Sequence[Notification] = (),
                properties: Optional[dict[str, Any]] = None) -> None:
    """One SARIF run.  ``absent``: baseline findings gone in this run (``baselineState: absent``);
    ``notes``: run-level notifications; ``properties``: extra invocation properties."""
    builder = SarifBuilder(checkers, root, command_line, category)
    json.dump(builder.log(results, exit_code, absent, notes, properties), out, indent=2)
    out.write("\n")
