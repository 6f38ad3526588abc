"""Markdown and MDX to Document, through markdown-it-py's block source maps.

CommonMark with the extensions seen in content repos (tables, footnotes, definition lists,
task lists, ``!!!`` admonitions, GitHub alerts, heading ids and attribute lists). Template
syntax (see ``templates.py``) and, for MDX, JSX and expressions (``mdx.py``) are masked
before markdown-it reads the structure; front matter prose fields come first as blocks of
their own scope.
"""
from __future__ import annotations

import re
from collections import deque

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..document import Block, Document, ProseBuilder, line_ranges
from ..limits import MAX_NESTING
from .frontmatter import prose_fields, split_front_matter
from .html import html_fragment
from .inline import reference_labels, scan_inline
from .masks import HIDDEN, Extra, Mask, Masks, emit_ranges, strip_blank
from .mdx import mdx_masks
from .options import MarkupOptions
from .templates import template_masks


def _markdown_it(mdx: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_LEVELS}).enable("table").use(footnote_plugin)
    md.use(deflist_plugin).use(admon_plugin)
    if mdx:  # MDX has no indented code, and its HTML is JSX (masked already)
        md.disable(["code", "html_block", "html_inline", "autolink"])
    return md


# markdown-it's nesting levels: a list takes two (the list and the item), a blockquote one,
# the paragraph inside one more
_MAX_LEVELS = 2 * MAX_NESTING + 2


_MD = _markdown_it(False)
_MDX = _markdown_it(True)
_DD_MARKER = re.compile(r"[ \t]{0,3}[:~][ \t]+")
_FOOTNOTE_LABEL = re.compile(r"[ \t]{0,3}\[\^[^\]\n]+\]:[ \t]*")
_ALERT = re.compile(r"\[![A-Za-z]+\][+-]?[ \t]*")  # GitHub / Obsidian alerts: > [!NOTE]
# heading ids and attribute lists: "## Title {#id}", "{: .lead}" (kramdown, Hugo, Pandoc)
_ATTR_LIST = re.compile(r"\{[:#.][^{}\r\n]*\}(?=[ \t]*(?:[\r\n]|\Z))|(?:^|(?<=\r))[ \t]*\{:[^{}\r\n]*\}", re.M)
_LIST_MARKER = re.compile(r"[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=\r?$))(?:\[[ xX]\][ \t]+)?")
_BQ_MARKER = re.compile(r"[ \t]{0,3}>[ \t]?")
_ATX_OPEN = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")


def parse_mdx(path: str, source: str, options: MarkupOptions = MarkupOptions()) -> Document:
    return parse_markdown(path, source, options, mdx=True)


def _masks(source: str, body: int, options: MarkupOptions, mdx: bool) -> tuple[Masks, list[Extra]]:
    if mdx:
        spans, extras = mdx_masks(source, options.jsx_prose_props)
    else:
        spans, extras = template_masks(source, options.syntax)
    spans = [m for m in spans if m.start >= body]
    spans += [Mask(m.start(), m.end(), HIDDEN) for m in _ATTR_LIST.finditer(source, body)]
    return Masks(spans), [x for x in extras if x.start >= body]


