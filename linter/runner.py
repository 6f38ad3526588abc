"""Running rules over files: a pure function per file, a process pool across files."""
from __future__ import annotations

import dataclasses
import os
import stat
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from . import limits
from .context import Engine, Overrides, RunContext
from .diagnostic import Category, Diagnostic, Severity
from .discovery import UsageError, collect_files
from .document import Document
from .fixes import apply_edits, choose_edits
from .markup import parse
from .registry import INTERNAL_ERROR, PARSE_ERROR
from .rule import Rule
from .suppress import find_suppressions
from .textio import BinaryFile, Decoded, atomic_write, decode, encode


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    skipped: bool = False
    source: str | None = None  # the text as checked, for output that shows it


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


def _real_path(path: str) -> str | None:
    return None if path in ("-", "<text>") else path


def run_rules(doc: Document, engine: Engine, debug: bool = False) -> tuple[list[Diagnostic], dict[str, Any]]:
    """Every rule of `engine` that runs for this file, then the policy over their findings.

    A long story is checked a section at a time (``limits.SECTION_CHARS``); story-level rules
    (``Rule.story_level``: the readability grade and its numbers) see the whole story, once.
    Checking stops between two sections after ``limits.FILE_SECONDS``, with a notice."""
    diags: list[Diagnostic] = []
    stats: dict[str, Any] = {"words": 0}
    path = _real_path(doc.path)
    ran = [rule for rule in engine.rules if engine.policy.runs(type(rule), path)]
    failed: set[str] = set()
    sections = doc.sections(limits.SECTION_CHARS)
    story_rules = [rule for rule in ran if rule.story_level] if len(sections) > 1 else []
    started = time.monotonic()
    for k, section in enumerate(sections):
        if k and time.monotonic() - started > limits.FILE_SECONDS:
            done = section.blocks[0].start - doc.blocks[0].start
            doc.limits.append(f"checking stopped after {limits.FILE_SECONDS:g} s, the limit for one story "
                              f"(newslint.limits.FILE_SECONDS): {done:,} of {doc.blocks[-1].end - doc.blocks[0].start:,} "
                              f"characters of prose were checked")
            doc = doc.view([b for s in sections[:k] for b in s.blocks])  # the story-level rules see what was checked
            break
        stats["words"] += section.word_count
        _check(section, [rule for rule in ran if rule not in story_rules], diags, stats, failed, debug)
    _check(doc, story_rules, diags, stats, failed, debug)
    for offset, message in doc.notices:
        line, col = doc.line_col(offset)
        diags.append(Diagnostic(doc.path, line, col, line, col + 1, PARSE_ERROR, Category.STYLE,
                                Severity.ERROR, message, start=offset, end=offset))
    diags = merge_same_span(diags)
    diags = engine.policy.apply(doc.path, diags, find_suppressions(doc.source, doc.format), [r.id for r in ran])
    diags.sort(key=Diagnostic.sort_key)
    return diags, stats


def _check(doc: Document, rules: list[Rule], diags: list[Diagnostic], stats: dict[str, Any], failed: set[str],
           debug: bool) -> None:
    """Run `rules` over `doc` (a section, or the whole story), those that started work
    outside the GIL (``Rule.prepare``) last."""
    busy: set[str] = set()
    for rule in rules:
        try:
            if rule.prepare(doc):
                busy.add(rule.id)
        except Exception:  # noqa: BLE001 - its check runs the work itself, and reports
            pass
    for rule in sorted(rules, key=lambda r: r.id in busy):  # stable: rule-id order otherwise
        if rule.id in failed:
            continue
        try:
            found = list(rule.check(doc))
            extra = rule.file_stats(doc)
            if extra:
                stats.update(extra)
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            if debug:
                traceback.print_exc()
            failed.add(rule.id)
            diags.append(Diagnostic(doc.path, 1, 1, 1, 1, INTERNAL_ERROR, rule.category, Severity.ERROR,
                                    f"rule {rule.id} failed on this file: {type(exc).__name__}: {exc}"))
            continue
        diags.extend(found)


