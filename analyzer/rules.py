"""The one rule loader: API knowledge as TOML tables, validated, with errors that name file and line.

Built-in packs ship inside the package (``drvlint.rulepacks``, the rules/ directory); ``--rules FILE`` adds user packs, whose
entries extend the built-in ones (a later entry for the same API name wins).  Each checker declares the
tables it reads and their fields; the loader checks every entry against those declarations so that a
typo in a rule file is an error, not a silently ignored rule.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]


class RuleError(Exception):
    """A rule file is malformed; the message starts with ``file:line:``."""


@dataclass(frozen=True)
class FieldSpec:
    type: type | tuple[type, ...]
    required: bool = False
    choices: tuple[Any, ...] = ()
    items: type = str  # element type of a list field


@dataclass(frozen=True)
class TableSpec:
    """The shape of one rule table, e.g. ``[[lock]]``."""

    name: str
    fields: dict[str, FieldSpec]
    doc: str = ""


@dataclass
class Rule:
    """One validated table entry and where it came from."""

    table: str
    data: dict[str, Any]
    source: str
    line: int
    language: str = "c"  # the pack's [meta] language: C packs never apply to Python files and vice versa

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass
class RuleSet:
    rules: dict[str, list[Rule]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    digest: str = ""
    languages: dict[str, str] = field(default_factory=dict)  # source -> its [meta] language
    pack_digests: dict[str, str] = field(default_factory=dict)  # source -> digest of its text

    def table(self, name: str) -> list[Rule]:
        return self.rules.get(name, [])

    def extended(self, table: str, entries: list[dict[str, Any]], source: str) -> "RuleSet":
        """A copy with entries added to one table (a study's whole-tree summaries become rules for the
        files that call into other files), validated like a pack's, with its own digest."""
        spec = _SPECS[table]
        added = [Rule(table, _check(spec, entry, source), source, 0) for entry in entries]
        rules = {name: list(rows) for name, rows in self.rules.items()}
        rules.setdefault(table, []).extend(added)
        digest = hashlib.sha256((self.digest + repr([r.data for r in added])).encode()).hexdigest()[:16]
        return RuleSet(rules, self.sources + [source], digest, dict(self.languages, **{source: "c"}),
                       dict(self.pack_digests, **{source: digest}))

    def for_languages(self, languages: Iterable[str]) -> "RuleSet":
        """The rules of packs for these languages only (a C checker never sees a Python pack's tables)."""
        wanted = set(languages)
        subset = RuleSet({t: [r for r in rs if r.language in wanted] for t, rs in self.rules.items()},
                         [s for s in self.sources if self.languages.get(s, "c") in wanted])
        subset.languages = {s: lang for s, lang in self.languages.items() if lang in wanted}
        subset.pack_digests = {s: d for s, d in self.pack_digests.items() if s in subset.languages}
        # from the packs it holds only: editing a Python pack leaves a C study's cache valid
        parts = [subset.pack_digests.get(s, f"{self.digest}:{s}") for s in subset.sources]
        subset.digest = hashlib.sha256(f"{parts}:{sorted(wanted)}".encode()).hexdigest()[:16]
        return subset

    def by_name(self, table: str, key: str = "names") -> dict[str, Rule]:
        """Index a table by each of its API names; later entries override earlier ones."""
        index: dict[str, Rule] = {}
        for rule in self.table(table):
            names = rule.get(key)
            for name in [names] if isinstance(names, str) else (names or []):
                index[name] = rule
        return index


_SPECS: dict[str, TableSpec] = {}


def declare(spec: TableSpec) -> TableSpec:
    """Register a table shape (called by the modules that consume the table)."""
    _SPECS[spec.name] = spec
    return spec


META = declare(TableSpec("meta", {"name": FieldSpec(str, True), "language": FieldSpec(str, False, ("c", "python")),
                                  "description": FieldSpec(str)}))


