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
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(text[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
