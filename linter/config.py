"""Configuration: discovery upward from each file, validation, and the rule set it selects."""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from .diagnostic import Severity
from .registry import Registry, matches
from .rule import OptionError, Rule, RunSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DIALECTS = ("en-US", "en-GB")
FAIL_ON = ("error", "warning", "info", "never")
# top-level tables that belong to a rule family rather than to one rule
SECTIONS = ("grammar", "spelling", "readability", "word-choice")


class ConfigError(Exception):
    """A configuration file or option is wrong. The message names the file and key."""


@dataclass
class Config:
    path: Path | None = None
    dialect: str = "en-US"
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    dictionary: list[Path] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    # -- selection -------------------------------------------------------------------------------
    def is_selected(self, rule: type[Rule], file_path: str | None = None) -> bool:
        rid = rule.id
        if self.select is None:
            chosen = rule.enabled_by_default
        else:
            chosen = any(matches(rid, p) for p in self.select)
        if any(matches(rid, p) for p in self.extend_select):
            chosen = True
        if any(matches(rid, p) for p in self.ignore):
            chosen = False
        return chosen

    def ignored_for_file(self, file_path: str) -> list[str]:
        rel = self.relative(file_path)
        out: list[str] = []
        for pattern, ids in self.per_file_ignores.items():
            if _glob(rel, pattern):
                out.extend(ids)
        return out

    def is_excluded(self, file_path: str) -> bool:
        rel = self.relative(file_path)
        return any(_glob(rel, p) for p in self.exclude)

    def relative(self, file_path: str) -> str:
        # abspath, not resolve(): a symlink loop must not stop the run
        p = Path(os.path.abspath(file_path))
        try:
            return PurePosixPath(p.relative_to(os.path.abspath(self.root))).as_posix()
        except ValueError:
            return PurePosixPath(p).as_posix()

    def severity_for(self, rule_id: str) -> Severity | None:
        best: tuple[int, Severity] | None = None
        for pattern, sev in self.severity.items():
            if matches(rule_id, pattern):
                if best is None or len(pattern) > best[0]:
                    best = (len(pattern), sev)
        return best[1] if best else None

    # -- rule instances ------------------------------------------------------------------------
    def build_rules(self, registry: Registry) -> list[Rule]:
        for rid in self.rules:
            if rid not in registry.rules:
                raise ConfigError(f"{self._where()}: [rules.\"{rid}\"] names an unknown rule")
        settings = RunSettings(dialect=self.dialect, dictionary=load_dictionaries(tuple(self.dictionary)),
                               config_dir=self.root, section=self.sections)
        out = []
        for rid in sorted(registry.rules):
            cls = registry.rules[rid]
            if not self.is_selected(cls):
                continue
            try:
                opts = cls.make_options(self.rules.get(rid, {}))
            except OptionError as exc:
                raise ConfigError(f"{self._where()}: {exc}") from None
            out.append(cls(opts, self.severity_for(rid), settings))
        return out

    def _where(self) -> str:
        return str(self.path) if self.path else "command line"


def _glob(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern):
        return True
    if pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]):
        return True
    # a bare directory name or pattern matches anything below it
    parts = rel.split("/")
    return any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


@lru_cache(maxsize=64)
def load_dictionaries(paths: tuple[Path, ...]) -> frozenset[str]:
    words: set[str] = set()
    for p in paths:
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"dictionary file {p}: {exc.strerror or exc}") from None
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line)
    return frozenset(words)


_KNOWN = {"dialect", "select", "extend-select", "ignore", "severity", "per-file-ignores", "rules",
          "dictionary", "exclude", "fail-on", *SECTIONS}


