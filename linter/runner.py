"""Running rules over files: a pure function per file, a process pool across files."""
from __future__ import annotations

import dataclasses
import os
import stat
import sys
import time
import traceback
from itertools import zip_longest
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import limits, stdio
from .context import Engine, Overrides, RunContext
from .diagnostic import Category, Diagnostic, Severity
from .discovery import UsageError, collect_files
from .document import Document
from .fixes import apply_edits, choose_edits, unified_patch
from .markup import parse
from .registry import INTERNAL_ERROR, PARSE_ERROR
from .results import FileResult, RunResult, reaches
from .rule import Rule
from .safeio import NotRewritten, rewrite
from .suppress import find_suppressions
from .textio import BinaryFile, Decoded, decode, encode
from .vocabulary import drop_run_terms


def _real_path(path: str) -> str | None:
    return None if path in ("-", "<text>") else path


def run_rules(doc: Document, engine: Engine, debug: bool = False, overlap: bool = True
              ) -> tuple[list[Diagnostic], dict[str, Any]]:
    """Every rule of `engine` that runs for this file, then the policy over their findings.
    With `overlap`, the rules' background work (``Rule.prepare``) runs beside the others' checks.

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
        _check(section, [rule for rule in ran if rule not in story_rules], diags, stats, failed, debug, overlap)
    _check(doc, story_rules, diags, stats, failed, debug, overlap)
    for offset, message in doc.notices:
        line, col = doc.line_col(offset)
        diags.append(Diagnostic(doc.path, line, col, line, col + 1, PARSE_ERROR, Category.STYLE,
                                Severity.ERROR, message, start=offset, end=offset))
    diags = merge_same_span(diags)
    diags = engine.policy.apply(doc.path, diags, find_suppressions(doc.source, doc.format), [r.id for r in ran])
    diags.sort(key=Diagnostic.sort_key)
    return diags, stats


def _check(doc: Document, rules: list[Rule], diags: list[Diagnostic], stats: dict[str, Any], failed: set[str],
           debug: bool, overlap: bool = True) -> None:
    """Run `rules` over `doc` (a section, or the whole story), those that started work
    outside the GIL (``Rule.prepare``) last; without `overlap`, nothing is started early."""
    busy: set[str] = set()
    for rule in rules if overlap else ():
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
    a category or both suggest a replacement for it (Harper's TheirToTheyre and
    confused-word on "their"; Harper's irregular plural and unknown-word on "storys"). The
    finding of the rule with the higher declared precedence (``Rule.precedence``) keeps
    its id, category, message and fix, then the more severe, then the first in rule-id
    order; it takes the group's highest severity, and the suggestions of both, each
    rule's best first."""
    out: list[Diagnostic] = []
    by_span: dict[tuple[int, int], list[int]] = {}
    for d in diags:
        if d.rule in (INTERNAL_ERROR, PARSE_ERROR):
            out.append(d)
            continue
        same = by_span.setdefault((d.start, d.end), [])
        for i in same:
            first = out[i]
            if first.category == d.category or (first.suggestions and d.suggestions):
                keep, other = (d, first) if _rank(d) > _rank(first) else (first, d)
                merged = [s for pair in zip_longest(keep.suggestions, other.suggestions) for s in pair if s is not None]
                severity = max(keep.severity, other.severity, key=lambda v: v.rank)
                out[i] = dataclasses.replace(keep, suggestions=tuple(dict.fromkeys(merged)), severity=severity)
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
    """One file's findings; the result holds the whole text (``source``) until ``keep_lines``."""
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
        diags, stats = run_rules(doc, engine, ctx.overrides.debug, ctx.overlap)
    except Exception as exc:  # noqa: BLE001 - the engine's own failure on one file, reported on it
        diags, stats = [_failure(path, INTERNAL_ERROR, "newslint failed on this file", exc, ctx.overrides.debug)], {}
    res = FileResult(path, diags, stats, source=decoded.text)
    res.notices.extend(f"{path}: {message}" for message in doc.limits)
    if decoded.note:
        res.notices.append(f"{path}: {decoded.note}")
    res.notices.extend(ctx.notices[first_notice:])
    return res


MAX_FIX_PASSES = 8  # a fix can make room for another ("done ,, and" -> "done , and" -> "done, and")