def _rank(d: Diagnostic) -> tuple[int, int]:
    return d.precedence, d.severity.rank


def merge_same_span(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per span for one fault: findings on the same span merge when they share
    a category or their first suggestion (Harper's TheirToTheyre and confused-word on
    "their" -> "they're"). The finding of the rule with the higher declared precedence
    (``Rule.precedence``) keeps its id, category and message, then the more severe, then
    the first in rule-id order; it takes the group's highest severity and the others'
    suggestions."""
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
                keep, other = (d, first) if _rank(d) > _rank(first) else (first, d)
                extra = tuple(x for x in other.suggestions if x not in keep.suggestions)
                severity = max(keep.severity, other.severity, key=lambda v: v.rank)
                out[i] = dataclasses.replace(keep, suggestions=keep.suggestions + extra, severity=severity)
                break
        else:
            same.append(len(out))
            out.append(d)
    return out


def _too_large(path: str, size: int) -> FileResult:
    return FileResult(path, notices=[f"{path}: skipped, {size:,} bytes is more than the limit of "
                                     f"{limits.MAX_FILE_BYTES:,} for one story (newslint.limits.MAX_FILE_BYTES)"],
                      skipped=True)


def _failure(path: str, rule: str, what: str, exc: Exception, debug: bool) -> Diagnostic:
    """One file that newslint could not read or check: a finding on that file, never the end of
    the run (under --jobs, Dask, the language server and ``learn`` alike)."""
    if debug:
        traceback.print_exc()
    return Diagnostic(path, 1, 1, 1, 1, rule, Category.STYLE, Severity.ERROR,
                      f"{what}, so it was not checked: {type(exc).__name__}: {exc}"[:500], start=0, end=0)


def lint_decoded(path: str, decoded: Decoded, ctx: RunContext, fmt: str | None = None) -> FileResult:
    first_notice = len(ctx.notices)
    engine = ctx.engine(_real_path(path))
    if len(decoded.text) > limits.MAX_FILE_BYTES:
        return _too_large(path, len(decoded.text.encode("utf-8", "surrogatepass")))
    try:
        doc = parse(path, decoded.text, fmt, engine.markup)
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not end the run
        return FileResult(path, [_failure(path, PARSE_ERROR, "newslint could not read this file's markup", exc,
                                          ctx.overrides.debug)], source=decoded.text)
    if doc.language and not doc.language.lower().startswith("en"):
        return FileResult(path, [], {}, notices=[f"{path}: not checked, the story says its language is "
                                                 f"{doc.language!r}"], source=decoded.text)
    try:
        diags, stats = run_rules(doc, engine, ctx.overrides.debug)
    except Exception as exc:  # noqa: BLE001 - the engine's own failure on one file, reported on it
        diags, stats = [_failure(path, INTERNAL_ERROR, "newslint failed on this file", exc, ctx.overrides.debug)], {}
    res = FileResult(path, diags, stats, source=decoded.text)
    res.notices.extend(f"{path}: {message}" for message in doc.limits)
    if decoded.note:
        res.notices.append(f"{path}: {decoded.note}")
    res.notices.extend(ctx.notices[first_notice:])
    return res


def lint_file(path: str, ctx: RunContext) -> FileResult:
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # a FIFO or device would block or never end
            return FileResult(path, notices=[f"{path}: skipped, not a regular file"], skipped=True)
        if st.st_size > limits.MAX_FILE_BYTES:
            return _too_large(path, st.st_size)
        data = Path(path).read_bytes()
        key = None
        if ctx.cache is not None:
            key = ctx.cache.key(path, data, ctx.engine_key(ctx.engine(_real_path(path))))
            hit = ctx.cache.get(key)
            if isinstance(hit, FileResult) and hit.path == path:
                return hit
        decoded = decode(data)
    except BinaryFile as exc:
        return FileResult(path, notices=[f"{path}: skipped, {exc}"], skipped=True)
    except OSError as exc:
        return FileResult(path, notices=[f"{path}: skipped, cannot read ({exc.strerror or exc})"], skipped=True)
    res = lint_decoded(path, decoded, ctx)
    if ctx.overrides.fix:
        _fix_file(path, decoded, res, ctx.overrides.unsafe_fixes)
    elif key is not None and not any(d.rule == INTERNAL_ERROR for d in res.diagnostics):
        ctx.cache.put(key, res)
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
    atomic_write(Path(os.path.realpath(path)), data)  # a symlink stays a link; its target is fixed
    fixed_ids = {id(d) for _, d in chosen}
    res.fixed = [d for d in res.diagnostics if id(d) in fixed_ids]
    res.diagnostics = [d for d in res.diagnostics if id(d) not in fixed_ids]


# --- many files -----------------------------------------------------------------------------------

def files_to_check(paths: Iterable[str], ctx: RunContext) -> tuple[list[str], list[str]]:
    """The run's files (see ``discovery``), each judged by its own configuration's exclude."""
    return collect_files(paths, lambda p: ctx.config_for(p).is_excluded(p), ctx.overrides.force_exclude)


_WORKER: RunContext | None = None


def _init_worker(overrides: Overrides) -> None:
    global _WORKER
    _WORKER = RunContext(overrides)


def _work(path: str) -> FileResult:
    assert _WORKER is not None
    return lint_file(path, _WORKER)


def default_jobs(n_files: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, n_files // 8))


def _result(results: list[FileResult], ctx: RunContext, first: str | None) -> RunResult:
    notices = list(ctx.notices)
    for r in results:
        notices.extend(n for n in r.notices if n not in notices)
    return RunResult(results, notices, ctx.config_for(first).fail_on)


def lint_paths(paths: Sequence[str], overrides: Overrides | None = None, jobs: int | None = None,
               context: RunContext | None = None, progress: Callable[[int, int], None] | None = None,
               **kwargs: Any) -> RunResult:
    """Lint files and directories. Keyword arguments fill an ``Overrides`` (dialect, select, ...).
    `progress(done, total)` is called as files finish, in order."""
    ctx = context or RunContext(overrides or Overrides(**kwargs))
    files, skipped = files_to_check(paths, ctx)
    for n in skipped:
        ctx.notice(n)
    jobs = default_jobs(len(files)) if jobs is None else max(1, jobs)
    if jobs > 1 and len(files) > 1:
        ctx.wait_warm()  # never fork while a thread holds a lock; workers inherit what it loaded
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        mp = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp, initializer=_init_worker,
                                 initargs=(ctx.overrides,)) as pool:
            results = _tracked(pool.map(_work, files, chunksize=max(1, min(16, len(files) // (jobs * 4)))),
                               len(files), progress)
    else:
        results = _tracked((lint_file(f, ctx) for f in files), len(files), progress)
    return _result(results, ctx, paths[0] if paths else None)


def _tracked(results: Iterable[FileResult], total: int, progress: Callable[[int, int], None] | None) -> list[FileResult]:
    out = []
    for r in results:
        out.append(r)
        if progress is not None:
            progress(len(out), total)
    return out


def lint_source_text(text: str, path: str = "<text>", overrides: Overrides | None = None,
                     context: RunContext | None = None, **kwargs: Any) -> RunResult:
    ctx = context or RunContext(overrides or Overrides(**kwargs))
    res = lint_decoded(path, Decoded(text, "utf-8"), ctx, ctx.overrides.fmt)
    return _result([res], ctx, path)


def lint_stdin(data: bytes, path: str, context: RunContext) -> RunResult:
    """The bytes of standard input, read like a file: a binary or oversized input is skipped
    with a notice."""
    if len(data) > limits.MAX_FILE_BYTES:
        res = _too_large(path, len(data))
    else:
        try:
            decoded = decode(data)
        except BinaryFile as exc:
            res = FileResult(path, notices=[f"{path}: skipped, {exc}"], skipped=True)
        else:
            res = lint_decoded(path, decoded, context, context.overrides.fmt)
    return _result([res], context, path)


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


__all__ = ["FileResult", "Overrides", "RunContext", "RunResult", "UsageError", "lint_paths", "lint_text"]
