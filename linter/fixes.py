"""Applying fixes: only the edits, nothing else in the file changes."""
from __future__ import annotations

from typing import Iterable

from .diagnostic import Applicability, Diagnostic, Edit


def choose_edits(diags: Iterable[Diagnostic], unsafe: bool = False) -> list[tuple[Edit, Diagnostic]]:
    """Non-overlapping edits, first come first served in file order."""
    chosen: list[tuple[Edit, Diagnostic]] = []
    last_end = -1
    cands = []
    for d in diags:
        if d.fix and (unsafe or d.fix.applicability == Applicability.SAFE):
            for e in d.fix.edits:
                cands.append((e, d))
    cands.sort(key=lambda ed: (ed[0].start, ed[0].end))
    for e, d in cands:
        if e.start < last_end:
            continue
        if e.start == e.end and not e.text:
            continue
        chosen.append((e, d))
        last_end = max(last_end, e.end)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with the edits made. An edit never splits a CRLF line break: one that starts
    or ends between its CR and its LF takes the whole break."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        start, end = e.start, e.end
        if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n" and end > start:
            start -= 1
        if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
            end += 1
        out.append(text[pos:start])
        out.append(e.text)
        pos = end
    out.append(text[pos:])
    return "".join(out)
