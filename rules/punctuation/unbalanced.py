"""punctuation/unbalanced: quotation marks and brackets that do not pair up.

Style point: every newsroom guide (AP, Guardian, BBC, Reuters): quotation marks and
brackets in pairs. Quotes are checked too: they concern the text as published.
"""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity


class Unbalanced(Rule):
    """What it does: reports a closing quotation mark or bracket with no opening one and an
    unclosed bracket (warnings), and an opening quotation mark with no closing one in its
    paragraph (info: copy that runs a quotation on without reopening it is common). A
    quotation that runs on into the next paragraph, which opens with a quotation mark again,
    is the news convention and is left alone.

    Why: a lost closing mark leaves the reader unsure where the quotation ends.

    Emoticons (``:)``), half-open intervals (``[0, 1)``) and a bracket around a web address
    (``(www.gov.uk)``, whose address is not prose) are not brackets to pair.

    Example: "The plan (a new one was approved." -> "(" is never closed.
    """

    id = "punctuation/unbalanced"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "A closing quotation mark or bracket with no opening one, an unclosed bracket or quotation mark."
    skip_scopes = frozenset({"table"})
    _EMOTICON = re.compile(r"(?<!\w)[:;]-?\)$")  # :) ;) :-)
    _INTERVAL = re.compile(r"\[[^\[\]()]*,[^\[\]()]*\)$")  # a half-open interval [0, 1)
    _LABEL = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)")  # 1) 2) a) b) iii)

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        blocks = self.blocks(doc)
        carried = False  # the paragraph before left a quotation open
        for i, b in enumerate(blocks):
            text = doc.prose[b.start:b.end]
            nxt = doc.prose[blocks[i + 1].start:blocks[i + 1].end].lstrip() if i + 1 < len(blocks) else ""
            was_carried, carried = carried, False
            # curly double quotes
            stack: list[int] = []
            for m in re.finditer("[\u201c\u201d]", text):
                if m.group(0) == "\u201c":
                    if len(stack) == 2:  # a third opening mark: the first was never closed
                        yield self._open(doc, b.start + stack.pop(0), "\u201c")
                    stack.append(m.start())
                elif stack:
                    stack.pop()
                elif was_carried:
                    was_carried = False
                else:
                    yield self.report(doc, b.start + m.start(), b.start + m.end(),
                                      "Closing quotation mark '\u201d' with no opening one")
            if stack:
                carried = True
                if not nxt.startswith(("\u201c", '"')):
                    yield self._open(doc, b.start + stack[-1], "\u201c")
            # straight double quotes: an odd count, unless a quotation carries over
            straight = [m.start() for m in re.finditer('"', text)]
            if len(straight) % 2:
                if was_carried:
                    pass
                elif nxt.startswith(('"', "\u201c")) or nxt.count('"') % 2:
                    carried = True
                else:
                    yield self._open(doc, b.start + straight[-1], '"')
            # brackets
            opens: list[int] = []
            for m in re.finditer(r"[()]", text):
                if m.group(0) == "(":
                    opens.append(m.start())
                elif opens:
                    opens.pop()
                elif not any(lm.end() == m.end() for lm in self._LABEL.finditer(text, max(0, m.start() - 4), m.end())) \
                        and not self._EMOTICON.search(text, max(0, m.start() - 3), m.end()) \
                        and not self._INTERVAL.search(text, 0, m.end()):
                    yield self.report(doc, b.start + m.start(), b.start + m.end(),
                                      "Closing bracket ')' with no opening one")
            for o in opens:
                if text.startswith("\ufffc", o + 1 + len(text[o + 1:]) - len(text[o + 1:].lstrip())):
                    continue  # "(www.example.org)": the address, masked as not prose, took its ')' with it
                yield self.report(doc, b.start + o, b.start + o + 1, "Bracket '(' is never closed")

    def _open(self, doc: Document, at: int, mark: str) -> Diagnostic:
        # a note, not a warning: a quotation may run on into a paragraph that does not reopen it
        return self.report(doc, at, at + 1, f"Quotation mark '{mark}' is never closed in its paragraph",
                           severity=Severity.INFO)