def _table_lines(text: str, table: str) -> list[int]:
    pattern = re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(table) + r"[ \t]*\]\]", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def _check(spec: TableSpec, entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: [[{spec.name}]] entry is not a table")
    for key in entry:
        if key not in spec.fields:
            known = ", ".join(sorted(spec.fields))
            raise RuleError(f"{where}: [[{spec.name}]] has unknown field '{key}' (known: {known})")
    for key, fspec in spec.fields.items():
        if key not in entry:
            if fspec.required:
                raise RuleError(f"{where}: [[{spec.name}]] is missing required field '{key}'")
            continue
        value = entry[key]
        types = fspec.type if isinstance(fspec.type, tuple) else (fspec.type,)
        if list in types and isinstance(value, list):
            if not all(isinstance(v, fspec.items) and not isinstance(v, bool) for v in value):
                kind = "strings" if fspec.items is str else f"{fspec.items.__name__}s"
                raise RuleError(f"{where}: [[{spec.name}]] field '{key}' must be a list of {kind}")
        elif isinstance(value, bool) and bool not in types:
            raise RuleError(f"{where}: [[{spec.name}]] field '{key}' has the wrong type (bool)")
        elif not isinstance(value, types):
            names = " or ".join(t.__name__ for t in types)
            raise RuleError(f"{where}: [[{spec.name}]] field '{key}' must be {names}, not {type(value).__name__}")
        if fspec.choices and value not in fspec.choices:
            raise RuleError(f"{where}: [[{spec.name}]] field '{key}' is {value!r}; expected one of "
                            f"{', '.join(map(repr, fspec.choices))}")
    return entry


def parse_rule_text(text: str, source: str) -> dict[str, list[Rule]]:
    """Validate one TOML rule pack."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = match.group(1) if match else "1"
        raise RuleError(f"{source}:{line}: invalid TOML: {exc}") from None
    out: dict[str, list[Rule]] = {}
    meta = data.get("meta")
    language = meta.get("language", "c") if isinstance(meta, dict) else "c"
    for table, entries in data.items():
        spec = _SPECS.get(table)
        if spec is None:
            line = next(iter(_table_lines(text, table) or [1]))
            raise RuleError(f"{source}:{line}: unknown rule table '{table}' (known: {', '.join(sorted(_SPECS))})")
        if table == "meta":
            _check(spec, entries, f"{source}:1")
            continue
        if not isinstance(entries, list):
            raise RuleError(f"{source}:1: '{table}' must be an array of tables ([[{table}]])")
        lines = _table_lines(text, table)
        for i, entry in enumerate(entries):
            line = lines[i] if i < len(lines) else 1
            checked = _check(spec, entry, f"{source}:{line}")
            out.setdefault(table, []).append(Rule(table, checked, source, line, language))
    return out


def builtin_packs() -> list[tuple[str, str]]:
    """(name, text) of every rule pack shipped with drvlint."""
    root = resources.files("drvlint.rulepacks")
    return sorted((p.name, p.read_text(encoding="utf-8")) for p in root.iterdir() if p.name.endswith(".toml"))


def load_rules(extra: Iterable[str] = (), language: Optional[str] = None) -> RuleSet:
    """Built-in packs plus user packs (in order), validated."""
    _import_consumers()
    ruleset = RuleSet()
    digest = hashlib.sha256()
    packs = [(f"rules/{name}", text) for name, text in builtin_packs()]
    for path in extra:
        try:
            packs.append((path, Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(f"{path}: cannot read rule file ({exc.__class__.__name__}: {exc})") from None
    for source, text in packs:
        digest.update(source.encode() + b"\0" + text.encode())
        parsed = parse_rule_text(text, source)
        if language is not None and pack_language(text) != language:
            continue
        for table, rules in parsed.items():
            ruleset.rules.setdefault(table, []).extend(rules)
        ruleset.sources.append(source)
        ruleset.languages[source] = pack_language(text)
        ruleset.pack_digests[source] = hashlib.sha256(source.encode() + b"\0" + text.encode()).hexdigest()[:16]
    ruleset.digest = digest.hexdigest()[:16]
    return ruleset


def pack_language(text: str) -> str:
    """The [meta] language of a (valid) pack; packs without one are C packs."""
    meta = tomllib.loads(text).get("meta")
    return meta.get("language", "c") if isinstance(meta, dict) else "c"


def _import_consumers() -> None:
    """Table shapes are declared by the modules that read them; make sure they are imported."""
    from . import contextmodel, flow_rules, lockmodel, pointermodel, pymodel  # noqa: F401
    from .checker import load_checkers

    load_checkers()
