"""punctuation/apostrophe: an apostrophe in a plural (the 1990's) or in a plural noun used as
a modifier (human rights' groups), and an accent or backtick typed for an apostrophe (Russia´s).

Style point: every newsroom guide (AP, Guardian, BBC, Reuters): no apostrophe in plurals or in
plural nouns used as modifiers (human rights groups, sports fans). Typography: U+00B4 (acute
accent) and U+0060 (grave accent, the backtick) are spacing accents, never apostrophes; they
sit where the apostrophe does on many keyboard layouts. Judged on govuk-news (2026-12-02): the ten
such marks in its published copy, on two pages, were all slips ("Russia´s", "EU´s", "VMD`s").
"""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.word_classes import FUNCTION_WORDS, selection


# Plural nouns that modify another noun in their plural form, with no apostrophe (the style
# guides' own examples and Merriam-Webster's compound entries: human rights group, civil
# rights movement, sports car, sales tax, savings account, arms race, arts center, customs
# officer, earnings report, futures contract).
ATTRIBUTIVE_PLURALS = frozenset({"rights", "sports", "sales", "savings", "arms", "arts", "customs", "earnings",
                                 "futures", "securities", "communications", "humanities", "athletics"})
_NOT_NOUN = selection(FUNCTION_WORDS, """and or but of to in on at for with by from as than that which who is are
was were be been the a an this these those their its his her our your my not also""")


class Apostrophe(Rule):
    """What it does: reports an apostrophe in the plural of a decade or year (``the 1990's``,
    ``the 80's`` -> ``the 1990s``, ``the '80s``), after a plural noun used as a modifier
    (``human rights' organizations`` -> ``human rights organizations``, ``sports' fans``), and
    an accent or backtick typed for an apostrophe (``Russia´s``, ``VMD`s``) before the endings
    an apostrophe takes (s, t, d, m, ll, re, ve).

    Why: AP and the Guardian alike: plurals take no apostrophe; a modifier is not a
    possessive. An accent is not an apostrophe: it prints as an accent mark, and a search
    for "Russia's" does not find "Russia´s". The decade fix and the accent fix
    are safe (the accent becomes the story's own apostrophe, curly or straight); the modifier
    fix is offered, not applied.

    Example: "Music from the 1990's is back" -> "1990s" (a safe fix); "human rights'
    organizations" -> "rights"; "Russia´s war" -> "Russia’s".
    """

    id = "punctuation/apostrophe"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    summary = "A misplaced apostrophe in a plural ('the 1990's', a safe fix; 'human rights' groups'), or an accent typed for one ('Russia´s')."
    _DECADE = re.compile(r"\b((?:1[0-9]|20)?\d0)['\u2019]s\b")
    _MODIFIER = re.compile(r"\b([A-Za-z]+s)(['\u2019])(?=[ \t]+([a-z][a-z-]+))")
    _ACCENT = re.compile(r"\b[A-Za-z]+([\u00b4`])(?:s|t|d|m|ll|re|ve)\b")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        accented = "\u00b4" in doc.prose or "`" in doc.prose  # rare: most stories skip that scan
        # the story's own apostrophe, which the accent becomes
        mark = ("\u2019" if doc.prose.count("\u2019") > doc.prose.count("'") else "'") if accented else ""
        for b in self.blocks(doc):
            for m in self._ACCENT.finditer(doc.prose, b.start, b.end) if accented else ():
                word = m.group(0)
                fixed = word.replace(m.group(1), mark)
                yield self.report(doc, m.start(), m.end(), f"'{word}': '{m.group(1)}' is an accent, not an apostrophe "
                                  f"('{fixed}')", [fixed], fix=fixed)
            for m in self._DECADE.finditer(doc.prose, b.start, b.end):
                label = re.search(r"\b([A-Z][A-Za-z]+)\s+$", doc.prose[max(b.start, m.start() - 30):m.start()])
                if label and label.group(1).lower() not in _NOT_NOUN and len(m.group(1)) < 4:
                    continue  # a possessive of a numbered thing ("Schedule 70's terms")
                fixed = m.group(1) + "s"
                yield self.report(doc, m.start(), m.end(), f"No apostrophe in the plural '{fixed}'", [fixed], fix=fixed)
            for m in self._MODIFIER.finditer(doc.prose, b.start, b.end):
                word, nxt = m.group(1), m.group(3)
                if word.lower() not in ATTRIBUTIVE_PLURALS or nxt in _NOT_NOUN or word[0].isupper():
                    continue  # a capital: a name's possessive ("JD Sports' counsel")
                if m.group(2) == "\u2019" and "\u2018" in doc.prose[max(b.start, m.start() - 80):m.start()]:
                    continue  # the closing mark of a single quotation ("the \u2018human rights\u2019 case")
                yield self.report(doc, m.start(), m.end(), f"'{word}' modifies '{nxt}' here: no apostrophe "
                                  f"('{word} {nxt}')", [word], fix=word, safe=False)
