"""Markdown (CommonMark + tables) to Document, through markdown-it-py's block source maps."""
from __future__ import annotations

import re

from markdown_it import MarkdownIt

from ..document import Block, Document, ProseBuilder
from .frontmatter import split_front_matter
from .html import html_fragment
from .inline import scan_inline

_MD = MarkdownIt("commonmark").enable("table")
_LIST_MARKER = re.compile(r"[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=\r?$))(?:\[[ xX]\][ \t]+)?")
_BQ_MARKER = re.compile(r"[ \t]{0,3}>[ \t]?")
_ATX_OPEN = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")


def _line_ranges(source: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding "\r\n" / "\n"."""
    out = []
    pos = 0
    for line in source.split("\n"):
        end = pos + len(line)
        content_end = end - 1 if line.endswith("\r") else end
        out.append((pos, content_end))
        pos = end + 1
    return out


def parse_markdown(path: str, source: str) -> Document:
    fm = split_front_matter(source)
    # blank the front matter so markdown-it's line numbers stay those of the file
    masked = source
    if fm.end:
        head = source[:fm.end]
        masked = re.sub(r"[^\n]", " ", head) + source[fm.end:]
    lines = _line_ranges(source)
    b = ProseBuilder(source)
    blocks: list[Block] = []
    tokens = _MD.parse(masked)
    bq_depth = 0
    item_starts: list[int] = []  # first line of each open list item
    in_list = 0
    scope_stack: list[str] = []
    for idx, tok in enumerate(tokens):
        t = tok.type
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
            if opener == "heading_open" and tokens[idx - 1].markup in ("=", "-"):
                last = max(first + 1, last)  # setext: the underline is not in the inline map
            ranges = []
            for ln in range(first, min(last, len(lines))):
                s, e = lines[ln]
                s = _strip_containers(source, s, e, bq_depth, ln in item_starts)
                if opener == "heading_open" and tokens[idx - 1].markup.startswith("#"):
                    m = _ATX_OPEN.match(source, s, e)
                    if m:
                        s = m.end()
                    mc = _ATX_CLOSE.search(source, s, e)
                    if mc:
                        e = mc.start()
                while s < e and source[s] in " \t":
                    s += 1
                ranges.append((s, e))
            scope = "headline" if opener == "heading_open" else (
                "blockquote" if bq_depth else ("list" if in_list else "paragraph"))
            _emit_block(b, blocks, source, ranges, scope)
        elif t == "html_block" and tok.map:
            first, last = tok.map
            s0 = lines[first][0]
            e0 = lines[min(last, len(lines)) - 1][1]
            if b.length:
                b.gap("\n\n", s0)
            html_fragment(b, blocks, source, s0, e0)
        elif t == "table_open" and tok.map:
            first, last = tok.map
            for ln in range(first, min(last, len(lines))):
                if ln == first + 1:
                    continue  # the delimiter row
                s, e = lines[ln]
                s = _strip_containers(source, s, e, bq_depth, False)
                for cs, ce in _table_cells(source, s, e):
                    _emit_block(b, blocks, source, [(cs, ce)], "table")
    notices = [fm.error] if fm.error else []
    prose, smap = b.build()
    return Document(path, source, prose, smap, blocks, fmt="markdown", front_matter=fm.data, notices=notices)


def _emit_block(b: ProseBuilder, blocks: list[Block], source: str, ranges: list[tuple[int, int]], scope: str) -> None:
    if not ranges:
        return
    if b.length:
        b.gap("\n\n", ranges[0][0])
    start = b.length
    scan_inline(b, source, ranges)
    if b.length > start:
        blocks.append(Block(start, b.length, scope))


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
