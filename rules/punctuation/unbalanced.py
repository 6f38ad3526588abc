"""Punctuation and typography: spacing, doubled marks, unbalanced quotation marks and
brackets, mixed quote styles, misplaced apostrophes.

Style point: every newsroom guide (AP, Guardian, BBC, Reuters) — one space between words and
none before a comma or full stop; quotation marks and brackets in pairs; one quote style per
story; no apostrophe in plurals (the 1990s) or in plural nouns used as modifiers (human rights
groups, sports fans). These concern the text as published, so quotes are checked too.
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
    """

    id = "punctuation/spacing"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "A space before punctuation, or doubled spaces between words."
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
                yield self.report(doc, s, e, f"Space before '{m.group(2)}'", [""], fix="")
            for m in self._DOUBLE.finditer(doc.prose, b.start, b.end):
                s, e = m.span(1)
                if _PLACEHOLDER in doc.prose[max(b.start, s - 1):e + 1] or not doc.smap.is_verbatim(s - 1, e + 1):
                    continue
                yield self.report(doc, s, e, f"{e - s} spaces between words; one is enough", [" "], fix=" ",
                                  severity=Severity.INFO)


class DoubledPunctuation(Rule):
    """What it does: reports a doubled comma, semicolon, colon or full stop (``,,``, ``..``
    that is not an ellipsis) and runs of exclamation or question marks.

    Why: a typing slip, or a tone a news story does not take.
    """

    id = "punctuation/doubled"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "Doubled punctuation (,, ;; .. !! ??)."
    _RX = re.compile(r"(?<![.])([,;:])\1+|(?<![.])\.\.(?![.])|!{2,}|\?{2,}")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for b in self.blocks(doc):
            for m in self._RX.finditer(doc.prose, b.start, b.end):
                mark = m.group(0)[0]
                yield self.report(doc, m.start(), m.end(), f"Doubled punctuation '{m.group(0)}'", [mark], fix=mark)


class Unbalanced(Rule):
    """What it does: reports a closing quotation mark or bracket with no opening one and an
    unclosed bracket (warnings), and an opening quotation mark with no closing one in its
    paragraph (info: copy that runs a quotation on without reopening it is common). A
    quotation that runs on into the next paragraph, which opens with a quotation mark again,
    is the news convention and is left alone.

    Why: a lost closing mark leaves the reader unsure where the quotation ends.
    """

    id = "punctuation/unbalanced"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "An unclosed quotation mark or bracket."
    skip_scopes = frozenset({"table"})
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
                elif not any(lm.end() == m.end() for lm in self._LABEL.finditer(text, max(0, m.start() - 4), m.end())):
                    yield self.report(doc, b.start + m.start(), b.start + m.end(),
                                      "Closing bracket ')' with no opening one")
            for o in opens:
                yield self.report(doc, b.start + o, b.start + o + 1, "Bracket '(' is never closed")

    def _open(self, doc: Document, at: int, mark: str) -> Diagnostic:
        # a note, not a warning: a quotation may run on into a paragraph that does not reopen it
        return self.report(doc, at, at + 1, f"Quotation mark '{mark}' is never closed in its paragraph",
                           severity=Severity.INFO)


class MixedQuotes(Rule):
    """What it does: reports a story that mixes straight quotation marks and apostrophes
    ("... " and ') with curly ones (“ ” ‘ ’), once, at the first mark of the less used style.

    Why: one story, one typography; a mix usually means text pasted from two sources.
    """

    id = "punctuation/mixed-quotes"
    category = Category.PUNCTUATION
    default_severity = Severity.INFO
    summary = "Straight and curly quotation marks mixed in one story."
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


# Plural nouns that modify another noun in their plural form, with no apostrophe (the style
# guides' own examples and Merriam-Webster's compound entries: human rights group, civil
# rights movement, sports car, sales tax, savings account, arms race, arts center, customs
# officer, earnings report, futures contract).
ATTRIBUTIVE_PLURALS = frozenset({"rights", "sports", "sales", "savings", "arms", "arts", "customs", "earnings",
                                 "futures", "securities", "communications", "humanities", "athletics"})
_NOT_NOUN = frozenset("""and or but of to in on at for with by from as than that which who is are was were be been
the a an this these those their its his her our your my not also""".split())


class Apostrophe(Rule):
    """What it does: reports an apostrophe in the plural of a decade or year (``the 1990's``,
    ``the 80's`` -> ``the 1990s``, ``the '80s``) and after a plural noun used as a modifier
    (``human rights' organizations`` -> ``human rights organizations``, ``sports' fans``).

    Why: AP and the Guardian alike: plurals take no apostrophe; a modifier is not a
    possessive. The decade fix is safe; the modifier fix is offered, not applied.
    """

    id = "punctuation/apostrophe"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "A misplaced apostrophe in a plural (the 1990's, human rights' groups)."
    _DECADE = re.compile(r"\b((?:1[0-9]|20)?\d0)['\u2019]s\b")
    _MODIFIER = re.compile(r"\b([A-Za-z]+s)(['\u2019])(?=[ \t]+([a-z][a-z-]+))")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for b in self.blocks(doc):
            for m in self._DECADE.finditer(doc.prose, b.start, b.end):
                fixed = m.group(1) + "s"
                yield self.report(doc, m.start(), m.end(), f"No apostrophe in the plural '{fixed}'", [fixed], fix=fixed)
            for m in self._MODIFIER.finditer(doc.prose, b.start, b.end):
                word, nxt = m.group(1), m.group(3)
                if word.lower() not in ATTRIBUTIVE_PLURALS or nxt in _NOT_NOUN:
                    continue
                yield self.report(doc, m.start(), m.end(), f"'{word}' modifies '{nxt}' here: no apostrophe "
                                  f"('{word} {nxt}')", [word], fix=word, safe=False)
