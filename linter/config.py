"""Configuration: files found walking up from each story, layered, validated.

A folder's ``newslint.toml`` inherits from the nearest configuration above it, unless it
says ``root = true``; ``extend = "path/to/base.toml"`` names its parent explicitly instead.
Layering: scalars (``dialect``, ``fail-on``) and per-key tables (``[severity]``,
``[rules."<id>"]``, family sections such as ``[grammar]``) take the nearer file's value;
lists that add up (``extend-select``, ``ignore``, ``dictionary``, ``exclude``,
``per-file-ignores``) accumulate, each path relative to the file that wrote it; a
``select`` in a nearer file starts the selection afresh (its parents' ``select``,
``extend-select`` and ``ignore`` no longer apply). Every key, rule id and option is checked;
an error names the file and the key.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import filecache, trust
from .compat import tomllib
from .diagnostic import Severity
from .markup.options import MarkupOptions
from .options import OptionError, build_options, merge_tables
from .policy import PathPattern, Policy
from .registry import Registry

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DIALECTS = ("en-US", "en-GB", "en-CA", "en-AU")
FAIL_ON = ("error", "warning", "info", "never")
_LIST_KEYS = ("select", "extend-select", "ignore", "exclude", "dictionary")
_KNOWN = {"root", "extend", "dialect", "fail-on", "severity", "per-file-ignores", "rules", "markup", *_LIST_KEYS}


class ConfigError(Exception):
    """A configuration file or option is wrong. The message names the file and key."""


@dataclass(frozen=True)
class _Settings:
    """What a configuration file says and what a merged configuration holds."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    dictionary: tuple[Path, ...] = ()
    exclude: tuple[PathPattern, ...] = ()
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    markup: dict[str, Any] = field(default_factory=dict)  # the [markup] table (MarkupOptions)
    withheld: tuple[str, ...] = ()  # notices: options a repository's file may not set (trust.py)


@dataclass(frozen=True)
class Layer(_Settings):
    """One configuration file, checked, with its paths made absolute."""

    path: Path = Path()
    root: bool = False
    extend: Path | None = None
    dialect: str | None = None
    fail_on: str | None = None


@dataclass(frozen=True)
class Config(_Settings):
    """The effective configuration for one story: its layers merged, root first."""

    files: tuple[Path, ...] = ()
    dialect: str = "en-US"
    fail_on: str = "warning"

    @property
    def path(self) -> Path | None:
        """The nearest configuration file."""
        return self.files[-1] if self.files else None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def is_excluded(self, file_path: str) -> bool:
        return any(p.matches(file_path) for p in self.exclude)

    def policy(self, registry: Registry) -> Policy:
        return Policy(registry, self.select, self.extend_select, self.ignore, self.per_file_ignores,
                      tuple(sorted(self.severity.items(), key=lambda kv: kv[0])))

    def merged(self, layer: Layer) -> "Config":
        """This configuration with a nearer `layer` on top."""
        select, extend, ignore = self.select, self.extend_select, self.ignore
        if layer.select is not None:
            select, extend, ignore = layer.select, (), ()
        rules = dict(self.rules)
        for rid, table in layer.rules.items():
            rules[rid] = merge_tables(rules.get(rid, {}), table)
        return Config(
            files=self.files + (layer.path,),
            dialect=layer.dialect or self.dialect,
            fail_on=layer.fail_on or self.fail_on,
            select=select, extend_select=extend + layer.extend_select, ignore=ignore + layer.ignore,
            severity={**self.severity, **layer.severity},
            per_file_ignores=self.per_file_ignores + layer.per_file_ignores,
            rules=rules,
            dictionary=self.dictionary + tuple(p for p in layer.dictionary if p not in self.dictionary),
            exclude=self.exclude + layer.exclude,
            sections=merge_tables(self.sections, layer.sections),
            markup=merge_tables(self.markup, layer.markup),
            withheld=self.withheld + layer.withheld,
        )

    def markup_options(self) -> MarkupOptions:
        return build_options(MarkupOptions, self.markup, "[markup]")

    def with_overrides(self, dialect: str | None, select: list[str] | None, extend_select: list[str],
                       ignore: list[str]) -> "Config":
        """Command-line settings on top: they win over every file."""
        cfg = self
        if dialect:
            cfg = replace(cfg, dialect=dialect)
        if select is not None:
            cfg = replace(cfg, select=tuple(select), extend_select=())
        if extend_select:
            cfg = replace(cfg, extend_select=cfg.extend_select + tuple(extend_select))
        if ignore:
            cfg = replace(cfg, ignore=cfg.ignore + tuple(ignore))
        return cfg


# --- reading one file ------------------------------------------------------------------------------

def _str_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _check_ids(ids: tuple[str, ...], registry: Registry, where: str, key: str) -> None:
    for rid in ids:
        if not registry.is_known(rid):
            raise ConfigError(f"{where}: {key}: {registry.unknown_message(rid)}")


