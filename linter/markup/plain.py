"""Plain text to Document. The prose is the source itself; blocks are paragraphs.

A paragraph ends at a blank line, or at a line break after a sentence-ending mark (wire
copy often puts one paragraph on each line). A short first line without a final mark is
the headline. Lines holding a ``newslint-disable``-style comment are not prose.
"""
from __future__ import annotations

import re

from ..document import COPY, Block, Document, Segment, SourceMap, line_ranges

_DIRECTIVE = re.compile(r"^\s*(?:<!--\s*)?newslint-(?:disable|enable)(?:-next-line)?\b.*$")
_END_MARK = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$")
_BREAK = re.compile(r"[\r\n]")


def _few_words(text: str) -> bool:
    """At most 20 words (a headline's length), counted without splitting a long line whole."""
    return len(text.split(None, 20)) <= 20


def parse_plain(path: str, source: str, options: object = None) -> Document:
    blocks: list[Block] = []
    para_start = -1
    para_end = -1
    first = True

    def close() -> None:
        nonlocal para_start, first
        if para_start >= 0 and para_end > para_start:
            text = source[para_start:para_end]
            scope = "paragraph"
            if first and _few_words(text) and not _END_MARK.search(text) and not _BREAK.search(text.strip()):
                scope = "headline"
            blocks.append(Block(para_start, para_end, scope))
            first = False
        para_start = -1

    lines = line_ranges(source)
    for n, (pos, end) in enumerate(lines):
        content = source[pos:end]
        if not content.strip() or _DIRECTIVE.match(content):
            close()
        else:
            s = pos + (len(content) - len(content.lstrip()))
            if para_start < 0:
                para_start = s
            para_end = pos + len(content.rstrip())
            nxt = source[lines[n + 1][0]:lines[n + 1][1]].strip() if n + 1 < len(lines) else ""
            headline = first and para_start == s and _few_words(content) and (not nxt or nxt[0].isupper())
            if _END_MARK.search(content) or headline:
                close()
    close()
    smap = SourceMap([Segment(0, len(source), 0, len(source), COPY)]) if source else SourceMap([])
    return Document(path, source, source, smap, blocks, fmt="plain")
