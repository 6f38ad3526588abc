"""grammar/contraction: "who's term", "it's own": a contraction where the possessive belongs."""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity, match_case
from newslint.rules.lang.word_classes import FUNCTION_WORDS

_ITS_OWN = re.compile(r"(?<![\w'\u2019-])(it['\u2019]s)(\s+own)\b", re.I)
_WHOS = re.compile(r"(?<![\w'\u2019-])(who['\u2019]s)\s+([a-z]+)\b(?![\w'\u2019-])", re.I)
# how much likelier (natural log) "whose X" must be than "who is X" and "who has X" in the
# trigram model: a noun after "who's" ("who's term"), not an adjective or verb ("who's next")
MARGIN = 1.5


class Contraction(Rule):
    """What it does: reports "it's own" (always "its own") and "who's" before a noun, where
    "whose" belongs ("who's term ended"), telling a noun from what may follow "who is" or
    "who has" with the trigram language model.

    Why: the contraction for the possessive is among the slips readers notice most, and a
    spell checker passes it.

    Example: "the councillor who's term ended" -> "whose term".

    Leaves alone: "who's" before a verb, an adjective or an adverb ("who's running", "who's
    responsible", "who's next", "who's who"), and any word the model does not know. In a
    direct quote the finding is an info note.

    Measured: 2 of 2 findings right on the six published corpora; too few for an error, so a warning.
    """

    id = "grammar/contraction"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    summary = "A contraction where the possessive belongs: 'it's own', 'who's term'."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        prose = doc.prose
        for block in doc.blocks:
            for m in _ITS_OWN.finditer(prose, block.start, block.end):
                right = match_case(m.group(1), "its")
                yield self._report(doc, m.start(1), m.end(1), f"'{m.group(0)}': the possessive is '{right}'", right)
            for m in _WHOS.finditer(prose, block.start, block.end):
                word = m.group(2)
                if not word.islower() or word in FUNCTION_WORDS or word.endswith(("ing", "ed")) or not _noun_after(word):
                    continue
                right = match_case(m.group(1), "whose")
                yield self._report(doc, m.start(1), m.end(1),
                                   f"'{m.group(0)}': 'who's' is 'who is' or 'who has'; the possessive is '{right}'", right)

    def _report(self, doc: Document, s: int, e: int, message: str, right: str) -> Diagnostic:
        if doc.in_quote(s, e):
            return self.report(doc, s, e, message + " (in a direct quote: check it against the notes)", [right],
                               severity=Severity.INFO)
        return self.report(doc, s, e, message, [right], fix=right, safe=False)


def _noun_after(word: str) -> bool:
    from newslint.rules.lang import ngram

    if not ngram.in_vocab(word):
        return False
    as_whose = ngram.logp(word, "whose")
    as_verb = max(ngram.logp(word, "is", "who"), ngram.logp(word, "has", "who"))
    return as_whose - as_verb >= MARGIN
