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


class ConfigError(Exception):
    """A configuration file or option is wrong. The message names the file and key."""


# --- the schema: every core key, described once ----------------------------------------------------
# How a key is read (``kind``: see _READERS), how a nearer file's value combines with the one
# inherited from the folders above (``merge``: see MERGES), and what the starter configuration
# (`newslint init`) and the table in docs/configuration.md (`newslint config --format markdown`)
# say about it. Family sections (``[grammar]``, ``[style]``) are declared by the rules.

MERGES = {
    "file": "this file only",
    "nearest": "the nearest file's",
    "restart": "the nearest file's; drops the inherited extend-select and ignore",
    "added": "added to the inherited",
    "per-key": "merged key by key, the nearest file's winning",
}


@dataclass(frozen=True)
class Key:
    name: str
    kind: str
    merge: str
    default: str  # as TOML, or words in parentheses
    help: str
    example: str = ""  # TOML for the starter, commented out; none: the default is written, active
    choices: tuple[str, ...] = ()

    @property
    def attr(self) -> str:
        return self.name.replace("-", "_")


SCHEMA = (
    Key("root", "bool", "file", "false", "This file starts afresh: nothing from the configuration above it.",
        "root = true"),
    Key("extend", "path", "file", "(none)", "Inherit from this file (relative to this one) instead of the nearest "
        "configuration above.", 'extend = "../newslint.toml"'),
    Key("dialect", "choice", "nearest", '"en-US"', "Dialect of the copy; spelling and grammar follow it.",
        choices=DIALECTS),
    Key("fail-on", "choice", "nearest", '"warning"', "Exit with status 1 when a finding is at or above this level "
        "(the command line's --fail-on wins; each file is judged by its own configuration).", choices=FAIL_ON),
    Key("select", "ids", "restart", "(the rules on by default)", "Rules or families to run instead of the "
        "defaults. The most specific name wins: ignore = [\"spelling\"] with extend-select = "
        "[\"spelling/unknown-word\"] keeps unknown words and drops the other spelling rules.",
        'select = ["spelling", "grammar", "word-choice", "readability", "style"]'),
    Key("extend-select", "ids", "added", "[]", "Rules or families to run as well as the selected ones.",
        'extend-select = ["readability/passive-voice"]'),
    Key("ignore", "ids", "added", "[]", "Rules or families not to run.", 'ignore = ["readability/complex-word"]'),
    Key("exclude", "globs", "added", "[]", "Paths (globs, relative to this file) never checked, even when named "
        "on the command line (pre-commit passes files by name); --no-force-exclude checks named files anyway."),
    Key("dictionary", "paths", "added", "[]", "Files of accepted words (one per line, # for comments), relative "
        "to this file; `newslint learn ARCHIVE/ -o newsroom.dic` builds one from published stories.",
        'dictionary = ["newsroom.dic"]'),
    Key("severity", "severities", "per-key", "{}", "The severity of a rule or family: error, warning or info.",
        '[severity]\n"readability/long-sentence" = "warning"'),
    Key("per-file-ignores", "id-lists", "added", "{}", "Rules or families not reported in the files a glob "
        "(relative to this file) matches.", '[per-file-ignores]\n"archive/**" = ["readability"]'),
    Key("rules", "rule-options", "per-key", "{}", "Options of one rule, in [rules.\"<id>\"] (`newslint explain "
        "<id>` describes them).", '[rules."readability/long-sentence"]\nmax-words = 35'),
    Key("markup", "markup", "per-key", "{}", "What the markup of the copy holds: front-matter fields, shortcodes, "
        "JSX props that are prose.", '[markup]\nfront-matter = { kicker = "standfirst" }'),
)
_KEYS = {k.name: k for k in SCHEMA}


@dataclass(frozen=True)
class _Settings:
    """What a configuration file says and what a merged configuration holds (SCHEMA's keys;
    ``sections``: the family sections; ``withheld``: notices about options a repository's
    file may not set, see trust.py)."""

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
    withheld: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layer(_Settings):
    """One configuration file, checked, with its paths made absolute."""

    path: Path = Path()
    root: bool = False
    extend: Path | None = None
    dialect: str | None = None
    fail_on: str | None = None


def _added(old: tuple, new: tuple) -> tuple:
    return old + tuple(x for x in new if x not in old)


_MERGE = {"nearest": lambda old, new: old if new is None else new, "added": _added, "per-key": merge_tables}


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
        """This configuration with a nearer `layer` on top, key by key as SCHEMA says."""
        base = self
        if layer.select is not None:  # "restart"
            base = replace(self, select=layer.select, extend_select=(), ignore=())
        values = {k.attr: _MERGE[k.merge](getattr(base, k.attr), getattr(layer, k.attr))
                  for k in SCHEMA if k.merge in _MERGE}
        return replace(base, files=self.files + (layer.path,), sections=merge_tables(self.sections, layer.sections),
                       withheld=self.withheld + layer.withheld, **values)

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


