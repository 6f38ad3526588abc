#!/usr/bin/env python3
"""Build rules/data/first_sounds.txt: the English words whose first sound is not what their
first letter suggests, for grammar/article ("an hour", "a university").

Source: the CMU Pronouncing Dictionary as the ``pocketsphinx`` package ships it
(``model/en-us/cmudict-en-us.dict``, BSD licence), the same file as ``syllables.txt.gz``. A
word's first sound is a vowel when the first phone of its pronunciation is one of the CMU
phone set's 15 vowels. The letters a, e, i, o, u suggest a vowel sound and the others a
consonant; the file lists only the words that differ, one class per line:

    vowel<TAB>heir honest hour ...        (a consonant letter, a vowel sound: "an hour")
    consonant<TAB>once one union ...      (a vowel letter, a consonant sound: "a union")
    either<TAB>herb ...                   (its pronunciations disagree: either article)
    letters<TAB>fbi hiv suv ...           (pronounced letter by letter: "an FBI agent")

A word is "letters" when its only pronunciations are the names of its letters in turn.

    python scripts/build_first_sounds.py
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import pocketsphinx

VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
# the letters' names in the CMU phone set (CMU's own entries "a", "b", ... "z")
LETTER_NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY", "h": "EY CH",
    "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY",
    "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW", "v": "V IY", "w": "D AH B AH L Y UW",
    "x": "EH K S", "y": "W AY", "z": "Z IY",
}
OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "first_sounds.txt"


def spelled(word: str, phones: str) -> bool:
    return all(c in LETTER_NAMES for c in word) and phones == " ".join(LETTER_NAMES[c] for c in word)


def main() -> None:
    from newslint.rules.lang import provenance

    source = os.path.join(pocketsphinx.get_model_path(), "en-us", "cmudict-en-us.dict")
    prons: dict[str, list[str]] = defaultdict(list)
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            word, _, phones = line.strip().partition(" ")
            word = word.split("(")[0]
            if word and word[0].isalpha() and phones:
                prons[word].append(phones.strip())
    classes: dict[str, list[str]] = defaultdict(list)
    for word, ps in prons.items():
        if len(word) > 1 and all(spelled(word, p) for p in ps):
            classes["letters"].append(word)
            continue
        sounds = {p.split()[0] in VOWELS for p in ps}
        letter = word[0] in "aeiou"
        if len(sounds) > 1:
            classes["either"].append(word)
        elif sounds != {letter}:
            classes["vowel" if letter is False else "consonant"].append(word)
    body = "".join(f"{k}\t{' '.join(sorted(classes[k]))}\n" for k in ("vowel", "consonant", "either", "letters"))
    made = provenance.record("scripts/build_first_sounds.py", "pocketsphinx's cmudict-en-us.dict",
                             provenance.sources_sha256(source), ("pocketsphinx",))
    header = ("# words whose first sound is not what their first letter suggests, from pocketsphinx's\n"
              "# cmudict-en-us.dict (BSD); scripts/build_first_sounds.py\n"
              + "".join(f"# {line}\n" for line in provenance.header_lines(made)))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUT} ({', '.join(f'{k} {len(v)}' for k, v in classes.items())}, {OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
