"""British and American spellings: regular patterns checked against the word lists,
plus the irregular pairs of ``rules/data/dialect_spellings.toml``; which form each dialect
(en-US, en-GB, en-CA, en-AU) uses, family by family, is in ``rules/data/dialects.toml``.

``american_of("colour") == "color"``; ``british_of("color") == "colour"``. A pattern only
counts when the other form is a known word and the form given is not one of the curated
American words (pyspellchecker's list is American, so British forms are missing from it).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newslint.api import Resource, tomllib

from .lexicon import lexicon


# (british regex, american replacement): each applied to the end or inside of a word
_GB_TO_US = [
    (re.compile(r"our(?=(?:s|ed|ing|ite|ites|itism|able|ably|er|ers|ful|fully|less|ist|ists|al|ally|hood|hoods|ly|y|ing|ings)?$)"), "or"),
    (re.compile(r"is(?=(?:e|es|ed|ing|er|ers|ation|ations|ational)$)"), "iz"),
    (re.compile(r"ys(?=(?:e|es|ed|ing|er|ers)$)"), "yz"),
    (re.compile(r"(?<=[bt])re(?=(?:s|d)?$)"), "er"),
    (re.compile(r"(?<=[aeiou])ll(?=(?:ed|ing|er|ers|ous|ously)$)"), "l"),
    (re.compile(r"(?<=[a-z])ae(?=[mdstco][a-z]{2,})|^ae(?=[st][a-z]{3,})"), "e"),
    (re.compile(r"(?<=[a-z])oe(?=[sd][a-z]{3,})"), "e"),
]


def _read_pairs() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    raw = tomllib.loads(resources.files("newslint.rules").joinpath("data/dialect_spellings.toml").read_text(encoding="utf-8"))
    gb_us = {k.lower(): v.lower() for k, v in raw["pairs"].items()}
    gb_us.update({k.lower(): v.lower() for k, v in raw["british_only"].items()})
    us_gb = {v.lower(): k.lower() for k, v in raw["pairs"].items()}
    return gb_us, us_gb, frozenset(raw["exceptions"]["words"])


_data = Resource("dialect-spellings", _read_pairs)


@lru_cache(maxsize=100_000)
def american_of(word: str) -> str | None:
    """The American spelling of a British form, or None."""
    w = word.lower()
    gb_us, _, exceptions = _data()
    if w in exceptions:
        return None
    if w in gb_us:
        return gb_us[w]
    lex = lexicon()
    if lex.in_curated(w):
        return None  # already an American word
    for pattern, repl in _GB_TO_US:
        for m in pattern.finditer(w):
            us = w[:m.start()] + repl + w[m.end():]
            if us != w and lex.in_curated(us):
                return us
    return None


@lru_cache(maxsize=100_000)
def british_of(word: str) -> str | None:
    """The British spelling of an American form, or None."""
    w = word.lower()
    gb_us, us_gb, exceptions = _data()
    if w in us_gb and us_gb[w] not in exceptions:
        return us_gb[w]
    if w in exceptions or not lexicon().in_curated(w):
        return None
    for gb in _british_candidates(w):
        if gb not in exceptions and american_of(gb) == w and lexicon().zipf(gb) >= 2.0 \
                and lexicon().zipf(w) - lexicon().zipf(gb) <= 1.0:
            # a real pair is in use on both sides (center 5.2, centre 5.0); a far rarer "British"
            # form is another language's word or a name (letter/lettre, enter/entre, Peter/Petre)
            return gb
    return None


def _british_candidates(w: str) -> list[str]:
    out = []
    for m in re.finditer(r"(?<=[a-z]{2})or(?=(?:s|ed|ing|ite|ites|able|ably|er|ers|ful|less|al|hood|ly|y)?$)", w):
        out.append(w[:m.start()] + "our" + w[m.end():])
    for m in re.finditer(r"iz(?=(?:e|es|ed|ing|er|ers|ation|ations)$)", w):
        out.append(w[:m.start()] + "is" + w[m.end():])
    for m in re.finditer(r"yz(?=(?:e|es|ed|ing)$)", w):
        out.append(w[:m.start()] + "ys" + w[m.end():])
    for m in re.finditer(r"(?<=[bt])er(?=(?:s|ed)?$)", w):
        out.append(w[:m.start()] + "re" + w[m.end():])
    for m in re.finditer(r"(?<=[aeiou])l(?=(?:ed|ing|er|ers|ous)$)", w):
        out.append(w[:m.start()] + "ll" + w[m.end():])
    return out


_FAMILIES = (("our", "our", "or"), ("ize", "is", "iz"), ("yze", "ys", "yz"), ("re", "re", "er"),
             ("ll", "ll", "l"), ("ae", "ae", "e"), ("ae", "oe", "e"))


def family_of(british: str, american: str) -> str:
    """The spelling family a British/American pair belongs to ("our", "ize", ..., "pairs")."""
    for name, gb, us in _FAMILIES:
        i = british.find(gb)
        while i != -1:
            if british[:i] + us + british[i + len(gb):] == american:
                return name
            i = british.find(gb, i + 1)
    return "pairs"


_preferences = Resource("dialect-preferences", lambda: tomllib.loads(
    resources.files("newslint.rules").joinpath("data/dialects.toml").read_text(encoding="utf-8")))


def preferred(dialect: str, british: str, american: str) -> str:
    """Which form `dialect` uses for this pair: "gb", "us" or "both"."""
    prefs = _preferences().get(dialect) or _preferences()["en-US"]
    for side in ("gb", "us", "both"):
        if british in prefs.get(f"{side}-words", ()):
            return side
    return prefs.get(family_of(british, american), prefs["pairs"])


def other_dialect_form(word: str, dialect: str, accept_ize: bool = False) -> tuple[str, str] | None:
    """(the form `dialect` uses, "British" or "American") when lower-case `word` is the other
    dialect's spelling, else None. `accept_ize` takes -ize as well as -ise (Oxford spelling)."""
    us = american_of(word)
    if us:
        british, american, side = word, us, "gb"
    else:
        gb = british_of(word)
        if not gb:
            return None
        british, american, side = gb, word, "us"
    want = preferred(dialect, british, american)
    if want in ("both", side) or (accept_ize and side == "us" and family_of(british, american) == "ize"):
        return None
    return (american if want == "us" else british), ("British" if side == "gb" else "American")
