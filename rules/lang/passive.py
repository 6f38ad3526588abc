"""Passive-voice detection: a form of "be" (or "get"), optional adverbs, then a past participle.

Past participles are regular -ed forms of known verbs or irregular participles. The list
of irregular participles is compiled from the standard English irregular verbs
(Merriam-Webster's principal parts of each verb).
"""
from __future__ import annotations

import re

from .word_classes import BE_FORMS, words

BE = BE_FORMS | words("isn't aren't wasn't weren't 's 're")
GET = frozenset("get gets got gotten getting".split())
IRREGULAR_PARTICIPLES = frozenset("""
arisen awoken born borne beaten become begun bent bet bid bitten bled blown broken bred brought
built burnt burst bought cast caught chosen clung come cost crept cut dealt dug done drawn dreamt
drunk driven eaten fallen fed felt fought found fled flung flown forbidden forecast forgotten
forgiven forsaken frozen given gone ground grown hung heard hidden hit held hurt kept knelt known
laid led leant leapt learnt left lent let lain lit lost made meant met mistaken misunderstood
overcome overseen overtaken overthrown paid proven put quit read rid ridden rung risen run said
seen sought sold sent set sewn shaken shed shone shot shown shrunk shut sung sunk sat slain slept
slid slung smelt sown spoken sped spent spilt spun spit split spoilt spread sprung stood stolen
stuck stung stunk struck strung sworn swept swollen swum swung taken taught torn told thought
thrown thrust trodden understood undertaken undone upset woken worn woven wept won wound withdrawn
withheld withstood written
""".split())
# -ed words after "be" that are adjectives in news use, not passives (Merriam-Webster lists
# each as an adjective): "she was tired", "they were concerned"
ADJECTIVAL = frozenset("""tired concerned worried interested excited pleased married surprised
scared bored confused disappointed delighted satisfied determined prepared supposed used related
involved qualified experienced limited advanced complicated sophisticated crowded detailed
dedicated talented skilled aged armed alleged ashamed balanced based biased blessed""".split())
_ADVERB = re.compile(r"^(?:\w+ly|not|never|also|already|still|being|just|now|then|often|widely|all|both)$")
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")


def is_participle(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PARTICIPLES:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in ADJECTIVAL


def find_passives(sentence: str) -> list[tuple[int, int]]:
    """(start, end) spans of passive constructions in a sentence."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sentence)]
    out = []
    for i, (s, e, t) in enumerate(toks):
        low = t.lower().replace("\u2019", "'")
        if low not in BE and low not in GET:
            continue
        j = i + 1
        while j < len(toks) and _ADVERB.match(toks[j][2].lower()) and j - i <= 3:
            j += 1
        if j < len(toks) and is_participle(toks[j][2]):
            # "is used to + verb" and "is supposed to" are not passives of the verb
            if toks[j][2].lower() in ("used", "supposed") and j + 1 < len(toks) and toks[j + 1][2].lower() == "to":
                continue
            out.append((s, toks[j][1]))
    return out
