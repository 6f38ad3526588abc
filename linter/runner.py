"""Running rules over files: a pure function per file, a process pool across files."""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import stat
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from . import notices
from .config import Config, ConfigError, find_config_file, read_config_file
from .diagnostic import Diagnostic, Severity
from .document import Document
from .fixes import apply_edits, choose_edits
from .markup import SUPPORTED_EXTENSIONS, parse
from .registry import Registry, default_registry, matches
from .rule import Rule
from .suppress import apply_suppressions, find_suppressions
from .textio import BinaryFile, Decoded, atomic_write, decode, encode

INTERNAL_ERROR = "newslint/internal-error"
PARSE_ERROR = "newslint/parse-error"


class UsageError(Exception):
    """Bad paths or options: exit code 2."""


@dataclass
class Overrides:
    """Command-line settings that win over configuration files."""

    config: Path | None = None
    dialect: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fix: bool = False
    unsafe_fixes: bool = False
    fmt: str | None = None  # markup format for stdin/text input


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    skipped: bool = False


@dataclass
class RunResult:
    files: list[FileResult]
    notices: list[str] = field(default_factory=list)
    fail_on: str = "warning"  # from the configuration of the first path

    @property
    def diagnostics(self) -> list[Diagnostic]:
        out = [d for f in self.files for d in f.diagnostics]
        out.sort(key=Diagnostic.sort_key)
        return out


# --- configuration per file -----------------------------------------------------------------------

class _Setup:
    """Per process: configs by file and rule instances by config, built once."""

    def __init__(self, overrides: Overrides, registry: Registry | None = None) -> None:
        self.overrides = overrides
        self.registry = registry or default_registry()
        self._configs: dict[Path | None, Config] = {}
        self._rules: dict[int, list[Rule]] = {}
        self._fixed_config = read_config_file(overrides.config) if overrides.config else None

    def config_for(self, path: str | None) -> Config:
        if self._fixed_config is not None:
            base = self._fixed_config
            key: Path | None = base.path
        else:
            # abspath, not resolve(): a symlink loop must not stop the run
            directory = Path(os.path.abspath(path)).parent if path and path != "-" else Path.cwd()
            key = find_config_file(directory)
        if key in self._configs:
            return self._configs[key]
        cfg = self._fixed_config if self._fixed_config is not None else (
            read_config_file(key) if key else Config())
        cfg = dataclasses.replace(cfg)
        o = self.overrides
        if o.dialect:
            cfg.dialect = o.dialect
        if o.select is not None:
            cfg.select = list(o.select)
            cfg.extend_select = []
        if o.ignore:
            cfg.ignore = cfg.ignore + list(o.ignore)
        self._configs[key] = cfg
        return cfg

    def rules_for(self, cfg: Config) -> list[Rule]:
        k = id(cfg)
        if k not in self._rules:
            self._rules[k] = cfg.build_rules(self.registry)
        return self._rules[k]


def run_rules(doc: Document, rules: Sequence[Rule], cfg: Config) -> tuple[list[Diagnostic], dict[str, Any]]:
    diags: list[Diagnostic] = []
    stats: dict[str, Any] = {"words": doc.word_count}
    file_ignores = cfg.ignored_for_file(doc.path) if doc.path not in ("-", "<text>") else []
    for rule in rules:
        if any(matches(rule.id, p) for p in file_ignores):
            continue
        try:
            found = list(rule.check(doc))
            extra = rule.file_stats(doc)
            if extra:
                stats.update(extra)
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            if os.environ.get("NEWSLINT_DEBUG"):
                traceback.print_exc()
            diags.append(Diagnostic(doc.path, 1, 1, 1, 1, INTERNAL_ERROR, rule.category, Severity.ERROR,
                                    f"rule {rule.id} failed on this file: {type(exc).__name__}: {exc}"))
            continue
        for d in found:
            if file_ignores and any(matches(d.rule, p) for p in file_ignores):
                continue
            if any(matches(d.rule, p) for p in cfg.ignore):
                continue
            sev = cfg.severity_for(d.rule) if d.rule != rule.id else None
            diags.append(dataclasses.replace(d, severity=sev) if sev else d)
    for offset, message in doc.notices:
        line, col = doc.line_col(offset)
        from .diagnostic import Category
        diags.append(Diagnostic(doc.path, line, col, line, col + 1, PARSE_ERROR, Category.STYLE,
                                Severity.ERROR, message, start=offset, end=offset))
    diags = _merge_same_span(diags)
    diags = apply_suppressions(doc.path, diags, find_suppressions(doc.source, doc.format))
    diags.sort(key=Diagnostic.sort_key)
    return diags, stats


_BACKENDS = ("grammar/harper/", "grammar/languagetool/")


def _precedence(d: Diagnostic) -> tuple[int, int]:
    return 0 if d.rule.startswith(_BACKENDS) else 1, d.severity.rank


