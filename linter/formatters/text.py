"""Text output for people: each finding with its source line and the span marked, as ruff
and rustc show code, then a summary line. ``concise`` is the one-line form for editors and
grep: ``path:line:col: severity rule message [-> suggestion]``."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..diagnostic import Diagnostic
from ..document import line_ranges
from ..registry import Registry
from ..runner import RunResult

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_RESET, _BOLD, _DIM, _BLUE = "\033[0m", "\033[1m", "\033[2m", "\033[1;34m"
WINDOW = 100  # display columns of source shown around a span on a long line
_SPACE = re.compile(r"\s+")


def clean_message(message: str) -> str:
    """One line, no Markdown code marks: a message never splits a finding over two lines."""
    return _SPACE.sub(" ", message.replace("`", "'")).strip()


def width(text: str) -> int:
    """Display columns: East Asian wide and full-width characters take two, combining marks none."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def suggestion_text(d: Diagnostic, span: str) -> str:
    """The suggestion as an edit a reader can act on."""
    if d.fix is not None and d.fix.edits and not d.fix.edits[0].text:
        return f"delete '{span.strip()}'" if span.strip() else "delete this"
    if not d.suggestions:
        return ""
    first = d.suggestions[0]
    more = [f"'{s}'" for s in d.suggestions[1:3]]
    return f"replace with '{first}'" + (f" (or {', '.join(more)})" if more else "")


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color and text else text


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of `line` to show, and the span's start and end inside it (code points)."""
    if width(line) <= WINDOW:
        return line, start, end
    span_w = width(line[start:end])
    room = max(10, (WINDOW - min(span_w, WINDOW)) // 2)
    lo = start
    while lo > 0 and width(line[lo - 1:start]) <= room:
        lo -= 1
    hi = end
    while hi < len(line) and width(line[end:hi + 1]) <= room:
        hi += 1
    prefix = "\u2026" if lo > 0 else ""
    suffix = "\u2026" if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix), end - lo + len(prefix)


def render_one(d: Diagnostic, lines: list[str] | None, color: bool) -> str:
    sev = d.severity.value
    head = (f"{_paint(f'{d.path}:{d.line}:{d.column}:', _BOLD, color)} {_paint(sev, _COLORS[sev], color)} "
            f"{_paint(d.rule, _DIM, color)}")
    out = [head, f"  {clean_message(d.message)}"]
    if lines is not None and 1 <= d.line <= len(lines):
        src = lines[d.line - 1].rstrip("\r\n")
        start = min(d.column - 1, len(src))
        end = min(d.end_column - 1 if d.end_line == d.line else len(src), len(src))
        span = src[start:end] if d.end_line == d.line else src[start:] + "\n" + "\n".join(
            lines[d.line:d.end_line - 1] + [lines[d.end_line - 1][:d.end_column - 1]] if d.end_line <= len(lines) else [])
        shown, s, e = _window(src.replace("\t", " "), start, end)
        gutter = str(d.line)
        pad = " " * len(gutter)
        marker = " " * width(shown[:s]) + ("^" * max(1, width(shown[s:e])))
        note = suggestion_text(d, span)
        if d.end_line > d.line:
            note = (note + "; " if note else "") + f"continues to line {d.end_line}"
        out += [f"{pad} {_paint('|', _BLUE, color)}",
                f"{_paint(gutter, _BLUE, color)} {_paint('|', _BLUE, color)} {shown}",
                f"{pad} {_paint('|', _BLUE, color)} {_paint(marker, _COLORS[sev], color)}"
                + (f" {note}" if note else "")]
    elif d.suggestions:
        out.append(f"  {suggestion_text(d, '')}")
    return "\n".join(out)


def summary(result: RunResult) -> str:
    diags = result.diagnostics
    checked = [f for f in result.files if not f.skipped]
    stories = f"{len(checked)} stor{'y' if len(checked) == 1 else 'ies'}"
    if not diags:
        return f"All clear: no findings in {stories}."
    counts = Counter(d.severity.value for d in diags)
    parts = [f"{counts[k]} {k if k == 'info' else k + ('s' if counts[k] != 1 else '')}"
             for k in ("error", "warning", "info") if counts[k]]
    with_findings = len({d.path for d in diags})
    return (f"{len(diags)} finding{'s' if len(diags) != 1 else ''}: {', '.join(parts)} "
            f"in {with_findings} of {stories}.")


def render(result: RunResult, registry: Registry, color: bool) -> str:
    blocks = []
    cache: dict[str, list[str] | None] = {}
    for d in result.diagnostics:
        if d.path not in cache:
            cache[d.path] = _source_lines(result, d.path)
        blocks.append(render_one(d, cache[d.path], color))
    body = "\n\n".join(blocks)
    return (body + "\n\n" if body else "") + _paint(summary(result), _BOLD, color) + "\n"


def _source_lines(result: RunResult, path: str) -> list[str] | None:
    for f in result.files:
        if f.path == path and f.source is not None:
            return [f.source[s:e] for s, e in line_ranges(f.source)]  # a lone CR ends a line too
    return None


def render_concise(result: RunResult, registry: Registry, color: bool) -> str:
    lines = []
    for d in result.diagnostics:
        sev = d.severity.value
        sugg = f" -> {', '.join(d.suggestions[:3])}" if d.suggestions else ""
        msg = clean_message(d.message)
        if color:
            lines.append(f"{_BOLD}{d.path}:{d.line}:{d.column}:{_RESET} {_COLORS[sev]}{sev}{_RESET} "
                         f"{_DIM}{d.rule}{_RESET} {msg}{sugg}")
        else:
            lines.append(f"{d.path}:{d.line}:{d.column}: {sev} {d.rule} {msg}{sugg}")
    return "\n".join(lines) + ("\n" if lines else "")


def statistics(result: RunResult) -> str:
    """Counts by rule, and per-file readability when the readability rules ran."""
    counts = Counter(d.rule for d in result.diagnostics)
    out = []
    for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"{n:6d}  {rule}")
    words = sum(f.stats.get("words", 0) for f in result.files)
    out.append(f"{sum(counts.values()):6d}  total in {len(result.files)} file(s), {words} words")
    for f in result.files:
        r = f.stats.get("readability")
        if r:
            out.append(f"{f.path}: grade {r.get('flesch_kincaid_grade')}, reading ease "
                       f"{r.get('flesch_reading_ease')}, {r.get('sentences')} sentences, "
                       f"{r.get('average_sentence_length')} words/sentence, {r.get('percent_passive')}% passive, "
                       f"{r.get('percent_long_sentences')}% long")
    return "\n".join(out) + "\n"


def statistics_json(result: RunResult) -> dict:
    """The same numbers for machine formats (``statistics`` in JSON)."""
    counts = Counter(d.rule for d in result.diagnostics)
    return {"by_rule": dict(sorted(counts.items())),
            "by_severity": dict(sorted(Counter(d.severity.value for d in result.diagnostics).items())),
            "files": len(result.files), "words": sum(f.stats.get("words", 0) for f in result.files)}
