"""The run context: settings, the effective configuration per folder, rule instances per
configuration, and the run's notices. The CLI, the library API and any long-lived host
create one per run and pass it along; nothing about a run lives in module globals.

Heavy read-only resources (lexicon, language model, Harper) are loaded lazily by the
rules that use them, once per process. Configuration files and dictionaries are cached
by path and modification time (``filecache``), so a long-lived process sees edits.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ResultCache, engine_key
from .config import (Config, ConfigError, find_config_file, load_chain, load_dictionaries, load_user_config,
                     section_values)
from .markup.options import MarkupOptions
from .options import OptionError
from .policy import Policy
from .registry import Registry, default_registry
from .rule import Rule, RunSettings
from .trust import trusted_by_environment


@dataclass
class Overrides:
    """Command-line settings that win over configuration files."""

    config: Path | None = None
    dialect: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fix: bool = False
    diff: bool = False  # --diff: each result carries the patch of its fixes; nothing is written
    unsafe_fixes: bool = False
    fmt: str | None = None  # markup format for stdin/text input
    force_exclude: bool = True  # exclude applies to files named on the command line too
    follow_links: bool = False  # read stories that are links to files outside the checked tree
    debug: bool = False
    cache_dir: Path | None = None  # results cached per file here (see cache.py); None: no cache
    # the repository's configuration may set the options only the user may set (trust.py)
    trust_config: bool = field(default_factory=trusted_by_environment)
    keep_source: bool = False  # results keep each file's whole text (the HTML report shows it)


@dataclass(frozen=True)
class Request:
    """Settings one request of a long-lived host chooses, on top of the configuration."""

    dialect: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


MAX_ENGINES = 32


@dataclass
class Engine:
    """What one effective configuration needs to check a story."""

    config: Config
    policy: Policy
    rules: list[Rule]
    markup: MarkupOptions = MarkupOptions()


class RunContext:
    def __init__(self, overrides: Overrides | None = None, registry: Registry | None = None) -> None:
        self.overrides = overrides or Overrides()
        self.registry = registry or default_registry()
        self.notices: list[str] = [f"plugin {name} failed to load and was skipped: {err}"
                                   for name, err in self.registry.failures]
        self._dirs: dict[str, Path | None] = {}
        self._user: Config | None = None
        self._configs: dict[Path | None, Config] = {}
        self._engines: dict[tuple[Path | None, Request | None], Engine] = {}
        self._warming: list[threading.Thread] = []
        o = self.overrides
        self.cache = None
        if o.cache_dir and not (o.fix or o.diff or o.keep_source):
            from .results import FileResult

            self.cache = ResultCache(o.cache_dir, FileResult)
        self.rule_notices = 0  # notices from rules: a rule ran degraded (see cache.py)
        # do the rules' background work (Rule.prepare: Harper) and the others' checks overlap?
        # Not where every core already runs a worker process (runner.lint_paths)
        self.overlap = True
        self._engine_keys: dict[int, str] = {}
        o = self.overrides
        if o.config is not None and not o.config.is_file():
            what = "is a directory, not a config file" if o.config.is_dir() else "config file not found"
            raise ConfigError(f"{o.config}: {what}")
        for rid in (o.select or []) + list(o.extend_select) + list(o.ignore):
            if not self.registry.is_known(rid):
                raise ConfigError(f"command line: {self.registry.unknown_message(rid)}")

    def notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def _rule_notice(self, message: str) -> None:
        self.rule_notices += 1
        self.notice(message)

    # -- configuration -----------------------------------------------------------------------------
    def _config_file(self, path: str | None) -> Path | None:
        if self.overrides.config is not None:
            return Path(os.path.abspath(self.overrides.config))
        # abspath, not resolve(): a symlink loop must not stop the run
        directory = os.path.dirname(os.path.abspath(path)) if path and path not in ("-", "<text>") else os.getcwd()
        if directory not in self._dirs:
            self._dirs[directory] = find_config_file(Path(directory))
        return self._dirs[directory]

    def engine(self, path: str | None, request: Request | None = None) -> Engine:
        """The engine for a story at `path`; `request`: settings a request chooses on top of
        the configuration (a long-lived host's client, see serve.py)."""
        key = self._config_file(path)
        eng = self._engines.get((key, request))
        if eng is None:
            cfg = self._config(key)
            if request is not None:
                if len(self._engines) > MAX_ENGINES:  # clients choose requests: keep a bounded few
                    self._engines = {k: e for k, e in self._engines.items() if k[1] is None}
                cfg = cfg.with_overrides(request.dialect, request.select, list(request.extend_select),
                                         list(request.ignore))
            eng = self._engines[(key, request)] = self._build(cfg)
        return eng

    def engine_key(self, engine: Engine) -> str:
        """The cache key part that stands for this engine (configuration, rules, versions)."""
        key = self._engine_keys.get(id(engine))
        if key is None:
            from . import __version__

            key = self._engine_keys[id(engine)] = engine_key(engine, __version__)
        return key

    def config_for(self, path: str | None) -> Config:
        """The effective configuration, without building its rules (file discovery needs
        only ``exclude``)."""
        return self._config(self._config_file(path))

    def _config(self, key: Path | None) -> Config:
        cfg = self._configs.get(key)
        if cfg is None:
            o = self.overrides
            if self._user is None:
                self._user = load_user_config(self.registry)
            cfg = self._user
            if key:
                cfg = load_chain(key, self.registry, o.config is None, o.trust_config, cfg)
            cfg = self._configs[key] = cfg.with_overrides(o.dialect, o.select, o.extend_select, o.ignore)
            for message in cfg.withheld:
                self.notice(message)
        return cfg

    def _build(self, cfg: Config) -> Engine:
        policy = cfg.policy(self.registry)
        settings = RunSettings(dialect=cfg.dialect, dictionary=load_dictionaries(cfg.dictionary),
                               sections=section_values(cfg, self.registry),
                               notify=self._rule_notice, reported=policy.decide)
        rules = []
        for rid in sorted(self.registry.rules):
            cls = self.registry.rules[rid]
            if not policy.runs(cls):
                continue
            try:
                opts = cls.make_options(cfg.rules.get(rid, {}))
            except OptionError as exc:  # pragma: no cover - checked when the file was read
                raise ConfigError(f"{cfg.path}: {exc}") from None
            rules.append(cls(opts, settings))
        warm = threading.Thread(target=_warm_up, args=(rules,), name="newslint-warm-up", daemon=True)
        warm.start()
        self._warming.append(warm)
        return Engine(cfg, policy, rules, cfg.markup_options())

    def wait_warm(self) -> None:
        """Wait for the resources being loaded in the background (before forking workers)."""
        from . import launch

        launch.wait()
        for t in self._warming:
            t.join()


def _warm_up(rules: list[Rule]) -> None:
    for rule in rules:
        try:
            rule.warm_up()
        except Exception:  # noqa: BLE001 - the rule's check reports the failure on a file
            pass
