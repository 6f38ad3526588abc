"""grammar/repeated-word: "the the", also across a line break."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from newslint.api import Applicability, Category, Diagnostic, Document, Edit, Fix, Rule, Severity
from newslint.rules.lang.word_classes import CLOSED_CLASS, PARTICLES, PREPOSITIONS, selection

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
    summary = "A word written twice in a row ('the the'), also across a line break; a safe fix."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        prose = doc.prose
        for block in doc.blocks:
            for m in _PAIR.finditer(prose, block.start, block.end):
                first, second = m.group(1), m.group(3)
                if first.lower() in GRAMMATICAL_DOUBLES or _grammatical(prose, m, block.start):
                    continue
                if _quoted_term(doc, m.start(1), m.end(3)):
                    continue  # the double is itself the quoted term: "done done"
                after = prose[m.end(3):min(m.end(3) + len(second) + 3, block.end)]  # not the next block's
                if re.match(r"\s+" + re.escape(second) + r"\b", after, re.I):
                    continue  # a deliberate triple: "help help help"
                if first[0].isupper() and first.lower() not in _FUNCTION_WORDS and (second[0].isupper() or
                                                                                   second.islower()):
                    # a name such as "Sirhan Sirhan" or "Duran Duran"; a species named by a
                    # tautonym, genus then species ("Gorilla gorilla", "Bison bison")
                    continue
                if second.isupper() and len(second) > 1 and not first.isupper():
                    continue  # a placeholder or an acronym after the word: "the route ROUTE"
                # the fix deletes the space before the second word and the word itself;
                # the suggestion "" says the same for the span (delete it)
                d = self.report(doc, m.start(3), m.end(3), f"Repeated word: '{second}' follows '{first}'",
                                [""])
                if doc.smap.is_verbatim(m.start(2), m.end(3)):
                    s, e = doc.source_span(m.start(2), m.end(3))
                    d = replace(d, fix=Fix((Edit(s, e, ""),), Applicability.SAFE,
                                           f"delete the repeated '{second}'"))
                yield d


# grammar words that begin no name: "The The" is a slip, "Duran Duran" a band
_FUNCTION_WORDS = selection(CLOSED_CLASS, "the a an of to in on at for and or but is are was were be by with from as "
                            "it")

# "that that" is grammatical only as conjunction + demonstrative pronoun: after a verb or
# noun that takes a that-clause, and followed by a singular verb ("he said that that was
# wrong", "the fact that that happened"). After another noun it is a doubled relative
# ("a task that that required"); before a determiner, subject or plural verb it is a slip.
_CLAUSE_TAKERS = frozenset("""said says say saying told tells think thinks thought believe believes believed
know knows knew argue argues argued claim claims claimed note notes noted show shows showed shown
suggest suggests suggested mean means meant hope hopes hoped feel feels felt realise realised realize
realized insist insisted agree agreed admit admitted fact so such is was ensure ensured clear""".split())
_NOT_AFTER = selection(CLOSED_CLASS, """the a an this these those he she they we i you it there his her their its
our my your such are were have do""")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_PREV_WORD = re.compile(r"([^\W\d_]+)\W*$")


# a doubled particle of a phrasal verb is grammatical: "checked in in March", "logged on on
# Monday", "gave up up there" (PARTICLES: Merriam-Webster lists each as an adverb particle).
# Phrasal verbs whose particle is also a preposition, in all their forms (Merriam-Webster
# entries "check in", "log on", "sign up", "turn in", "give up", "hand in", "cash in", ...)
_PHRASAL_FORMS = frozenset("""check checks checked checking log logs logged logging sign signs signed
signing turn turns turned turning give gives gave given giving take takes took taken taking hand hands
handed handing put puts putting get gets got gotten getting keep keeps kept keeping pass passes passed
passing step steps stepped stepping weigh weighs weighed weighing call calls called calling show shows
showed shown showing cash cashes cashed cashing clock clocks clocked clocking fill fills filled filling
plug plugs plugged plugging tune tunes tuned tuning phone phones phoned phoning dial dials dialed
dialled dialing dialling log-in sit sits sat sitting stay stays stayed staying move moves moved moving
set sets setting hold holds held holding""".split())


# ...unless a preposition follows, so that the second word has no object: "cash in in on the fame"
_PREPOSITIONS = PARTICLES | selection(PREPOSITIONS, "at to for with from into onto of by about")


def _grammatical(prose: str, m: re.Match, block_start: int) -> bool:
    word = m.group(1).lower()
    if word in PARTICLES:
        prev = _PREV_WORD.search(prose[max(block_start, m.start() - 40):m.start()])
        # only a verb directly before the pair, with nothing but space between
        p = prev.group(1).lower() if prev and prev.group(0)[len(prev.group(1)):].isspace() else ""
        nxt = _NEXT_WORD.match(prose, m.end(3))
        # the second word must be a preposition with an object: "cash in in on the fame" is a slip
        return p in _PHRASAL_FORMS and not (nxt and nxt.group(1).lower() in _PREPOSITIONS)
    if word == "that":
        nxt = _NEXT_WORD.match(prose, m.end(3))
        prev = _PREV_WORD.search(prose[max(block_start, m.start() - 40):m.start()])
        if nxt and re.match(r"[.,;:!?)\u2019\u201d]|$", prose[nxt.end():nxt.end() + 1]) \
                and nxt.group(1).lower().endswith("s") and nxt.group(1).lower() not in _NOT_AFTER:
            return True  # relative and demonstrative, the verb's object before them: "the grief that that brings."
        return bool(prev and prev.group(1).lower() in _CLAUSE_TAKERS
                    and not (nxt and nxt.group(1).lower() in _NOT_AFTER))
    if word == "is":
        # "what it is is that ...": a clause ending in "is" used as a subject
        before = prose[max(block_start, m.start() - 60):m.start()].lower()
        return bool(re.search(r"\bwhat\b[^.!?]*$", before))
    return False


def _quoted_term(doc: Document, start: int, end: int) -> bool:
    """True when a quotation holds nothing but this doubled phrase (and punctuation)."""
    for qs, qe in doc.quote_spans:
        if qs <= start and end <= qe:
            inner = doc.prose[qs:qe].strip("\"\u201c\u201d.,;:!? ")
            return inner == doc.prose[start:end]
    return False
