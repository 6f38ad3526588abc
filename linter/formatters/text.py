"""Text output for people: each finding with its source line and the span marked, as ruff
and rustc show code, then a summary line. ``concise`` is the one-line form for editors and
grep: ``path:line:col: severity rule message [-> suggestion]``.

Both are linear in the size of the run: a file's result is found through the run's index,
a source line is prepared once however many findings it holds, and only a window of a
long line (``WINDOW`` columns) is measured and shown for each finding."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from ..diagnostic import Diagnostic
from ..escape import excerpt, printable
from ..fixes import suggestion_hint, suggestion_label
from ..registry import Registry
from ..results import RunResult
from . import Format

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_RESET, _BOLD, _DIM, _BLUE = "\033[0m", "\033[1m", "\033[2m", "\033[1;34m"
WINDOW = 100  # display columns of source shown around a span on a long line
MARGIN = 10  # columns of context kept on each side of a span that fills the window


def clean_message(message: str) -> str:
    """One line, no Markdown code marks: a message never splits a finding over two lines."""
    return " ".join(message.replace("`", "'").split())


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


_NARROW = re.compile("[\x00-\u02ff\u2000-\u20bf]*")  # Latin, punctuation, currency: a column each


def width(text: str) -> int:
    """Display columns: East Asian wide and full-width characters take two, combining marks none."""
    return len(text) if text.isascii() or _NARROW.fullmatch(text) else sum(map(_char_width, text))


def suggestion_text(d: Diagnostic, result: RunResult) -> str:
    """The suggestion as an edit a reader can act on ("delete 'the'", "replace with 'x'")."""
    return printable(suggestion_label(d, result.text_reader(d.path)))


def hint(d: Diagnostic, result: RunResult) -> str:
    """The suggestion in a one-line format's short form ("x, y" or "delete 'the'")."""
    return printable(suggestion_hint(d, result.text_reader(d.path)))


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color and text else text


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of a long `line` to show, and the span's start and end inside it (code
    points), counted in display columns. The span is cut where the window ends; the
    context fills the rest."""
    span_w, cut = 0, start
    while cut < end and span_w + _char_width(line[cut]) <= WINDOW - 2 * MARGIN:
        span_w += _char_width(line[cut])
        cut += 1
    room = MARGIN if cut < end else (WINDOW - span_w) // 2
    lo, used = start, 0
    while lo > 0 and used + _char_width(line[lo - 1]) <= room:
        lo -= 1
        used += _char_width(line[lo])
    hi = cut
    if cut == end:
        right = WINDOW - span_w - used
        while hi < len(line) and _char_width(line[hi]) <= right:
            right -= _char_width(line[hi])
            hi += 1
    return _cut(line, lo, hi), start - lo + (lo > 0), cut - lo + (lo > 0)


def _cut(line: str, lo: int, hi: int) -> str:
    return ("\u2026" if lo > 0 else "") + line[lo:hi] + ("\u2026" if hi < len(line) else "")


class _Source:
    """One file's source lines, prepared for display once each: (line with control
    characters made visible, whether it fits the window, whether every character takes
    one column)."""

    def __init__(self, result: RunResult | None = None, path: str = "") -> None:
        self.f = result.file(path) if result is not None else None
        self.text = result.text_reader(path) if result is not None else None
        self.lines: dict[int, tuple[str, bool, bool] | None] = {}

    def line(self, n: int) -> tuple[str, bool, bool] | None:
        if n not in self.lines:
            raw = self.f.line(n) if self.f is not None else None
            if raw is None:
                self.lines[n] = None
            else:
                shown = excerpt(raw.rstrip("\r"))
                columns = width(shown)
                self.lines[n] = (shown, columns <= WINDOW, columns == len(shown))
        return self.lines[n]


def render_one(d: Diagnostic, source: _Source, color: bool, path: str | None = None) -> str:
    sev = d.severity.value
    if color:
        bold, dim, blue, mark, reset = _BOLD, _DIM, _BLUE, _COLORS[sev], _RESET
    else:
        bold = dim = blue = mark = reset = ""
    path = path if path is not None else printable(d.path)
    head = (f"{bold}{path}:{d.line}:{d.column}:{reset} {mark}{sev}{reset} {dim}{d.rule}{reset}\n"
            f"  {printable(clean_message(d.message))}")
    note = printable(suggestion_label(d, source.text)) if source.text is not None else ""
    src = source.line(d.line)
    if src is None:
        return f"{head}\n  {note}" if note else head
    text, fits, narrow = src
    start = min(d.column - 1, len(text))
    end = min(d.end_column - 1, len(text)) if d.end_line == d.line else len(text)
    if fits:
        shown, s, e = text, start, end
    elif narrow:  # the common long line: a column is a character
        cut = min(end, start + WINDOW - 2 * MARGIN)
        if cut < end:  # the span fills the window: mark what fits
            lo, hi = max(0, start - MARGIN), cut
        else:
            lo = max(0, start - (WINDOW - cut + start) // 2)
            hi = lo + WINDOW
        shown, s, e = _cut(text, lo, hi), start - lo + (lo > 0), cut - lo + (lo > 0)
    else:
        shown, s, e = _window(text, start, end)
    marker = " " * s + "^" * (e - s or 1) if narrow else " " * width(shown[:s]) + "^" * (width(shown[s:e]) or 1)
    if d.end_line > d.line:
        note = (note + "; " if note else "") + f"continues to line {d.end_line}"
    gutter = str(d.line)
    pad = " " * len(gutter)
    return (f"{head}\n{pad} {blue}|{reset}\n{blue}{gutter}{reset} {blue}|{reset} {shown}\n"
            f"{pad} {blue}|{reset} {mark}{marker}{reset}{' ' if note else ''}{note}")


def summary(result: RunResult, diags: list[Diagnostic] | None = None) -> str:
    """The last line: counts by severity, stories with findings, files not read, fixes
    (`diags`: the run's findings when the caller has them already)."""
    diags = result.diagnostics if diags is None else diags
    checked = sum(1 for f in result.files if not f.skipped)
    stories = f"{checked} stor{'y' if checked == 1 else 'ies'}"
    unread = len(result.files) - checked
    fixed = f" ({result.fixed} fixed)" if result.fixed else ""
    if not checked:
        return "Nothing checked: no story was read."
    if not diags and not unread:
        return f"All clear: no findings in {stories}{fixed}."
    if not diags:
        return f"No findings in {stories}; {unread} file{'s' if unread != 1 else ''} could not be read{fixed}."
    counts = Counter(d.severity.value for d in diags)
    parts = [f"{counts[k]} {k if k == 'info' else k + ('s' if counts[k] != 1 else '')}"
             for k in ("error", "warning", "info") if counts[k]]
    with_findings = len({d.path for d in diags})
    return (f"{len(diags)} finding{'s' if len(diags) != 1 else ''}: {', '.join(parts)} "
            f"in {with_findings} of {stories}{fixed}.")


def render(result: RunResult, registry: Registry, color: bool, statistics: bool = False) -> str:
    blocks = []
    path, source, shown_path = None, _Source(), ""
    diags = result.diagnostics
    for d in diags:
        if d.path != path:
            path, source, shown_path = d.path, _Source(result, d.path), printable(d.path)
        blocks.append(render_one(d, source, color, shown_path))
    body = "\n\n".join(blocks)
    out = (body + "\n\n" if body else "") + _paint(summary(result, diags), _BOLD, color) + "\n"
    return out + statistics_text(result) if statistics else out


def render_concise(result: RunResult, registry: Registry, color: bool, statistics: bool = False) -> str:
    bold, dim, reset = (_BOLD, _DIM, _RESET) if color else ("", "", "")
    lines = []
    path, shown_path, text = None, "", None
    for d in result.diagnostics:
        if d.path != path:
            path, shown_path, text = d.path, printable(d.path), result.text_reader(d.path)
        sev = d.severity.value
        tail = printable(suggestion_hint(d, text))
        lines.append(f"{bold}{shown_path}:{d.line}:{d.column}:{reset} {_COLORS[sev] if color else ''}{sev}{reset} "
                     f"{dim}{d.rule}{reset} {printable(clean_message(d.message))}{' -> ' if tail else ''}{tail}")
    return "\n".join(lines) + ("\n" if lines else "")


def statistics_text(result: RunResult) -> str:
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
            out.append(f"{printable(f.path)}: grade {r.get('flesch_kincaid_grade')}, reading ease "
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


TEXT = Format(render, statistics=True, color=True)
CONCISE = Format(render_concise, color=True)
