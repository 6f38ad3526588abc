"""A story as an editor reads it: its prose, block by block, with each finding marked exactly
over the words it is about, as HTML. The HTML report and the page of ``newslint serve`` show
stories this way.

The prose is the document's projection (``Document.prose``): front-matter fields that are
copy become the headline and standfirst, and markup and template syntax are out of the text.
Findings are anchored in the source file; the document's segments (``SourceMap``) say which
source range each piece of prose copies, so a finding is marked over exactly the prose that
copies its span (a piece that stands for markup, such as ``&amp;``, is marked whole). A
finding on something that is not prose (a suppression comment, a front-matter key) has no
place in the prose; the caller lists it apart.
"""
from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Sequence

from .diagnostic import Diagnostic
from .document import COPY, GAP, Document

# block scope -> (element, class)
_ELEMENTS = {"headline": ("h3", "headline"), "standfirst": ("p", "standfirst"), "blockquote": ("blockquote", ""),
             "quote": ("blockquote", ""), "list": ("p", "item"), "caption": ("p", "caption"),
             "table": ("p", "cell")}


@dataclass(frozen=True)
class Place:
    """Where a finding is in the prose: the block it starts in, and the prose range."""

    block: int
    start: int
    end: int


class ProseIndex:
    """The document's copied and replaced segments by source offset, to find the prose that
    stands for a source range."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.segments = sorted((s for s in doc.smap.segments if s.kind != GAP), key=lambda s: (s.src_start, s.src_end))
        self._reach: list[int] = []  # the furthest source end of the segments up to each one
        reach = -1
        for s in self.segments:
            reach = max(reach, s.src_end)
            self._reach.append(reach)
        self._block_starts = [b.start for b in doc.blocks]

    def prose_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The prose that copies source[start:end] (a point for an empty range), or None."""
        lo = hi = None
        i = bisect_right(self._reach, start - 1 if start == end else start)
        while i < len(self.segments):
            seg = self.segments[i]
            i += 1
            if seg.src_start > end or (seg.src_start == end and start < end):
                break
            if start == end:
                if not seg.src_start <= start <= seg.src_end:
                    continue
                if seg.kind == COPY:
                    p = seg.prose_start + start - seg.src_start
                    return p, p
                return seg.prose_start, seg.prose_end
            if seg.src_end <= start:
                continue
            if seg.kind == COPY:
                s = seg.prose_start + max(start, seg.src_start) - seg.src_start
                e = seg.prose_start + min(end, seg.src_end) - seg.src_start
            else:
                s, e = seg.prose_start, seg.prose_end
            lo = s if lo is None else min(lo, s)
            hi = e if hi is None else max(hi, e)
        return None if lo is None or hi is None else (lo, hi)

    def place(self, start: int, end: int) -> Place | None:
        """The block and prose range of the source range [start, end) (clipped to that block)."""
        r = self.prose_range(start, end)
        if r is None:
            return None
        i = bisect_right(self._block_starts, r[0]) - 1
        if i < 0:
            return None
        block = self.doc.blocks[i]
        if r[0] > block.end:
            return None  # between blocks: a gap, not prose
        return Place(i, r[0], min(r[1], block.end))


def render_prose(doc: Document, diags: Sequence[Diagnostic],
                 mark: Callable[[int, Diagnostic], str]) -> tuple[str, list[int]]:
    """The story's blocks as HTML, with one ``<mark>`` per finding that has a place in the
    prose (``mark(k, d)`` gives the attributes of the k-th finding's mark); and the indices of
    the findings that have none. Marks never nest: a finding inside or across an earlier one
    gets its mark where the earlier one ends (an empty mark if it ends there too)."""
    index = ProseIndex(doc)
    by_block: dict[int, list[tuple[int, int, int]]] = {}
    unplaced = []
    for k, d in enumerate(diags):
        p = index.place(d.start, max(d.end, d.start))
        if p is None:
            unplaced.append(k)
        else:
            by_block.setdefault(p.block, []).append((p.start, p.end, k))
    out = []
    for i, block in enumerate(doc.blocks):
        tag, cls = _ELEMENTS.get(block.scope, ("p", ""))
        pos, parts = block.start, []
        for s, e, k in sorted(by_block.get(i, []), key=lambda x: (x[0], -x[1], x[2])):
            s = max(s, pos)
            e = max(e, s)
            parts.append(html.escape(doc.prose[pos:s]))
            parts.append(f"<mark {mark(k, diags[k])}>{html.escape(doc.prose[s:e])}</mark>")
            pos = e
        parts.append(html.escape(doc.prose[pos:block.end]))
        out.append(f"<{tag}{f' class={cls}' if cls else ''}>{''.join(parts)}</{tag}>")
    return "\n".join(out), unplaced
