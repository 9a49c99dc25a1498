"""Configuration: ``[tool.seedlint]`` in pyproject.toml or a ``.seedlint.yaml``.

The nearest file from the working directory upward wins (``.seedlint.yaml`` before
``pyproject.toml`` in the same folder; a pyproject.toml without a ``[tool.seedlint]`` table is
passed over); ``--config FILE`` names one. Keys use dashes (``fail-level``); underscores are
accepted too. Paths in the file (rule folders, baseline) are relative to the file's folder.
Unknown keys and bad values raise `ConfigError` naming the file and the key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import yaml

from .finding import SEVERITIES


class ConfigError(Exception):
    pass


@dataclass
class Settings:
    select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    extend_select: list = field(default_factory=list)
    per_file_ignores: dict = field(default_factory=dict)  # glob -> [selectors]
    exclude: list = field(default_factory=list)
    force_exclude: bool = False
    rules: list = field(default_factory=list)  # extra rule folders
    fail_level: str = "warning"
    output_format: str = ""
    extensions: list = field(default_factory=lambda: [".txt", ".md", ".markdown"])
    accept_words: list = field(default_factory=list)
    reject_words: list = field(default_factory=list)
    spelling: str = "any"  # any | us | gb: which English spellings the typo rules accept
    baseline: str = ""
    text_field: str = "text"
    id_field: str = "id"
    jobs: int = 0
    source: str = ""  # the file these came from

    def accepts(self, word: str) -> bool:
        """Case-aware: accepting 'Manger' accepts 'Manger' and 'MANGER', never 'manger';
        a lower-case entry accepts every capitalisation."""
        return _in_word_list(word, tuple(self.accept_words))

    def rejects(self, word: str) -> bool:
        """The same case rules for words to flag always ('teh' flags 'Teh' and 'TEH')."""
        return _in_word_list(word, tuple(self.reject_words))


@lru_cache(maxsize=8)
def _word_sets(words: tuple) -> tuple[frozenset, frozenset]:
    """(exact forms, lower-case entries): a capitalised entry matches itself and its upper case."""
    exact = frozenset(w for w in words if w != w.lower()) | frozenset(w.upper() for w in words)
    return exact, frozenset(w for w in words if w == w.lower())


def _in_word_list(word: str, words: tuple) -> bool:
    if not words:
        return False
    exact, lower = _word_sets(words)
    return word in exact or word.lower() in lower


_TYPES = {f.name: f.type for f in fields(Settings)}
_CHOICES = {"fail_level": SEVERITIES, "spelling": ("any", "us", "gb"),
            "output_format": ("", "text", "json", "jsonl", "github", "sarif", "junit", "gitlab", "html")}


def find_config(start: str | None = None) -> Path | None:
    here = Path(start or os.getcwd()).resolve()
    for folder in [here, *here.parents]:
        y = folder / ".seedlint.yaml"
        if y.is_file():
            return y
        p = folder / "pyproject.toml"
        if p.is_file() and _pyproject_table(p) is not None:
            return p
    return None


def _pyproject_table(path: Path):
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot parse: {e}") from None
    return data.get("tool", {}).get("seedlint")


def load(path: str | Path | None = None, start: str | None = None) -> Settings:
    p = Path(path) if path else find_config(start)
    if p is None:
        return Settings()
    if not p.is_file():
        raise ConfigError(f"{p}: config file not found")
    if p.name == "pyproject.toml" or p.suffix == ".toml":
        table = _pyproject_table(p) or {}
    else:
        try:
            table = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as e:
            raise ConfigError(f"{p}: cannot parse: {e}") from None
    if not isinstance(table, dict):
        raise ConfigError(f"{p}: expected a mapping of settings")
    return from_mapping(table, p)


def from_mapping(table: dict, path: Path) -> Settings:
    s = Settings(source=str(path))
    base = path.parent
    for key, value in table.items():
        name = str(key).replace("-", "_")
        if name not in _TYPES or name == "source":
            raise ConfigError(f"{path}: unknown key {key!r}")
        want = {"list": list, "dict": dict, "str": str, "bool": bool, "int": int}[str(_TYPES[name])]
        if not isinstance(value, want) or (want is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: key {key!r}: expected {want.__name__}, got {value!r}")
        if name in _CHOICES and value not in _CHOICES[name]:
            raise ConfigError(f"{path}: key {key!r}: must be one of {', '.join(c for c in _CHOICES[name] if c)}")
        if want is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: key {key!r}: expected a list of strings")
        if name == "per_file_ignores" and not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                                  for v in value.values()):
            raise ConfigError(f"{path}: key {key!r}: each glob maps to a list of rule selectors")
        if name == "exclude":
            value = [_anchor(v, base) for v in value]
        if name == "per_file_ignores":
            value = {_anchor(k, base): v for k, v in value.items()}
        if name == "rules":
            value = [str((base / v).resolve()) for v in value]
        if name == "baseline" and value:
            value = str((base / value).resolve())
        if name == "extensions":
            value = [v if v.startswith(".") else "." + v for v in value]
        setattr(s, name, value)
    return s


def _anchor(pattern: str, base: Path) -> str:
    """Globs with a folder part (``seeds/*.txt``) are relative to the config file's folder, as
    in ruff; bare names (``*.tmp``, ``drafts``) match a file or folder name anywhere."""
    if "/" not in pattern.rstrip("/") or pattern.startswith(("/", "*")):
        return pattern
    return str(base.resolve() / pattern) + ("/" if pattern.endswith("/") else "")
