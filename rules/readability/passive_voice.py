"""readability/passive-voice: a passive construction (off by default)."""
from __future__ import annotations

from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.passive import find_passives

from .grade import body_sentences


class PassiveVoice(Rule):
    """What it does: reports passive constructions: a form of "be" or "get", optional
    adverbs, then a past participle (regular or irregular: "was hit", "were being
    driven"). Adjectives after "be" ("was tired") are not passives.

    Why: the passive hides who did what, which news readers need to know. It is a
    note, not an error: "was killed" is often right.

    Example: "The suspect was arrested by police." -> "was arrested".
    """

    id = "readability/passive-voice"
    category = Category.READABILITY
    default_severity = Severity.INFO
    summary = "A passive construction, be or get and a past participle ('was hit by', 'were driven')."
    enabled_by_default = False

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for s in body_sentences(doc):
            for a, b in find_passives(s.text):
                yield self.report(doc, s.start + a, s.start + b,
                                  f"Passive voice '{s.text[a:b]}'; say who acted if it matters")