def parse_config(data: dict[str, Any], path: Path | None) -> Config:
    where = str(path) if path else "configuration"
    cfg = Config(path=path)
    for key, value in data.items():
        if key not in _KNOWN:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(_KNOWN))})")
    base = path.parent if path else Path.cwd()
    if "dialect" in data:
        if data["dialect"] not in DIALECTS:
            raise ConfigError(f"{where}: dialect must be one of {', '.join(DIALECTS)}, got {data['dialect']!r}")
        cfg.dialect = data["dialect"]
    for key, attr in (("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore"),
                      ("exclude", "exclude")):
        if key in data:
            setattr(cfg, attr, _str_list(data[key], where, key))
    if "dictionary" in data:
        cfg.dictionary = [(base / p) for p in _str_list(data["dictionary"], where, "dictionary")]
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON:
            raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}, got {data['fail-on']!r}")
        cfg.fail_on = data["fail-on"]
    if "severity" in data:
        if not isinstance(data["severity"], dict):
            raise ConfigError(f"{where}: severity must be a table of rule = level")
        for rid, level in data["severity"].items():
            try:
                cfg.severity[rid] = Severity(level)
            except ValueError:
                raise ConfigError(f"{where}: severity.{rid} must be error, warning or info, got {level!r}") from None
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [rules]")
        cfg.per_file_ignores = {g: _str_list(v, where, f"per-file-ignores.{g}") for g, v in pfi.items()}
    if "rules" in data:
        if not isinstance(data["rules"], dict) or not all(isinstance(v, dict) for v in data["rules"].values()):
            raise ConfigError(f"{where}: [rules] must hold one table per rule id")
        cfg.rules = {k: dict(v) for k, v in data["rules"].items()}
    for sec in SECTIONS:
        if sec in data:
            if not isinstance(data[sec], dict):
                raise ConfigError(f"{where}: [{sec}] must be a table")
            cfg.sections[sec] = data[sec]
    validate_sections(cfg, where)
    return cfg


def validate_sections(cfg: Config, where: str) -> None:
    g = cfg.sections.get("grammar", {})
    for key in g:
        if key not in ("backend", "languagetool"):
            raise ConfigError(f"{where}: unknown key 'grammar.{key}' (known: backend, languagetool)")
    if "backend" in g and g["backend"] not in ("harper", "languagetool", "both"):
        raise ConfigError(f"{where}: grammar.backend must be harper, languagetool or both, got {g['backend']!r}")
    lt = g.get("languagetool", {})
    if not isinstance(lt, dict):
        raise ConfigError(f"{where}: grammar.languagetool must be a table")
    for key, value in lt.items():
        if key not in ("url", "path", "allow-remote", "disabled-rules"):
            raise ConfigError(f"{where}: unknown key 'grammar.languagetool.{key}' "
                              "(known: url, path, allow-remote, disabled-rules)")
        if key == "allow-remote" and not isinstance(value, bool):
            raise ConfigError(f"{where}: grammar.languagetool.allow-remote must be true or false")
    for sec in ("spelling", "readability", "word-choice"):
        if sec in cfg.sections:
            raise ConfigError(f"{where}: put options for {sec} rules under [rules.\"<rule id>\"]")


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return list(value)


def read_config_file(path: Path) -> Config:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("newslint", {})
    return parse_config(raw, path)


@lru_cache(maxsize=256)
def find_config_file(directory: Path) -> Path | None:
    for d in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            p = d / name
            if p.is_file():
                if name == "pyproject.toml":
                    try:
                        if "newslint" not in tomllib.loads(p.read_text(encoding="utf-8")).get("tool", {}):
                            continue
                    except (OSError, tomllib.TOMLDecodeError):
                        continue
                return p
    return None


STARTER = '''# newslint configuration. Every key is optional; the values shown are the defaults.
# Rules: `newslint rules`; one rule's documentation: `newslint explain RULE-ID`.

# Dialect of the copy: "en-US" or "en-GB". Spelling and grammar follow it.
dialect = "en-US"

# Rules or families to run instead of the defaults, e.g. ["spelling", "grammar"].
# select = ["spelling", "grammar", "word-choice", "readability", "style"]
# extend-select = ["readability/passive-voice"]
# ignore = ["readability/complex-word"]

# Exit with status 1 when a finding is at or above this level: error, warning, info, never.
fail-on = "warning"

# Files of accepted words (one per line, # for comments), relative to this file.
# `newslint learn ARCHIVE/ -o newsroom.dic` builds one from your published stories.
# dictionary = ["newsroom.dic"]

# Paths (globs, relative to this file) never checked.
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