def parse_layer(data: dict[str, Any], path: Path, registry: Registry, trusted: bool = True) -> Layer:
    """One file's settings; from a file the user does not trust (a repository's), the options
    only the user may set are left out, each with a notice (see trust.py)."""
    where = str(path)
    base = path.parent
    withheld: list[str] = []
    if not trusted:
        data, withheld = trust.withhold(data, registry)
    for key in data:
        if key not in _KNOWN and key not in registry.sections:
            known = ", ".join(sorted(_KNOWN | set(registry.sections)))
            raise ConfigError(f"{where}: unknown key '{key}' (known: {known})")
    values: dict[str, Any] = {}
    if "root" in data:
        if not isinstance(data["root"], bool):
            raise ConfigError(f"{where}: root must be true or false")
        values["root"] = data["root"]
    if "extend" in data:
        if not isinstance(data["extend"], str):
            raise ConfigError(f"{where}: extend must be the path of another configuration file")
        values["extend"] = Path(os.path.abspath(base / os.path.expanduser(data["extend"])))
    for key, choices in (("dialect", DIALECTS), ("fail-on", FAIL_ON)):
        if key in data:
            if data[key] not in choices:
                raise ConfigError(f"{where}: {key} must be one of {', '.join(choices)}, got {data[key]!r}")
            values[key.replace("-", "_")] = data[key]
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            ids = _str_list(data[key], where, key)
            _check_ids(ids, registry, where, key)
            values[key.replace("-", "_")] = ids
    if "exclude" in data:
        values["exclude"] = tuple(PathPattern(base, g) for g in _str_list(data["exclude"], where, "exclude"))
    if "dictionary" in data:
        values["dictionary"] = tuple(Path(os.path.abspath(base / p))
                                     for p in _str_list(data["dictionary"], where, "dictionary"))
    if "severity" in data:
        if not isinstance(data["severity"], dict):
            raise ConfigError(f"{where}: severity must be a table of rule = level")
        sev = {}
        for rid, level in data["severity"].items():
            _check_ids((rid,), registry, where, "severity")
            try:
                sev[rid] = Severity(level)
            except ValueError:
                raise ConfigError(f"{where}: severity.{rid} must be error, warning or info, got {level!r}") from None
        values["severity"] = sev
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [rules]")
        entries = []
        for glob, ids in pfi.items():
            ids = _str_list(ids, where, f"per-file-ignores.{glob}")
            _check_ids(ids, registry, where, f"per-file-ignores.{glob}")
            entries.append((PathPattern(base, glob), ids))
        values["per_file_ignores"] = tuple(entries)
    if "rules" in data:
        if not isinstance(data["rules"], dict) or not all(isinstance(v, dict) for v in data["rules"].values()):
            raise ConfigError(f"{where}: [rules] must hold one table per rule id")
        for rid, table in data["rules"].items():
            cls = registry.rules.get(rid)
            if cls is None:
                raise ConfigError(f"{where}: [rules.\"{rid}\"]: {registry.unknown_message(rid)}")
            try:
                cls.make_options(table)
            except OptionError as exc:
                raise ConfigError(f"{where}: {exc}") from None
        values["rules"] = {k: dict(v) for k, v in data["rules"].items()}
    if "markup" in data:
        try:
            problems = build_options(MarkupOptions, data["markup"], "[markup]").problems()
        except OptionError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        if problems:
            raise ConfigError(f"{where}: [markup] {problems[0]}")
        values["markup"] = data["markup"]
    sections = {}
    for name, cls in registry.sections.items():
        if name in data:
            try:
                build_options(cls, data[name], f"[{name}]")
            except OptionError as exc:
                raise ConfigError(f"{where}: {exc}") from None
            sections[name] = data[name]
    values["sections"] = sections
    values["withheld"] = tuple(trust.withheld_notice(path, w) for w in withheld)
    return Layer(path=path, **values)


MAX_CONFIG_BYTES = 4 << 20
MAX_DICTIONARY_BYTES = 64 << 20