def parse_markdown(path: str, source: str, options: MarkupOptions = MarkupOptions(), mdx: bool = False) -> Document:
    fm = split_front_matter(source)
    masks, extras = _masks(source, fm.end, options, mdx)
    # blank the front matter so markdown-it's line numbers stay those of the file
    masked = masks.apply(source)
    if fm.end:
        masked = re.sub(r"[^\r\n]", " ", masked[:fm.end]) + masked[fm.end:]
    lines = line_ranges(source)  # as markdown-it counts lines: a lone CR ends one too
    b = ProseBuilder(source, masks)
    blocks: list[Block] = []
    for f in prose_fields(source, options.fields):
        emit_ranges(b, blocks, f.ranges, f.scope, f.quote, f.joiner)
    pending = deque(sorted(extras, key=lambda x: x.start))
    references = reference_labels(masked)

    def extras_before(offset: float) -> None:
        """The extras (captions in shortcodes, props) that start before `offset`."""
        while pending and pending[0].start < offset:
            x = pending.popleft()
            emit_ranges(b, blocks, [(x.start, x.end)], x.scope)

    def emit(ranges: list[tuple[int, int]], scope: str) -> None:
        k = 0
        while k < len(ranges) and strip_blank(masked[ranges[k][0]:ranges[k][1]]):
            k += 1  # a line of nothing but a shortcode or a tag
        ranges = ranges[k:]
        if ranges:
            extras_before(ranges[0][0])
        _emit_block(b, blocks, masked, ranges, scope, references)

    tokens = (_MDX if mdx else _MD).parse(masked)
    limits: list[str] = []
    too_deep = next((t for t in tokens if t.nesting == 1 and t.level + 1 >= _MAX_LEVELS and t.map), None)
    if too_deep is not None:
        limits.append(f"line {too_deep.map[0] + 1}: blockquotes and lists nested more than {MAX_NESTING} deep are "
                      f"not read (the limit, newslint.limits.MAX_NESTING)")
    bq_depth = 0
    item_starts: list[int] = []  # first line of each open list item (or definition, footnote)
    in_list = 0
    scope_stack: list[str] = []
    first_line_marker: re.Pattern | None = None  # a marker to strip from the next paragraph's first line
    for idx, tok in enumerate(tokens):
        t = tok.type
        if t in ("dd_open", "footnote_open"):
            first_line_marker = _DD_MARKER if t == "dd_open" else _FOOTNOTE_LABEL
        elif t == "admonition_title_open":
            scope_stack.append("admonition_title")
        elif t == "admonition_title_close" and scope_stack:
            scope_stack.pop()
        elif t == "dt_open":
            scope_stack.append("dt")
        elif t == "dt_close" and scope_stack:
            scope_stack.pop()
        if t == "blockquote_open":
            bq_depth += 1
        elif t == "blockquote_close":
            bq_depth -= 1
        elif t in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif t == "list_item_open" and tok.map:
            item_starts.append(tok.map[0])
        elif t == "list_item_close" and item_starts:
            item_starts.pop()
        elif t in ("heading_open", "paragraph_open", "th_open", "td_open"):
            scope_stack.append(t)
        elif t in ("heading_close", "paragraph_close", "th_close", "td_close") and scope_stack:
            scope_stack.pop()
        elif t == "inline" and tok.map:
            opener = scope_stack[-1] if scope_stack else "paragraph_open"
            if opener in ("th_open", "td_open"):
                continue  # table rows are scanned as a whole at table_open
            first, last = tok.map
            if opener == "admonition_title":
                line_s, line_e = lines[first]
                at = masked.find(tok.content, line_s, line_e) if tok.content else -1
                if at != -1:
                    emit([(at, at + len(tok.content))], "headline")
                continue
            if (opener == "heading_open" and tokens[idx - 1].markup in ("=", "-")) or opener == "dt":
                last = max(first + 1, last)  # setext: the underline is not in the inline map
            ranges = []
            for ln in range(first, min(last, len(lines))):
                s, e = lines[ln]
                s = _strip_containers(masked, s, e, bq_depth, ln in item_starts)
                if ln == first and first_line_marker is not None:
                    m = first_line_marker.match(masked, s, e)
                    first_line_marker = None
                    if m:
                        s = m.end()
                if ln == first and bq_depth:
                    m = _ALERT.match(masked, s, e)
                    if m:
                        s = m.end()
                if opener == "heading_open" and tokens[idx - 1].markup.startswith("#"):
                    m = _ATX_OPEN.match(masked, s, e)
                    if m:
                        s = m.end()
                    e = _atx_content_end(masked, s, e)
                while s < e and masked[s] in " \t":
                    s += 1
                ranges.append((s, e))
            scope = "headline" if opener in ("heading_open", "dt") else (
                "blockquote" if bq_depth else ("list" if in_list else "paragraph"))
            emit(ranges, scope)
        elif t == "html_block" and tok.map:
            first, last = tok.map
            s0 = lines[first][0]
            e0 = lines[min(last, len(lines)) - 1][1]
            extras_before(s0)
            if b.length:
                b.gap("\n\n", s0)
            html_fragment(b, blocks, masked, s0, e0)
        elif t == "table_open" and tok.map:
            first, last = tok.map
            for ln in range(first, min(last, len(lines))):
                if ln == first + 1:
                    continue  # the delimiter row
                s, e = lines[ln]
                s = _strip_containers(masked, s, e, bq_depth, False)
                for cs, ce in _table_cells(masked, s, e):
                    emit([(cs, ce)], "table")
    extras_before(float("inf"))
    notices = [fm.error] if fm.error else []
    prose, smap = b.build()
    return Document(path, source, prose, smap, blocks, fmt="markdown", front_matter=fm.data, notices=notices,
                    limits=limits)


def _atx_content_end(source: str, s: int, e: int) -> int:
    """The end of an ATX heading's text: without the closing "#"s after a blank, nor the
    blanks around them."""
    e = len(source[s:e].rstrip(" \t")) + s
    k = len(source[s:e].rstrip("#")) + s
    if s < k < e and source[k - 1] in " \t":
        e = len(source[s:k].rstrip(" \t")) + s
    return e


def _emit_block(b: ProseBuilder, blocks: list[Block], masked: str, ranges: list[tuple[int, int]], scope: str,
                references: frozenset[str]) -> None:
    """Scan one inline block; `masked` is the source as markdown-it read it."""
    if not ranges:
        return
    if b.length:
        b.gap("\n\n", ranges[0][0])
    start = b.length
    alt_texts: list[tuple[int, int]] = []
    scan_inline(b, masked, ranges, alt_texts, references)
    if not strip_blank(b.prose_since(start)):
        blocks.append(Block(start, b.length, scope))
    for s, e in alt_texts:
        emit_ranges(b, blocks, [(s, e)], "caption")


def _strip_containers(source: str, s: int, e: int, bq_depth: int, item_first_line: bool) -> int:
    for _ in range(bq_depth):
        m = _BQ_MARKER.match(source, s, e)
        if not m:
            break
        s = m.end()
    if item_first_line:
        while True:
            m = _LIST_MARKER.match(source, s, e)
            if not m or m.end() == s:
                break
            s = m.end()
    return s


def _table_cells(source: str, s: int, e: int) -> list[tuple[int, int]]:
    cells = []
    start = s
    i = s
    in_code = False
    while i < e:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            cells.append((start, i))
            start = i + 1
        i += 1
    cells.append((start, e))
    out = []
    for cs, ce in cells:
        while cs < ce and source[cs] in " \t":
            cs += 1
        while ce > cs and source[ce - 1] in " \t":
            ce -= 1
        if ce > cs:
            out.append((cs, ce))
    return out
