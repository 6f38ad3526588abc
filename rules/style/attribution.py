"""style/attribution: who said it, and how the story says so.

Style points: AP Stylebook "said" ("said" is neutral; "stated", "claimed", "revealed",
"noted" add a judgment); Guardian and BBC style guides on attribution and on "allegedly" and
"reportedly" (say who alleges or reports); every wire desk: a direct quotation is attributed
in its paragraph or the one before.
"""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity


LOADED = {"stated": "said", "claimed": "said", "revealed": "said", "noted": "said", "declared": "said",
          "asserted": "said", "exclaimed": "said", "opined": "said", "remarked": "said", "proclaimed": "said"}
HEDGES = ("reportedly", "allegedly", "purportedly", "supposedly", "apparently")
# verbs and phrases that attribute speech or writing (said, told, according to, ...)
_SPEECH = re.compile(r"\b(?:said|says|say|saying|told|tells|asked|asks|added|adds|explained|explains|wrote|writes|"
                     r"according\s+to|stated|states|claimed|claims|noted|notes|argued|argues|replied|replies|"
                     r"recalled|recalls|insisted|insists|warned|warns|continued|continues|announced|announces|"
                     r"declared|tweeted|posted|testified|concluded|acknowledged|admitted|agreed|answered|"
                     r"responded|quoted|heard|interview|statement|spokesman|spokeswoman|spokesperson)\b", re.I)
_QUOTE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")
_CLOSE = "\u201d\""
_OPEN = "\u201c\""


class Attribution(Rule):
    """What it does: suggests ``said`` for a loaded speech verb next to a quotation (``,"
    she claimed``, ``stated: "...``) (info); notes ``reportedly`` and ``allegedly`` so the
    editor can ask who reports or alleges it (info); and warns about a paragraph of direct
    quotation (five words or more) with no attribution in it or in the paragraph before.

    Why: "said" is the neutral verb; a hedge without a source and an unattributed quotation
    are the two things a libel lawyer reads first.

    Example: "“We will not back down,” she stated." -> "said".
    """

    id = "style/attribution"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "Loaded speech verbs ('stated'), hedges ('reportedly'), and quotations with no attribution."
    skip_scopes = frozenset({"headline", "table", "caption", "standfirst", "list"})
    _VERB = re.compile(r"\b(" + "|".join(LOADED) + r")\b", re.I)
    _HEDGE = re.compile(r"\b(" + "|".join(HEDGES[:4]) + r")\b", re.I)

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        blocks = self.blocks(doc)
        pos = {id(x): k for k, x in enumerate(doc.blocks)}  # context reads every block, headings too
        for i, b in enumerate(blocks):
            text = doc.prose[b.start:b.end]
            for m in self._VERB.finditer(text):
                if self._beside_quote(text, m.start(), m.end()) and not doc.in_quote(b.start + m.start()):
                    said = LOADED[m.group(1).lower()]
                    yield self.report(doc, b.start + m.start(), b.start + m.end(),
                                      f"'{m.group(1)}' judges the quotation; '{said}' does not", [said])
            for m in self._HEDGE.finditer(text):
                if not doc.in_quote(b.start + m.start()):
                    yield self.report(doc, b.start + m.start(), b.start + m.end(),
                                      f"'{m.group(1)}': say who reports or alleges it")
            if b.scope == "blockquote" or not self._quotation(text):
                continue
            q = next(q for q in _QUOTE.finditer(text) if len(q.group(1).split()) >= 5)
            if re.match(r"[*_]*[a-z]", q.group(1)):
                continue  # a quoted phrase inside the story's own sentence ("which “highlights the ...")
            if not self._attributed(doc, doc.blocks, pos[id(b)]):
                yield self.report(doc, b.start + q.start(), b.start + q.start() + 1,
                                  "A direct quotation with no attribution in its paragraph or the one before")

    @staticmethod
    def _quotation(text: str) -> bool:
        """A paragraph of direct quotation: most of it is inside quotation marks (five words
        or more), or it opens a quotation that runs on into the next paragraph."""
        quoted = [q for q in _QUOTE.finditer(text) if len(q.group(1).split()) >= 5]
        return bool(quoted) and sum(q.end() - q.start() for q in quoted) >= 0.6 * len(text.strip())

    @staticmethod
    def _runs_on(text: str) -> bool:
        """A paragraph that opens a quotation and does not close it (the quote goes on in the
        next paragraph, which opens with a quotation mark again)."""
        t = text.strip().lstrip("*_")
        return t[:1] in _OPEN and t.rfind("\u201c") >= t.rfind("\u201d") if t[:1] == "\u201c" else \
            t[:1] == '"' and t.count('"') % 2 == 1

    @staticmethod
    def _credited(text: str, after: str) -> bool:
        """The quotation's own paragraph names its source: a speech verb outside the quote,
        a label or lead-in ending in a colon before it ("On screen:", "As she puts it:"), a
        dash credit after it ("— Jane Doe", "” - Jane"), or the next paragraph is a credit line
        (a dash, or a short line that says who spoke: "said Jane Doe, the mayor.")."""
        outside = _QUOTE.sub(" ", text)
        return bool(_SPEECH.search(outside) or re.search(r"\bputs?\s+it\b", outside)
                    or re.search(r"\w[\w)*_]*:\s*[*_]*[" + _OPEN + r"]", text)
                    or re.search(r"[\u2014\u2013]\s*(?:[A-Z*_]|\ufffc)", outside)
                    or re.search(r"[" + _CLOSE + r"][*_]*\s+-{1,2}\s*[*_]*[A-Z]", text)
                    or re.match(r"\s*(?:[\u2014\u2013-]|\ufffc)", after)
                    or (len(after.split()) <= 10 and _SPEECH.search(_QUOTE.sub(" ", after))))

    def _attributed(self, doc: Document, blocks, i: int) -> bool:
        """Attributed in the paragraph, in the paragraph before, or (for a run of quotation
        paragraphs: a quote that goes on over several paragraphs, a list of quoted questions)
        in the paragraph before the run's first."""
        def text_of(j: int) -> str:
            return doc.prose[blocks[j].start:blocks[j].end]
        after = text_of(i + 1)[:200] if i + 1 < len(blocks) else ""
        j = i
        while True:
            if self._credited(text_of(j), after):
                return True
            if j == 0:
                return False
            before = text_of(j - 1)
            if not (self._quotation(before) or self._runs_on(before)) or i - j >= 8:
                break
            j -= 1
            after = ""
        return bool(_SPEECH.search(_QUOTE.sub(" ", before)) or re.search(r"\w\W{0,3}:\s*[*_]*$", before))

    @staticmethod
    def _beside_quote(text: str, s: int, e: int) -> bool:
        """The verb attributes a quotation: right after one (", she claimed.) or before one
        (stated: "...)."""
        before = text[max(0, s - 40):s]
        after = text[e:e + 12]
        return bool(re.search(r"[,.!?]?[" + _CLOSE + r"]\s*(?:[\w.'\u2019-]+\s+){0,4}$", before)) or \
            bool(re.match(r"(?:\s+that)?[:,]?\s*[" + _OPEN + r"]", after))
