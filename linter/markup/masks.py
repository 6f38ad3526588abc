"""Spans of a source that are markup around or inside the prose: template tags, shortcodes,
JSX, MDX expressions, attribute lists.

A parser finds them first (``templates.py``, ``mdx.py``), then reads the structure of a
*masked* copy of the source in which each span is replaced by placeholder characters, so a
shortcode never looks like Markdown or HTML to the block parser. The ``ProseBuilder`` copies prose from the real
source and turns each span it meets into a placeholder (a span that stands for content, such
as ``{{ page.title }}``) or into nothing (a tag or comment that wraps content).

Spans may also carry prose of their own, such as the ``caption="..."`` of a figure shortcode:
those are *extras*, source ranges read as blocks of their own scope.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

EXPR, HIDDEN = "expr", "hidden"
MASK_CHAR = "\ufffc"  # also the prose placeholder: not a word, not white space
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class Mask:
    start: int
    end: int
    kind: str = EXPR  # EXPR stands for content (one placeholder); HIDDEN stands for nothing


@dataclass(frozen=True)
class Extra:
    """Prose inside markup (a caption parameter, an alt attribute), read as its own block."""

    start: int
    end: int
    scope: str = "caption"


class Masks:
    """Sorted, non-overlapping spans; overlapping input keeps the outer span."""

    def __init__(self, spans: list[Mask] = ()) -> None:  # type: ignore[assignment]
        out: list[Mask] = []
        for m in sorted(spans, key=lambda m: (m.start, -m.end)):
            if m.end <= m.start:
                continue
            if out and m.start < out[-1].end:
                if m.end > out[-1].end:
                    prev = out[-1]
                    out[-1] = Mask(prev.start, m.end, prev.kind)
                continue
            out.append(m)
        self.spans = out
        self._starts = [m.start for m in out]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlapping(self, start: int, end: int) -> list[Mask]:
        i = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end > start:
                out.append(self.spans[i])
            i += 1
        return out

    def pieces(self, start: int, end: int):
        """[start, end) as runs of prose (stand-in None) and of markup: a placeholder where an
        EXPR span begins, nothing for the rest of a span or a HIDDEN one."""
        pos = start
        for m in self.overlapping(start, end):
            if m.start > pos:
                yield pos, m.start, None
            if m.kind == EXPR and m.start >= start:
                yield m.start, min(m.end, end), MASK_CHAR
            pos = max(pos, min(m.end, end))
        if pos < end:
            yield pos, end, None

    def apply(self, source: str) -> str:
        """The source with every span turned into placeholder characters, keeping its length
        and line breaks. A line of nothing but a shortcode is then a line of text without a
        word: it still continues an HTML block or a paragraph, as the shortcode did, and a
        block of nothing else holds no prose."""
        if not self.spans:
            return source
        parts = []
        pos = 0
        for m in self.spans:
            parts.append(source[pos:m.start])
            parts.append(re.sub(r"[^\r\n]", MASK_CHAR, source[m.start:m.end]))
            pos = m.end
        parts.append(source[pos:])
        return "".join(parts)


def strip_blank(text: str) -> bool:
    """True when `text` holds no prose: only white space and placeholders."""
    return not text.replace(MASK_CHAR, "").strip()


_ESCAPES = {'"': re.compile(r"\\(.)|" + ENTITY.pattern), "'": re.compile(r"''|" + ENTITY.pattern), "": ENTITY}


def emit_ranges(b, blocks: list, ranges, scope: str, quote: str = "", joiner: str = " ") -> None:
    """One block of prose made of source `ranges` (the lines of a front matter value, an
    attribute value), read raw: `quote` says which escapes stand for characters ('"' for
    backslash escapes, "'" for a doubled quote; HTML character references always)."""
    from ..document import Block

    if not ranges:
        return
    if b.length:
        b.gap("\n\n", ranges[0][0])
    start = b.length
    esc = _ESCAPES[quote]
    for n, (s, e) in enumerate(ranges):
        if n:
            b.gap(joiner, s)
        pos = s
        for m in esc.finditer(b.source, s, e):
            b.copy(pos, m.start(), raw=True)
            b.replace(_unescape(m.group(0)), m.start(), m.end())
            pos = m.end()
        b.copy(pos, e, raw=True)
    if not strip_blank(b.prose_since(start)):
        blocks.append(Block(start, b.length, scope))


def _unescape(text: str) -> str:
    if text.startswith("&"):
        return html.unescape(text) or " "
    if text == "''":
        return "'"
    return {"n": " ", "t": " "}.get(text[1], text[1])
