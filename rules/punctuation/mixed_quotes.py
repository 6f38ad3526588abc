"""punctuation/mixed-quotes: straight and curly quotation marks in one story.

Style point: every newsroom guide (AP, Guardian, BBC, Reuters): one quote style per story.
"""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity


class MixedQuotes(Rule):
    """What it does: reports a story that mixes straight quotation marks and apostrophes
    ("... " and ') with curly ones (“ ” ‘ ’), once, at the first mark of the less used style.

    Why: one story, one typography; a mix usually means text pasted from two sources.

    Example: "It was Biden's plan. Russia’s answer came." -> the straight apostrophe of
    "Biden's".
    """

    id = "punctuation/mixed-quotes"
    category = Category.PUNCTUATION
    default_severity = Severity.INFO
    summary = "Straight and curly quotation marks mixed in one story (reported once)."
    skip_scopes = frozenset({"table"})
    _STRAIGHT = re.compile(r"\"|(?<=\w)'(?=\w)|(?<![\w'])'(?=\w)|(?<=\w)'(?!\w)")
    _CURLY = re.compile("[\u201c\u201d\u2018\u2019]")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        straight: list[int] = []
        curly: list[int] = []
        for b in self.blocks(doc):
            straight += [m.start() for m in self._STRAIGHT.finditer(doc.prose, b.start, b.end)]
            curly += [m.start() for m in self._CURLY.finditer(doc.prose, b.start, b.end)]
        if straight and curly:
            minority, style = (straight, "straight") if len(straight) <= len(curly) else (curly, "curly")
            other = "curly" if style == "straight" else "straight"
            at = minority[0]
            yield self.report(doc, at, at + 1, f"{len(minority)} {style} quotation mark(s) or apostrophe(s) in a "
                              f"story that otherwise uses {other} ones")