def fix_until_stable(path: str, data: bytes, decoded: Decoded, res: FileResult, ctx: RunContext,
                     fmt: str | None = None) -> tuple[bytes, FileResult]:
    """Apply the chosen fixes, check the new text, and again, until no fix is left (at most
    ``MAX_FIX_PASSES`` times). Returns the new bytes, in the file's own encoding with its
    byte-order mark, and the result for them (``fixed``: every finding fixed on the way).
    Raises NotRewritten when the text cannot be written back exactly."""
    if decoded.encoding == "utf-8-replace":
        raise NotRewritten(f"{decoded.note.split(';')[0] if decoded.note else 'invalid UTF-8'}; "
                           "newslint writes back only text it read exactly")
    unsafe = ctx.overrides.unsafe_fixes
    text, seen, fixed, notices = decoded.text, {decoded.text}, [], list(res.notices)
    for n in range(MAX_FIX_PASSES + 1):
        chosen = choose_edits(res.diagnostics, unsafe)
        if not chosen:
            break
        new = apply_edits(text, [e for e, _ in chosen])
        if new == text:
            break
        if n == MAX_FIX_PASSES or new in seen:
            notices.append(f"{path}: fixes did not settle after {n} passes; the rest are reported")
            break
        fixed.extend({id(d): d for _, d in chosen}.values())
        text = new
        seen.add(text)
        res = lint_decoded(path, dataclasses.replace(decoded, text=text, note=None), ctx, fmt)
        notices += [m for m in res.notices if m not in notices]
    res.fixed, res.notices = fixed, notices
    if not fixed:
        return data, res
    try:
        return encode(decoded, text), res
    except UnicodeError as exc:
        raise NotRewritten(f"a fix cannot be written in {decoded.encoding} ({exc.reason})") from None


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
        degraded = ctx.rule_notices
        decoded = decode(data)
    except BinaryFile as exc:
        return FileResult(path, notices=[f"{path}: skipped, {exc}"], skipped=True)
    except OSError as exc:
        return FileResult(path, notices=[f"{path}: skipped, cannot read ({exc.strerror or exc})"], skipped=True)
    res = lint_decoded(path, decoded, ctx)
    if ctx.overrides.fix or ctx.overrides.diff:
        try:
            fixed, new = _fix(path, data, decoded, res, ctx)
            if ctx.overrides.fix and new != data:
                rewrite(os.path.realpath(path), data, new)  # a symlink stays a link; its target is fixed
            res = fixed
        except NotRewritten as exc:  # the file stays as it is, and so do its findings
            res.notices.append(f"{path}: fixes not applied, {exc}")
    res.keep_lines(res.source, keep_source=ctx.overrides.keep_source)
    if key is not None and ctx.rule_notices == degraded and not any(d.rule == INTERNAL_ERROR
                                                                     for d in res.diagnostics):
        ctx.cache.put(key, res)
    return res


def _fix(path: str, data: bytes, decoded: Decoded, res: FileResult, ctx: RunContext,
         fmt: str | None = None) -> tuple[FileResult, bytes]:
    """--fix: the result of the fixed text and its bytes; --diff: the result as it is, with
    the patch of its fixes (``fix_until_stable``: NotRewritten when they cannot be written)."""
    new, fixed = fix_until_stable(path, data, decoded, res, ctx, fmt)
    if ctx.overrides.diff:
        res.patch = unified_patch(path, data, new) if new != data else None
        return res, new
    return fixed, new


# --- many files -----------------------------------------------------------------------------------

def files_to_check(paths: Iterable[str], ctx: RunContext) -> tuple[list[str], list[str]]:
    """The run's files (see ``discovery``), each judged by its own configuration's exclude."""
    return collect_files(paths, lambda p: ctx.config_for(p).is_excluded(p), ctx.overrides.force_exclude,
                         ctx.overrides.follow_links)


# A pool worker's run context, set by the pool's initializer before any file arrives: state
# handed to the process, not a resource loaded on demand (newslint.resource.Resource).
_WORKER: RunContext | None = None


def _init_worker(overrides: Overrides, overlap: bool = True) -> None:
    global _WORKER
    stdio.worker()
    _WORKER = RunContext(overrides)
    _WORKER.overlap = overlap