@dataclass(frozen=True)
class _Reading:
    """What a reader needs besides the value: where it is written, and the registry."""

    where: str
    base: Path  # the folder of the file: paths and globs are relative to it
    registry: Registry

    def ids(self, value: Any, key: str) -> tuple[str, ...]:
        ids = _str_list(value, self.where, key)
        _check_ids(ids, self.registry, self.where, key)
        return ids

    def checked(self, build) -> Any:
        try:
            return build()
        except OptionError as exc:
            raise ConfigError(f"{self.where}: {exc}") from None


def _bool(r: _Reading, key: Key, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{r.where}: {key.name} must be true or false")
    return value


def _path(r: _Reading, key: Key, value: Any) -> Path:
    if not isinstance(value, str):
        raise ConfigError(f"{r.where}: {key.name} must be the path of another configuration file")
    return Path(os.path.abspath(r.base / os.path.expanduser(value)))


def _choice(r: _Reading, key: Key, value: Any) -> str:
    if value not in key.choices:
        raise ConfigError(f"{r.where}: {key.name} must be one of {', '.join(key.choices)}, got {value!r}")
    return value


def _severities(r: _Reading, key: Key, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{r.where}: severity must be a table of rule = level")
    out = {}
    for rid, level in value.items():
        r.ids(rid, "severity")
        try:
            out[rid] = Severity(level)
        except ValueError:
            raise ConfigError(f"{r.where}: severity.{rid} must be error, warning or info, got {level!r}") from None
    return out


def _id_lists(r: _Reading, key: Key, value: Any) -> tuple:
    if not isinstance(value, dict):
        raise ConfigError(f"{r.where}: per-file-ignores must be a table of glob = [rules]")
    return tuple((PathPattern(r.base, glob), r.ids(ids, f"per-file-ignores.{glob}")) for glob, ids in value.items())


def _rule_options(r: _Reading, key: Key, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{r.where}: [rules] must hold one table per rule id")
    for rid, table in value.items():
        cls = r.registry.rules.get(rid)
        if cls is None:
            raise ConfigError(f"{r.where}: [rules.\"{rid}\"]: {r.registry.unknown_message(rid)}")
        r.checked(lambda: cls.make_options(table))
    return {k: dict(v) for k, v in value.items()}


def _markup(r: _Reading, key: Key, value: Any) -> dict[str, Any]:
    problems = r.checked(lambda: build_options(MarkupOptions, value, "[markup]")).problems()
    if problems:
        raise ConfigError(f"{r.where}: [markup] {problems[0]}")
    return value


_READERS = {
    "bool": _bool, "path": _path, "choice": _choice,
    "ids": lambda r, key, value: r.ids(value, key.name),
    "globs": lambda r, key, value: tuple(PathPattern(r.base, g) for g in _str_list(value, r.where, key.name)),
    "paths": lambda r, key, value: tuple(Path(os.path.abspath(r.base / p))
                                         for p in _str_list(value, r.where, key.name)),
    "severities": _severities, "id-lists": _id_lists, "rule-options": _rule_options, "markup": _markup,
}


def parse_layer(data: dict[str, Any], path: Path, registry: Registry, trusted: bool = True) -> Layer:
    """One file's settings, each key read as SCHEMA says; from a file the user does not trust
    (a repository's), the options only the user may set are left out, each with a notice
    (see trust.py)."""
    withheld: list[str] = []
    if not trusted:
        data, withheld = trust.withhold(data, registry)
    r = _Reading(str(path), path.parent, registry)
    for name in data:
        if name not in _KEYS and name not in registry.sections:
            known = ", ".join(sorted(set(_KEYS) | set(registry.sections)))
            raise ConfigError(f"{r.where}: unknown key '{name}' (known: {known})")
    values = {k.attr: _READERS[k.kind](r, k, data[k.name]) for k in SCHEMA if k.name in data}
    for name, cls in registry.sections.items():
        if name in data:
            r.checked(lambda: build_options(cls, data[name], f"[{name}]"))
    return Layer(path=path, sections={n: data[n] for n in registry.sections if n in data},
                 withheld=tuple(trust.withheld_notice(path, w) for w in withheld), **values)


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
            why = f" (named by extend in {layers[-1].path})" if layers else " (a link to nothing?)"
            raise ConfigError(f"{current}: configuration file not found{why}")
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
