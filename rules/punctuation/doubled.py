"""punctuation/doubled: doubled commas, full stops and runs of ! or ?.

Style point: every newsroom guide (AP, Guardian, BBC, Reuters): one mark at a time;
news copy does not shout.
"""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity


class DoubledPunctuation(Rule):
    """What it does: reports a doubled comma, semicolon, colon or full stop (``,,``, ``..``
    that is not an ellipsis) and runs of exclamation or question marks.

    Why: a typing slip, or a tone a news story does not take.

    Marks glued to a word or figure that make a token (a template placeholder ``!!3``, a
    code path ``a::b``, a relative path ``../docs``) are not punctuation.

    Example: "It rained,, and then it stopped" -> ",".
    """

    id = "punctuation/doubled"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "Doubled punctuation (,, ;; .. !! ??); a safe fix."
    # not punctuation: a placeholder or code token glued to a word ("!!3", "has::emoji", "a::b"),
    # a relative path ("../docs")
    _RX = re.compile(r"(?<![.])([,;:])\1+(?!\w)|(?<![./])\.\.(?![./\\\w])|!{2,}(?!\w)|\?{2,}(?!\w)")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for b in self.blocks(doc):
            for m in self._RX.finditer(doc.prose, b.start, b.end):
                mark = m.group(0)[0]
                yield self.report(doc, m.start(), m.end(), f"Doubled punctuation '{m.group(0)}'", [mark], fix=mark)