def _work(path: str) -> FileResult:
    assert _WORKER is not None
    return lint_file(path, _WORKER)


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def default_jobs(n_files: int) -> int:
    return max(1, min(_cpus(), n_files // 8))


def overlaps(processes: int) -> bool:
    """Whether each of `processes` worker processes has a core to spare for its background
    work (Harper's thread) beside its checks. Where not, a worker's rules and Harper take turns:
    two such threads per core only slow each other (--jobs 2 on two cores, 189 dev stories:
    5-20% faster in turns, in each of five alternating pairs, 2026-12-02)."""
    return 2 * processes <= _cpus()


def _result(results: list[FileResult], ctx: RunContext) -> RunResult:
    notices = list(ctx.notices)
    for r in results:
        notices.extend(n for n in r.notices if n not in notices)
    drop_run_terms(results, notices)
    return RunResult(results, notices)


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
                                 initargs=(ctx.overrides, overlaps(jobs))) as pool:
            results = _tracked(pool.map(_work, files, chunksize=max(1, min(16, len(files) // (jobs * 4)))),
                               len(files), progress)
    else:
        results = _tracked(_in_order(files, ctx), len(files), progress)
    return _result(results, ctx)


def _in_order(files: list[str], ctx: RunContext) -> Iterator[FileResult]:
    """Each file's result in one process, the next story looked ahead at (``_look_ahead``)
    before this one is checked: Harper's queue then holds this story's text and the next's,
    and Harper's thread lints on while this process reads, parses and checks."""
    if files:
        _look_ahead(files[0], ctx)
    for i, path in enumerate(files):
        if i + 1 < len(files):
            _look_ahead(files[i + 1], ctx)
        yield lint_file(path, ctx)


def _look_ahead(path: str, ctx: RunContext) -> None:
    """Start the work outside the GIL (``Rule.look_ahead``) on the story `path`'s first
    section. Best effort: a file that cannot be read, parsed or checked here is met again,
    and reported, when its turn comes; a cached story is not looked at."""
    try:
        engine = ctx.engine(_real_path(path))
        rules = [r for r in engine.rules
                 if type(r).look_ahead is not Rule.look_ahead and engine.policy.runs(type(r), _real_path(path))]
        st = os.stat(path)
        if not rules or not stat.S_ISREG(st.st_mode) or st.st_size > limits.MAX_FILE_BYTES or ctx.overrides.fix:
            return
        data = Path(path).read_bytes()
        if ctx.cache is not None and ctx.cache.has(ctx.cache.key(path, data, ctx.engine_key(engine))):
            return
        doc = parse(path, decode(data).text, None, engine.markup)
        if doc.language and not doc.language.lower().startswith("en"):
            return
        first = doc.sections(limits.SECTION_CHARS)[0]
        for rule in rules:
            rule.look_ahead(first)
    except Exception:  # noqa: BLE001 - see above
        pass


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
    res.keep_lines(text, keep_source=True)
    return _result([res], ctx)


def lint_stdin(data: bytes, path: str, ctx: RunContext) -> tuple[RunResult, bytes]:
    """Standard input: the run's result, and the bytes ``--fix -`` prints (the input itself,
    byte for byte, when nothing is fixed). Raises BinaryFile for input that is not text and
    NotRewritten when --fix or --diff cannot write the text back exactly. Input over the size
    limit is skipped with a notice, and given back unchanged."""
    if len(data) > limits.MAX_FILE_BYTES:
        return _result([_too_large(path, len(data))], ctx), data
    decoded = decode(data)
    res = lint_decoded(path, decoded, ctx, ctx.overrides.fmt)
    out = data
    if ctx.overrides.fix or ctx.overrides.diff:
        res, out = _fix(path, data, decoded, res, ctx, ctx.overrides.fmt)
    res.keep_lines(res.source, keep_source=True)
    return _result([res], ctx), out


def lint_text(text: str, path: str = "<text>", **kwargs: Any) -> list[Diagnostic]:
    """Lint a string; ``fmt`` ("markdown", "html", "plain") or the path's extension picks the parser."""
    if "fmt" not in kwargs and path == "<text>":
        kwargs["fmt"] = "plain"
    return lint_source_text(text, path, **kwargs).diagnostics


def fails(result: RunResult, ctx: RunContext, fail_on: str | None = None) -> bool:
    """Does a finding reach the fail-on level: the command line's, else that of the
    configuration of the file it is in (each file is judged by its own)?"""
    return any(reaches(f.diagnostics, fail_on or ctx.config_for(_real_path(f.path)).fail_on) for f in result.files)


__all__ = ["FileResult", "Overrides", "RunContext", "RunResult", "UsageError", "fails", "lint_paths", "lint_text"]
