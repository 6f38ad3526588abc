"""Does a word begin with a vowel sound? What "a" or "an" before it depends on.

From the CMU Pronouncing Dictionary (``rules/data/first_sounds.txt``, built by
``scripts/build_first_sounds.py``): the words whose first sound differs from what their
first letter suggests ("hour", "union"), those whose pronunciations disagree ("herb"), and
those said letter by letter ("fbi"). Any other word the dictionary or the lexicon knows
sounds as its first letter suggests. Acronyms are read letter by letter unless they read as
a word; numerals are read as numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Literal, Optional

from newslint.api import Resource

Sound = Literal["vowel", "consonant"]

# letters whose names begin with a vowel sound: "an F", "an MP", "an X-ray" (Merriam-Webster's
# pronunciations of the letters; "aitch" is the standard name of H)
VOWEL_NAMED = frozenset("aefhilmnorsx")

# Initialisms that spell a common word but are said letter by letter, so the dictionary's
# reading of the word does not apply. Source: Merriam-Webster's pronunciations of the
# abbreviations LED (\ˌel-ˌē-ˈdē\) and SAT (\ˌes-ˌā-ˈtē\).
SAID_AS_LETTERS = frozenset({"LED", "LEDs", "SAT", "SATs"})
# Abbreviations read as the words they stand for: "a HM Courts service" is "a Her Majesty's
# Courts service" (GOV.UK style guide, "HM": Her/His Majesty's; "HRH": His/Her Royal Highness).
SAID_AS_WORDS = {"HM": "consonant", "HRH": "consonant"}


def _load() -> dict[str, str]:
    out: dict[str, str] = {}
    text = resources.files("newslint.rules").joinpath("data/first_sounds.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cls, _, ws = line.partition("\t")
            out.update(dict.fromkeys(ws.split(), cls))
    return out


first_sounds = Resource("first-sounds", _load)


def _known(word: str) -> bool:
    from .lexicon import lexicon
    from .syllables import table

    return word in table() or lexicon().in_curated(word)


def letter_sound(letter: str) -> Sound:
    return "vowel" if letter.lower() in VOWEL_NAMED else "consonant"


@lru_cache(maxsize=50_000)
def word_sound(word: str) -> Optional[Sound]:
    """The first sound of a lower-case word, or None when it is not known or may be either."""
    cls = first_sounds().get(word)
    if cls == "letters":
        return letter_sound(word[0])
    if cls in ("vowel", "consonant"):
        return cls
    if cls == "either" or not _known(word):
        return None
    if word not in _cmu():
        # a word the dictionary lacks ("usability", "unpublished"): "u" may be a "you" sound
        # ("usability", "unicode") unless it is the prefix "un-"; "eu" and "ew" are "you" sounds;
        # "h" may be silent
        if word[0] == "u":
            return "vowel" if word.startswith("un") and not word.startswith("uni") else None
        if word.startswith(("eu", "ew")):
            return "consonant"
        if word[0] == "h":
            return None
    return "vowel" if word[0] in "aeiou" else "consonant"


def _cmu():
    from .syllables import table

    return table()


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9](?:s|'s|\u2019s)?")
_NUMBER = re.compile(r"[£$€]?(\d[\d,]*)(?:\.\d+)?(?:%|s|m|bn|k|th|st|nd|rd)?")


def number_sound(token: str) -> Optional[Sound]:
    """'8-year-old', '11', '1990s', '£80m': a numeral read aloud; None when the reading varies
    ("1800": "eighteen hundred" or "one thousand eight hundred")."""
    m = _NUMBER.fullmatch(token)
    if not m:
        return None
    digits = m.group(1)
    groups = digits.split(",")
    if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
        return None
    lead = groups[0] if len(groups) > 1 else digits
    if len(groups) == 1 and len(digits) == 4 and digits[:2] in ("11", "18"):
        # a year ("an 1850s house") is read in pairs, a quantity may not be
        return "vowel" if token.endswith("s") and not token.endswith("%s") else None
    if len(groups) == 1 and len(digits) > 3:
        lead = digits[: len(digits) % 3 or 3]
    if lead.startswith("8") or lead in ("11", "18"):
        return "vowel"
    return "consonant"


@lru_cache(maxsize=50_000)
def token_sound(token: str) -> Optional[Sound]:
    """The first sound of the word after an article ("university", "FBI", "8-year-old"),
    or None when it cannot be told."""
    head = re.split(r"[-\u2010\u2013/]", token, maxsplit=1)[0] or token
    head = re.sub(r"['\u2019]s?$", "", head) or head  # "agency's", "agencies'"
    if head[0].isdigit() or head[0] in "£$€":
        return number_sound(head)
    if not head.isascii() or not head[0].isalpha():
        return None
    if len(head) == 1:
        # a letter: "an F grade", "a B-52", "an X-ray"; lower-case single letters are words
        return letter_sound(head) if head.isupper() else None
    if _ACRONYM.fullmatch(head) and sum(c.isupper() for c in head) >= 2:
        return acronym_sound(re.sub(r"(?:'s|\u2019s|s)$", "", head) if head[-1] == "s" else head, head)
    if head[0].islower() and any(c.isupper() for c in head[1:]):
        return None  # "iPhone", "eBay": a brand's own reading
    word = re.sub(r"(?:'s|\u2019s)$", "", head.lower())
    return word_sound(word)


def acronym_sound(acronym: str, written: str = "") -> Optional[Sound]:
    """'FBI' is said letter by letter ('an FBI agent'), 'NATO' as a word ('a NATO summit'),
    'UN' as letters ('a UN agency'). None when the two readings differ and nothing says which."""
    if acronym in SAID_AS_WORDS:
        return SAID_AS_WORDS[acronym]  # type: ignore[return-value]
    if acronym in SAID_AS_LETTERS or written in SAID_AS_LETTERS:
        return letter_sound(acronym[0])
    letters = letter_sound(acronym[0])
    low = acronym.lower()
    if not low.isalpha():
        return letters  # "A&E", "M4"
    cls = first_sounds().get(low)
    if cls == "letters":
        return letters
    if cls == "either":
        return None  # "SQL": letters or "sequel"; "URL": letters or "earl"
    if not re.search(r"[aeiouy]", low):
        return letters  # "NHS", "HMRC": no vowel to say it with
    if _known(low):
        as_word = word_sound(low)
        if as_word == letters:
            return letters
        # "NATO", "SHOP": long enough to be said as the word; "SIM", "RAM": either
        return as_word if len(low) >= 4 else None
    as_word: Optional[Sound] = "vowel" if low[0] in "aeiou" else "consonant"
    return letters if as_word == letters else None