def read_text_file(path: str, limit: int, what: str = "") -> str:
    """A regular file's UTF-8 text, at most `limit` bytes: a FIFO, a device (/dev/zero), a
    huge or undecodable file is a ConfigError naming the file, never a hang."""
    name = f"{what} {path}".strip()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens without waiting
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ConfigError(f"{name}: not a regular file")
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ConfigError(f"{name}: larger than {limit >> 20} MB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def _read_toml(path: str) -> dict[str, Any] | None:
    """The file's newslint table; None for a pyproject.toml without [tool.newslint]."""
    text = read_text_file(path, MAX_CONFIG_BYTES)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if Path(path).name == "pyproject.toml":
        return raw.get("tool", {}).get("newslint")
    return raw


def read_layer(path: Path, registry: Registry, trusted: bool = True) -> Layer | None:
    data = filecache.cached("config-toml", path, _read_toml)
    return None if data is None else parse_layer(data, path, registry, trusted)


def find_config_file(directory: Path) -> Path | None:
    """The nearest configuration file at or above `directory` (a pyproject.toml counts when
    it has a [tool.newslint] table)."""
    for d in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            p = d / name
            if not os.path.lexists(p) or p.is_dir():
                continue
            # a pyproject.toml counts when it has [tool.newslint]; one that cannot be read is
            # an error (it may hold the settings), never passed over in silence
            if name == "pyproject.toml" and filecache.cached("config-toml", p, _read_toml) is None:
                continue
            return p
    return None


def load_chain(path: Path, registry: Registry, implicit_parents: bool = True, trusted: bool = True,
               base: Config | None = None) -> Config:
    """The effective configuration whose nearest file is `path`, on top of `base` (the user's
    configuration); `trusted`: the files may set options only the user may set."""
    layers: list[Layer] = []
    seen: set[Path] = set()
    current: Path | None = Path(os.path.abspath(path))
    while current is not None:
        if current in seen:
            raise ConfigError(f"{current}: extend makes a loop")
        seen.add(current)
        if not current.is_file():
            raise ConfigError(f"{current}: configuration file not found (named by extend in {layers[-1].path})")
        layer = read_layer(current, registry, trusted)
        if layer is None:  # a pyproject.toml without [tool.newslint]
            layer = Layer(path=current)
        layers.append(layer)
        if layer.extend is not None:
            current = layer.extend
        elif layer.root or not implicit_parents:
            current = None
        else:
            current = find_config_file(current.parent.parent) if current.parent != current.parent.parent else None
    cfg = base or Config()
    for layer in reversed(layers):
        cfg = cfg.merged(layer)
    return cfg


def load_user_config(registry: Registry) -> Config:
    """The user's own configuration file (trust.user_config_path), under every repository's;
    an empty configuration when there is none."""
    path = trust.user_config_path()
    if not os.path.lexists(path):
        return Config()
    return load_chain(path, registry, implicit_parents=False, trusted=True)


def section_values(cfg: Config, registry: Registry) -> dict[str, Any]:
    """Every declared family section as its dataclass, defaults filled in."""
    out = {}
    for name, cls in registry.sections.items():
        try:
            out[name] = build_options(cls, cfg.sections.get(name, {}), f"[{name}]")
        except OptionError as exc:  # pragma: no cover - each layer was checked already
            raise ConfigError(f"{cfg.path}: {exc}") from None
    return out


def load_dictionaries(paths: tuple[Path, ...]) -> frozenset[str]:
    words: set[str] = set()
    for p in paths:
        words |= filecache.cached("dictionary", p, _read_dictionary)
    return frozenset(words)


def _read_dictionary(path: str) -> frozenset[str]:
    text = read_text_file(path, MAX_DICTIONARY_BYTES, "dictionary file")
    return frozenset(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w)


STARTER = '''# newslint configuration. Every key is optional; the values shown are the defaults.
# Rules: `newslint rules`; one rule's documentation: `newslint explain RULE-ID`.

# A newslint.toml in a sub-folder inherits this file's settings and changes what it names.
# root = true                     # this file starts afresh: nothing from the folders above
# extend = "../newslint.toml"     # inherit from this file instead of the nearest one above

# Dialect of the copy: "en-US", "en-GB", "en-CA" or "en-AU". Spelling and grammar follow it.
dialect = "en-US"

# Rules or families to run instead of the defaults, e.g. ["spelling", "grammar"].
# The most specific name wins: ignore = ["spelling"] with extend-select =
# ["spelling/unknown-word"] keeps unknown words and drops the other spelling rules.
# select = ["spelling", "grammar", "word-choice", "readability", "style"]
# extend-select = ["readability/passive-voice"]
# ignore = ["readability/complex-word"]

# Exit with status 1 when a finding is at or above this level: error, warning, info, never.
fail-on = "warning"

# Files of accepted words (one per line, # for comments), relative to this file.
# `newslint learn ARCHIVE/ -o newsroom.dic` builds one from your published stories.
# dictionary = ["newsroom.dic"]

# Paths (globs, relative to this file) never checked, even when named on the command line
# (pre-commit passes files by name); `--no-force-exclude` checks named files anyway.
exclude = []

# [severity]
# "readability/long-sentence" = "warning"

# [per-file-ignores]
# "archive/**" = ["readability"]

# [rules."readability/long-sentence"]
# max-words = 35

# Out-of-place words ("the child units"): scores from 0 to 1; -1 takes the measured thresholds.
# [rules."word-choice/unusual-word"]
# warning = -1
# info = -1
# masked-model = "/models/distilroberta-base"   # optional, pip install "newslint[transformers]"

# [grammar]
# backend = "harper"            # "harper", "languagetool" or "both"
# [grammar.languagetool]
# url = "http://localhost:8081" # a LanguageTool server you run
# allow-remote = false          # a non-local URL must be allowed explicitly
'''
