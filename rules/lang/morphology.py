"""Regular English word formation: is an unknown word a known word with a regular ending or
prefix ("redactions", "offboarding", "unmissable"), or two known words run together?

The rules are the spelling rules of English inflection and derivation as grammars state them
(Quirk et al., *A Comprehensive Grammar of the English Language*, appendix I: -s/-es, -ies after
a consonant and y, e dropped before a vowel suffix, a final consonant doubled after a single
stressed vowel). Two facts of usage keep slips out:

- the undoubled form of a consonant-vowel-consonant base is the classic misspelling
  ("prefered", "begining", "stoped"), so it never counts as regular here;
- a formed word that is one edit from a far more frequent word other than its base is read as
  a slip of that word ("wors" is not "wor" + s but a slip of "work").

A word is explained only by a base the lexicon knows well (Zipf 2.5 or more: about once in
three million words) and of four letters or more, so that short fragments explain nothing.
"""
from __future__ import annotations

from typing import Callable

from .lexicon import edits1, lexicon
from .word_classes import CLOSED_CLASS

_VOWELS = frozenset("aeiou")
_DOUBLE = "double"  # recovery marker: the base is the stem without its doubled last letter

# suffix -> ways back to the base: (letters to strip, letters to add)
_SUFFIXES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("ies", (("ies", "y"),)), ("es", (("es", ""),)), ("s", (("s", ""),)),
    ("ied", (("ied", "y"),)), ("ed", (("ed", ""), ("d", ""), ("ed", _DOUBLE))),
    ("ing", (("ing", ""), ("ing", "e"), ("ing", _DOUBLE))),
    ("ers", (("ers", ""), ("rs", ""), ("ers", _DOUBLE), ("iers", "y"))),
    ("er", (("er", ""), ("r", ""), ("er", _DOUBLE), ("ier", "y"))),
    ("ability", (("ability", ""), ("ability", "e"), ("ability", "ate"))),
    ("ably", (("ably", "able"),)), ("ibly", (("ibly", "ible"),)),
    ("able", (("able", ""), ("able", "e"), ("able", _DOUBLE), ("iable", "y"), ("able", "ate"))),
    ("ness", (("ness", ""), ("iness", "y"))),
    ("ly", (("ly", ""), ("ily", "y"), ("ly", "le"))),
    ("ish", (("ish", ""), ("ish", "e"), ("ish", _DOUBLE))),
    ("less", (("less", ""),)), ("ful", (("ful", ""),)),
    ("ified", (("ified", "ify"),)), ("ifier", (("ifier", "ify"),)), ("ifiers", (("ifiers", "ify"),)),
    ("ization", (("ization", "ize"),)), ("isation", (("isation", "ise"), ("isation", "ize"))),
    ("izing", (("izing", "ize"),)), ("ising", (("ising", "ise"), ("ising", "ize"))),
    ("ised", (("ised", "ise"), ("ised", "ize"))), ("ises", (("ises", "ise"), ("ises", "ize"))),
)
# suffixes before which an undoubled CVC base is the classic slip
_DOUBLING = frozenset(("ed", "ing", "er", "ers", "able", "ish"))
# word-forming prefixes (Merriam-Webster's list of English prefixes, the productive ones)
PREFIXES = ("anti", "counter", "cyber", "de", "dis", "eco", "hyper", "inter", "mega", "micro", "mis", "multi",
            "non", "over", "post", "pre", "pro", "re", "semi", "sub", "super", "tele", "trans", "ultra", "un",
            "under", "bio", "geo", "neo", "socio", "astro", "co", "hydro", "kilo", "nano", "giga", "macro", "meta",
            "auto", "self", "out", "up", "down", "mid", "cross", "intra", "infra", "pseudo", "quasi", "tri", "bi")
_BASE_ZIPF = 2.5
_JOIN_MAX = 6.5  # the commonest words ("from", "the": Zipf 7) join others by a missing space, not by compounding
_SLIP_GAP = 1.5  # a neighbour this much more frequent (Zipf) than the formed word makes it a slip


def _cvc(b: str) -> bool:
    """Ends consonant-vowel-consonant (not w, x or y): "stop", "prefer", "begin"."""
    return (len(b) >= 3 and b[-1] not in _VOWELS and b[-1] not in "wxy" and b[-2] in _VOWELS
            and b[-3] not in _VOWELS)


def _analyses(w: str) -> list[tuple[str, str]]:
    """(base, suffix) readings of `w` under the spelling rules of English suffixes."""
    out = []
    for suffix, ways in _SUFFIXES:
        if not w.endswith(suffix) or len(w) - len(suffix) < 2:
            continue
        for strip, add in ways:
            if not w.endswith(strip):
                continue
            stem = w[: -len(strip)]
            if add == _DOUBLE:
                if len(stem) >= 4 and stem[-1] == stem[-2] and _cvc(stem[:-1]):
                    out.append((stem[:-1], suffix))
                continue
            base = stem + add
            if add == "" and suffix in _DOUBLING and _cvc(base) and strip[0] in "eia":
                continue  # "prefered", "begining": the slip, not a regular form
            if suffix in ("s", "es") and base.endswith(("es", "ies")):
                continue
            if suffix == "s" and len(base) > 1 and base.endswith("y") and base[-2] not in _VOWELS:
                continue  # city -> cities, never "citys"
            out.append((base, suffix))
    return out


def _known_base(b: str, known: Callable[[str], bool]) -> bool:
    """A base that forms words: a known open-class word ("withs" is a slip, not with + s)."""
    return (len(b) >= 4 and b.isalpha() and b not in CLOSED_CLASS and known(b)
            and lexicon().zipf(b) >= _BASE_ZIPF)


def _derived(w: str, known: Callable[[str], bool], depth: int = 0) -> str | None:
    """The base that forms `w` with regular suffixes and prefixes (two steps at most)."""
    for base, _ in _analyses(w):
        if _known_base(base, known) or (depth == 0 and _derived(base, known, 1)):
            return base
    for p in PREFIXES:
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 3 and (_known_base(rest, known) or (depth == 0 and _derived(rest, known, 1))):
            return rest
    return None


def _compound(w: str, known: Callable[[str], bool]) -> str | None:
    """Two known words run together ("stinkbomb", "lawtech"), each of middling frequency:
    very common short words join by chance into slips ("eyefrom")."""
    lex = lexicon()
    for i in range(4, len(w) - 3):
        a, b = w[:i], w[i:]
        za = lex.zipf(a)
        if not (lex.in_curated(a) and 3.0 <= za < _JOIN_MAX):
            continue
        zb = lex.zipf(b)
        if lex.in_curated(b) and 3.0 <= zb < _JOIN_MAX and not (za >= 5.5 and zb >= 5.5):
            return a
        base = _derived(b, known, 1)
        if base and lex.zipf(base) >= 3.0:
            return a
    return None


def _slip_of_other(w: str, base: str | None) -> bool:
    """One edit (same first letter) from a word far more frequent than `w`, other than its base."""
    lex = lexicon()
    z = lex.zipf(w)
    for c in edits1(w):
        if c != base and c[:1] == w[:1] and lex.in_curated(c):
            zc = lex.zipf(c)
            if zc >= 3.0 and zc - z >= _SLIP_GAP:
                return True
    return False


def regular_form(word: str, known: Callable[[str], bool]) -> bool:
    """Is `word` (lower case) a regular formation of known words? `known(w)` says whether a
    lower-case word is a real word."""
    w = word.lower()
    base = _derived(w, known)
    if base is None:
        first = _compound(w, known)
        if first is None:
            return False
        base = first
    return not _slip_of_other(w, base)
