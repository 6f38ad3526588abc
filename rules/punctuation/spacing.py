"""punctuation/spacing: a space before punctuation, or two spaces between words.

Style point: every newsroom guide (AP, Guardian, BBC, Reuters): one space between words and
none before a comma or full stop.
"""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity

_PLACEHOLDER = "\ufffc"

class Spacing(Rule):
    """What it does: reports a space before a comma, full stop, semicolon, colon, question
    or exclamation mark (``Wednesday , October 10``) and two or more spaces between words;
    both are fixed safely.

    Why: the stray space survives spell-check and shows in print and on screen.

    Two spaces are reported in plain text only: HTML and Markdown collapse them when the page
    is shown (0 of 17 judged on published pages were visible). A lone dot before a lower-case
    word and a code conditional (``A ? B : C``) are tokens, not punctuation.

    Example: "It was Wednesday , October 10" -> "Wednesday, October 10".
    """

    id = "punctuation/spacing"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "A space before punctuation ('Wednesday , October 10'), or doubled spaces (info); safe fixes."
    _BEFORE = re.compile(r"(?<=[\w\"'\u201d\u2019)\]])([ \t]+)([,.;:!?])(?=[\s\"'\u201d\u2019)]|$)")
    _DOUBLE = re.compile(r"(?<=\S)( {2,})(?=\S)")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for b in self.blocks(doc):
            for m in self._BEFORE.finditer(doc.prose, b.start, b.end):
                s, e = m.span(1)
                if m.group(2) == "." and (doc.prose.startswith("..", m.start(2))
                                          or doc.prose.startswith(" .", m.end(2))):
                    continue  # an ellipsis, spaced or not
                if _PLACEHOLDER in doc.prose[max(b.start, s - 1):e + 2] or not doc.smap.is_verbatim(s - 1, e + 1):
                    continue  # the space stands beside markup (a link, a tag, a shortcode)
                if m.group(2) in ":;" and doc.prose[e + 1:e + 2] in ")(":
                    continue  # an emoticon :)
                if m.group(2) == "." and re.match(r"\s+[a-z]", doc.prose[e + 1:e + 4]):
                    continue  # a lone dot in running text is a token ("the dot . is the context")
                if m.group(2) in "?:" and (re.match(r"\?\s+\S+\s+:\s", doc.prose[e:e + 60])
                                          or re.search(r"\s\?\s+\S+\s*$", doc.prose[max(b.start, s - 60):s])):
                    continue  # a code conditional left in the text ("STACK ? STACK : ''")
                yield self.report(doc, s, e, f"Space before '{m.group(2)}'", [""], fix="")
            if doc.format != "plain":
                continue  # HTML and Markdown collapse runs of spaces: the reader never sees them
            for m in self._DOUBLE.finditer(doc.prose, b.start, b.end):
                s, e = m.span(1)
                if _PLACEHOLDER in doc.prose[max(b.start, s - 1):e + 1] or not doc.smap.is_verbatim(s - 1, e + 1):
                    continue
                yield self.report(doc, s, e, f"{e - s} spaces between words; one is enough", [" "], fix=" ",
                                  severity=Severity.INFO)