def _merge_same_span(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per span for one fault: findings on the same span merge when they share
    a category or their first suggestion (Harper's TheirToTheyre and confused-word on
    "their" -> "they're"). newslint's own rule wins over an external grammar backend (its
    category and message are the project's), then the more severe, then the first in
    rule-id order; it takes the highest severity of the group and the others' suggestions."""
    out: list[Diagnostic] = []
    by_span: dict[tuple[int, int], list[int]] = {}
    for d in diags:
        if d.rule in (INTERNAL_ERROR, PARSE_ERROR):
            out.append(d)
            continue
        same = by_span.setdefault((d.start, d.end), [])
        for i in same:
            first = out[i]
            if first.category == d.category or (first.suggestions and d.suggestions
                                                and first.suggestions[0] == d.suggestions[0]):
                keep, other = (d, first) if _precedence(d) > _precedence(first) else (first, d)
                extra = tuple(x for x in other.suggestions if x not in keep.suggestions)
                severity = max(keep.severity, other.severity, key=lambda v: v.rank)
                out[i] = dataclasses.replace(keep, suggestions=keep.suggestions + extra, severity=severity)
                break
        else:
            same.append(len(out))
            out.append(d)
    return out


def lint_document_source(path: str, decoded: Decoded, setup: _Setup, fmt: str | None = None) -> FileResult:
    cfg = setup.config_for(path)
    rules = setup.rules_for(cfg)
    doc = parse(path, decoded.text, fmt)
    diags, stats = run_rules(doc, rules, cfg)
    res = FileResult(path, diags, stats)
    if decoded.note:
        res.notices.append(f"{path}: {decoded.note}")
    return res


def lint_file(path: str, setup: _Setup) -> FileResult:
    notices.drain()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # a FIFO or device would block or never end
            return FileResult(path, notices=[f"{path}: skipped, not a regular file"], skipped=True)
        decoded = decode(Path(path).read_bytes())
    except BinaryFile as exc:
        return FileResult(path, notices=[f"{path}: skipped, {exc}"], skipped=True)
    except OSError as exc:
        return FileResult(path, notices=[f"{path}: skipped, cannot read ({exc.strerror or exc})"], skipped=True)
    res = lint_document_source(path, decoded, setup)
    if setup.overrides.fix:
        _fix_file(path, decoded, res, setup.overrides.unsafe_fixes)
    res.notices.extend(notices.drain())
    return res


def _fix_file(path: str, decoded: Decoded, res: FileResult, unsafe: bool) -> None:
    chosen = choose_edits(res.diagnostics, unsafe)
    if not chosen:
        return
    try:
        data = encode(decoded, apply_edits(decoded.text, [e for e, _ in chosen]))
    except UnicodeError as exc:
        res.notices.append(f"{path}: fixes not applied ({exc})")
        return
    atomic_write(Path(path), data)
    fixed_ids = {id(d) for _, d in chosen}
    res.fixed = [d for d in res.diagnostics if id(d) in fixed_ids]
    res.diagnostics = [d for d in res.diagnostics if id(d) not in fixed_ids]


# --- many files -----------------------------------------------------------------------------------

def collect_files(paths: Iterable[str], setup: _Setup) -> tuple[list[str], list[str]]:
    """Files to check under `paths` (recursively), and notices about what was passed over."""
    files: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise UsageError(f"{p}: no such file or directory")
        if not path.is_dir():
            if str(path) not in seen:
                seen.add(str(path))
                files.append(str(path))
            continue
        for root, dirs, names in os.walk(path, onerror=lambda e: skipped.append(
                f"{e.filename}: skipped, {e.strerror}")):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "_site"))
            for name in sorted(names):
                if not name.lower().endswith(SUPPORTED_EXTENSIONS):
                    continue
                fp = os.path.join(root, name)
                if fp in seen:
                    continue
                seen.add(fp)
                if setup.config_for(fp).is_excluded(fp):
                    continue
                files.append(fp)
    return files, skipped


_WORKER: _Setup | None = None


def _init_worker(overrides: Overrides) -> None:
    global _WORKER
    _WORKER = _Setup(overrides)


def _work(path: str) -> FileResult:
    assert _WORKER is not None
    return lint_file(path, _WORKER)


def default_jobs(n_files: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, n_files // 8))


def lint_paths(paths: Sequence[str], overrides: Overrides | None = None, jobs: int | None = None,
               **kwargs: Any) -> RunResult:
    """Lint files and directories. Keyword arguments fill an ``Overrides`` (dialect, select, ...)."""
    overrides = overrides or Overrides(**kwargs)
    setup = _Setup(overrides)
    run_notices = [f"plugin {name} failed to load and was skipped: {err}" for name, err in setup.registry.failures]
    files, skipped = collect_files(paths, setup)
    run_notices.extend(skipped)
    jobs = default_jobs(len(files)) if jobs is None else max(1, jobs)
    if jobs > 1 and len(files) > 1:
        ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                 initargs=(overrides,)) as pool:
            results = list(pool.map(_work, files, chunksize=max(1, min(16, len(files) // (jobs * 4)))))
    else:
        results = [lint_file(f, setup) for f in files]
    seen: set[str] = set()
    for r in results:
        for n in r.notices:
            if n not in seen:
                seen.add(n)
                run_notices.append(n)
    first = paths[0] if paths else None
    return RunResult(results, run_notices, setup.config_for(first).fail_on)


def lint_source_text(text: str, path: str = "<text>", overrides: Overrides | None = None,
                     **kwargs: Any) -> RunResult:
    overrides = overrides or Overrides(**kwargs)
    setup = _Setup(overrides)
    notices.drain()
    res = lint_document_source(path, Decoded(text, "utf-8"), setup, overrides.fmt)
    res.notices.extend(notices.drain())
    return RunResult([res], [f"plugin {n} failed to load and was skipped: {e}" for n, e in setup.registry.failures]
                     + res.notices, setup.config_for(path).fail_on)


def lint_text(text: str, path: str = "<text>", **kwargs: Any) -> list[Diagnostic]:
    """Lint a string; ``fmt`` ("markdown", "html", "plain") or the path's extension picks the parser."""
    if "fmt" not in kwargs and path == "<text>":
        kwargs["fmt"] = "plain"
    return lint_source_text(text, path, **kwargs).diagnostics


def fails(diags: Iterable[Diagnostic], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(d.severity.rank >= threshold for d in diags)


__all__ = ["ConfigError", "FileResult", "Overrides", "RunResult", "UsageError", "lint_paths", "lint_text"]
