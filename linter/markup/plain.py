"""Plain text to Document. The prose is the source itself; blocks are paragraphs.

A paragraph ends at a blank line, or at a line break after a sentence-ending mark (wire
copy often puts one paragraph on each line). A short first line without a final mark is
the headline. Lines holding a ``newslint-disable``-style comment are not prose.
"""
from __future__ import annotations

import re

from ..document import Block, Document, SourceMap, Segment, COPY

_DIRECTIVE = re.compile(r"^\s*(?:<!--\s*)?newslint-(?:disable|enable)(?:-next-line)?\b.*$")
_END_MARK = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$")


def parse_plain(path: str, source: str, options: object = None) -> Document:
    blocks: list[Block] = []
    pos = 0
    para_start = -1
    para_end = -1
    first = True

    def close() -> None:
        nonlocal para_start, first
        if para_start >= 0 and para_end > para_start:
            text = source[para_start:para_end]
            scope = "paragraph"
            if first and len(text.split()) <= 20 and not _END_MARK.search(text) and "\n" not in text.strip():
                scope = "headline"
            blocks.append(Block(para_start, para_end, scope))
            first = False
        para_start = -1

    lines = source.split("\n")
    for n, line in enumerate(lines):
        end = pos + len(line)
        content = line.rstrip("\r")
        if not content.strip() or _DIRECTIVE.match(content):
            close()
        else:
            s = pos + (len(content) - len(content.lstrip()))
            if para_start < 0:
                para_start = s
            para_end = pos + len(content.rstrip())
            nxt = lines[n + 1].strip() if n + 1 < len(lines) else ""
            headline = first and para_start == s and len(content.split()) <= 20 and (not nxt or nxt[0].isupper())
            if _END_MARK.search(content) or headline:
                close()
        pos = end + 1
    close()
    smap = SourceMap([Segment(0, len(source), 0, len(source), COPY)]) if source else SourceMap([])
    return Document(path, source, source, smap, blocks, fmt="plain")
