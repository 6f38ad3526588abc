"""grammar/repeated-word: "the the", also across a line break."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from linter.diagnostic import Applicability, Category, Diagnostic, Edit, Fix, Severity
from linter.document import Document
from linter.rule import Rule

# Doubled words that are grammatical in context: "had had", "that that", "is is" in
# "what it is is", "do do" (emphatic/dialogue), "was was" is not. Sources: Merriam-Webster
# usage notes on "had had" and "that that"; Garner's Modern English Usage, "that that".
GRAMMATICAL_DOUBLES = frozenset({"had", "do", "very", "bye", "no", "yeah", "ha", "so",
                                 "knock", "tut", "chop", "bling", "cha", "dum", "fifty", "pooh",
                                 "yada", "bora", "walla", "mahi", "baden", "sing", "chin", "tsk"})
_PAIR = re.compile(r"(?<![\w\u2019'-])([^\W\d_]+)(\s+)(\1)(?![\w\u2019'-])", re.IGNORECASE)


class RepeatedWord(Rule):
    """What it does: finds a word written twice in a row ("the the"), even across a line break.

    Why: a doubled word is the commonest slip left by editing a sentence.

    Example: "fails the the test" -> "fails the test".

    Leaves alone: doubles that can be grammatical ("had had", "that that", "is is"),
    reduplications ("bye bye"), and doubles separated by punctuation ("No, no").
    """

    id = "grammar/repeated-word"
    category = Category.GRAMMAR
    default_severity = Severity.ERROR
    summary = "A word written twice in a row."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        prose = doc.prose
        for block in doc.blocks:
            for m in _PAIR.finditer(prose, block.start, block.end):
                first, second = m.group(1), m.group(3)
                if first.lower() in GRAMMATICAL_DOUBLES or _grammatical(prose, m, block.start):
                    continue
                if doc.in_quote(m.start(1), m.end(3)) and doc.in_quote(m.start(1) - 1, m.start(1)):
                    continue  # quoted jargon or speech: "done done"
                if re.match(r"\s+" + re.escape(second) + r"\b", prose[m.end(3):m.end(3) + len(second) + 3], re.I):
                    continue  # a deliberate triple: "help help help"
                if first[0].isupper() and second[0].isupper() and first.lower() not in _FUNCTION_WORDS:
                    continue  # a name such as "Sirhan Sirhan" or "Duran Duran"
                # the fix deletes the space before the second word and the word itself
                d = self.report(doc, m.start(3), m.end(3), f"Repeated word: '{second}' follows '{first}'",
                                [first])
                if doc.smap.is_verbatim(m.start(2), m.end(3)):
                    s, e = doc.source_span(m.start(2), m.end(3))
                    d = replace(d, fix=Fix((Edit(s, e, ""),), Applicability.SAFE,
                                           f"delete the repeated '{second}'"))
                yield d


_FUNCTION_WORDS = frozenset("the a an of to in on at for and or but is are was were be by with from as it".split())

# After "that that", a determiner or subject pronoun means a slip ("said that that the plan");
# a verb means conjunction + demonstrative ("said that that was wrong").
_SUBJECT_START = frozenset("the a an this these those he she they we i you it there his her their its our my your".split())
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _grammatical(prose: str, m: re.Match, block_start: int) -> bool:
    word = m.group(1).lower()
    if word == "that":
        nxt = _NEXT_WORD.match(prose, m.end(3))
        return not (nxt and nxt.group(1).lower() in _SUBJECT_START)
    if word == "is":
        # "what it is is that ...": a clause ending in "is" used as a subject
        before = prose[max(block_start, m.start() - 60):m.start()].lower()
        return bool(re.search(r"\bwhat\b[^.!?]*$", before))
    return False
