"""word-choice/usage: misused words, redundancies and newsroom cliches, from rules/data/usage.toml."""
from __future__ import annotations

import re
from bisect import bisect_right
from newslint.api import Category, Document, PhraseRule, Severity

# "three or more unique bidders": "more" counts the bidders, it does not grade "unique"
_COUNTED = re.compile(r"(?:\b(?:or|and)|\d)\s+$")


class Usage(PhraseRule):
    """What it does: reports misused and nonstandard words ("utilize", "comprised of",
    "irregardless", "could care less"), redundancies ("past history", "future plans") and
    newsroom cliches ("in the wake of", "sparked outrage", "slammed" for criticised), with
    the plain alternative.

    Not reported: direct quotes; a match that begins with a capital inside a sentence (part of
    a name: "the Office of Small Business Utilization"); "more" that counts ("three or more
    unique bidders").

    Why: copy desks cut these by habit. Misuses are warnings; redundancy and cliche are
    notes (info), which a writer may keep. Every entry in ``rules/data/usage.toml`` names
    its source. Direct quotes are left alone.

    Example: "The agency will utilize new tools" -> "use"; "past history" -> "history"
    (info).
    """

    id = "word-choice/usage"
    category = Category.WORD_CHOICE
    default_severity = Severity.WARNING
    summary = "Misused words, redundancies and newsroom cliches ('utilize', 'past history', 'in the wake of')."
    pack = ("newslint.rules", "data/usage.toml")

    def keep(self, doc: Document, start: int, end: int) -> bool:
        if doc.prose[start].isupper() and not _sentence_start(doc, start):
            return False
        return not (doc.prose[start:end].lower().startswith("more ") and
                    _COUNTED.search(doc.prose[max(0, start - 12):start]))


def _sentence_start(doc: Document, offset: int) -> bool:
    """Is `offset` the first word of its sentence (after opening quotes or brackets)?"""
    starts = doc.memo(_sentence_starts)
    i = bisect_right(starts, offset) - 1
    return i < 0 or not doc.prose[starts[i]:offset].strip(" \t\n\"'\u201c\u2018*_([")


def _sentence_starts(doc: Document) -> list[int]:
    return [s.start for s in doc.sentences]
