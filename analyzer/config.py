"""Project configuration: ``.drvlint.toml`` or ``[tool.drvlint]`` in ``pyproject.toml``.

A team writes down once what to analyse and how (paths, excludes, kernel dir, rules, per-path
ignores), so the CI job, the pre-commit hook and a developer's terminal all run the same analysis.
The file is looked for from the current directory, then from the analysed paths, upwards to the git
root; relative paths and globs in it are relative to its directory.  Command-line flags win.  An
unknown key is an error that names it: a misspelt ``exclude`` silently analysing vendored code is
worse than a failed run."""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Collection, Iterable, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FILE_NAME = ".drvlint.toml"
FORMATS = ("text", "json", "sarif")
LIST_KEYS = ("paths", "exclude", "select", "ignore", "rules")
STRING_KEYS = ("kdir", "format", "sarif-category")
KEYS = (*LIST_KEYS, *STRING_KEYS, "per-path-ignores", "builtin-headers")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    """The settings of one configuration file (all empty when there is none)."""

    source: Optional[Path] = None
    root: Optional[Path] = None  # the file's directory: relative paths and globs start here
    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    kdir: Optional[str] = None
    format: Optional[str] = None
    sarif_category: Optional[str] = None
    builtin_headers: Optional[bool] = None
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def resolve(self, value: str) -> str:
        """A path written in the file, as a path usable from the current directory."""
        if self.root is None or Path(value).is_absolute():
            return value
        return str(self.root / value)

    def relative(self, path: Path | str) -> str:
        """``path`` relative to the configuration's directory (posix), the form globs match."""
        absolute = Path(path).resolve()
        if self.root is not None:
            try:
                return absolute.relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return absolute.as_posix()

    def excluded(self, path: Path | str) -> bool:
        return any(matches(pattern, self.relative(path)) for pattern in self.exclude)

    def ignored_rules(self, path: Path | str) -> set[str]:
        """Rules switched off for this file by ``per-path-ignores``."""
        relative = self.relative(path)
        return {rule for pattern, rules in self.per_path_ignores.items() if matches(pattern, relative)
                for rule in rules}

    def check_rules(self, known: Collection[str]) -> None:
        """Rule ids in the file must exist (a typo would switch nothing off, silently)."""
        named = [("select", r) for r in self.select] + [("ignore", r) for r in self.ignore]
        named += [(f"per-path-ignores.\"{p}\"", r) for p, rules in self.per_path_ignores.items() for r in rules]
        for key, rule in named:
            if rule not in known:
                raise ConfigError(f"{self.source}: unknown rule '{rule}' in {key} "
                                  f"(known: {', '.join(sorted(known))})")


def matches(pattern: str, relative: str) -> bool:
    """Whether a file (posix path relative to the configuration root) matches a glob: the whole path
    or one of its directories (``drivers/legacy``, ``drivers/*/old``), or, for a pattern without a
    slash, any single component (``*_test.c``, ``vendor``), as in ``.gitignore``."""
    pattern = pattern.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    if not pattern:
        return False
    if pattern.endswith("/**"):
        pattern = pattern[:-3]
    parts = relative.split("/")
    if "/" not in pattern:
        return any(fnmatchcase(part, pattern) for part in parts)
    return any(fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))


# ---------------------------------------------------------------- finding and reading the file


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None


def _drvlint_table(path: Path) -> Optional[dict[str, Any]]:
    """The drvlint settings in a candidate file, or None when it has none."""
    if path.name == FILE_NAME:
        return _read_toml(path)
    try:
        if "drvlint" not in path.read_text(encoding="utf-8", errors="replace"):
            return None  # another project's pyproject.toml: no need to parse it at all
    except OSError:
        return None
    table = _read_toml(path).get("tool", {}).get("drvlint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.drvlint] must be a table")
    return table


def find_config(start: Path) -> Optional[tuple[Path, dict[str, Any]]]:
    """The nearest configuration at or above ``start``, not beyond the git root."""
    start = start.resolve()
    if not start.is_dir():
        start = start.parent
    for directory in (start, *start.parents):
        for name in (FILE_NAME, "pyproject.toml"):
            candidate = directory / name
            if candidate.is_file():
                table = _drvlint_table(candidate)
                if table is not None:
                    return candidate, table
        if (directory / ".git").exists():
            return None
    return None


def _strings(source: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return tuple(value)


def parse_config(source: Path, table: dict[str, Any]) -> Config:
    """Validate a drvlint table: every key known, every value of the right type."""
    where = "[tool.drvlint]" if source.name == "pyproject.toml" else source.name
    config = Config(source=source, root=source.parent)
    for key, value in table.items():
        if key not in KEYS:
            hint = difflib.get_close_matches(key, KEYS, n=1)
            raise ConfigError(f"{source}: unknown key '{key}' in {where}"
                              + (f" (did you mean '{hint[0]}'?)" if hint else f" (known: {', '.join(KEYS)})"))
        if key in LIST_KEYS:
            setattr(config, key, _strings(source, key, value))
        elif key in STRING_KEYS:
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{source}: '{key}' must be a non-empty string")
            if key == "format" and value not in FORMATS:
                raise ConfigError(f"{source}: 'format' must be one of {', '.join(FORMATS)}, not '{value}'")
            setattr(config, key.replace("-", "_"), value)
        elif key == "builtin-headers":
            if not isinstance(value, bool):
                raise ConfigError(f"{source}: 'builtin-headers' must be true or false")
            config.builtin_headers = value
        else:  # per-path-ignores
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: 'per-path-ignores' must be a table of glob = [rule ids]")
            config.per_path_ignores = {pattern: _strings(source, f"per-path-ignores.\"{pattern}\"", rules)
                                       for pattern, rules in value.items()}
    return config


def load_config(path: Path) -> Config:
    """An explicitly named configuration file (``--config``)."""
    if not path.is_file():
        raise ConfigError(f"--config {path}: no such file")
    if path.name == "pyproject.toml":
        table = _read_toml(path).get("tool", {}).get("drvlint")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: no [tool.drvlint] table")
        return parse_config(path, table)
    return parse_config(path, _read_toml(path))


def discover(cwd: Path, paths: Iterable[str]) -> Config:
    """The configuration that applies to this run: from the current directory up, else from the
    analysed paths up; an empty one when there is none."""
    for start in (cwd, *(Path(p) for p in paths)):
        if not start.exists():
            continue
        found = find_config(start)
        if found is not None:
            return parse_config(*found)
    return Config()
