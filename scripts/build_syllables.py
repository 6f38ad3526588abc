#!/usr/bin/env python3
"""Build rules/data/syllables.txt.gz: syllable counts of 126,000 English words.

Source: the CMU Pronouncing Dictionary as the ``pocketsphinx`` package ships it
(``model/en-us/cmudict-en-us.dict``, BSD licence). A word's syllables are the vowel phones
of its first pronunciation (the CMU phone set's 15 vowels), which is what textstat counts
(the stress-marked phones of the same dictionary). The file groups words by count, one
line per count (``3<TAB>abandoned abandoning ...``), so it loads in a few milliseconds. The
header records the provenance (see ``rules/lang/provenance.py``).

    python scripts/build_syllables.py
"""
from __future__ import annotations

import gzip
import os
from collections import defaultdict
from pathlib import Path

import pocketsphinx

VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "syllables.txt.gz"


def main() -> None:
    from newslint.rules.lang import provenance

    source = os.path.join(pocketsphinx.get_model_path(), "en-us", "cmudict-en-us.dict")
    by_count: dict[int, list[str]] = defaultdict(list)
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            word, _, phones = line.strip().partition(" ")
            if not word or word.endswith(")"):  # "word(2)": a second pronunciation
                continue
            by_count[sum(1 for p in phones.split() if p in VOWELS)].append(word)
    body = "".join(f"{n}\t{' '.join(sorted(words))}\n" for n, words in sorted(by_count.items()))
    made = provenance.record("scripts/build_syllables.py", "pocketsphinx's cmudict-en-us.dict",
                             provenance.sources_sha256(source), ("pocketsphinx",))
    header = ("# syllables per word, from pocketsphinx's cmudict-en-us.dict (BSD); scripts/build_syllables.py\n"
              + "".join(f"# {line}\n" for line in provenance.header_lines(made)))
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write((header + body).encode("utf-8"))
    print(f"wrote {OUT} ({sum(len(w) for w in by_count.values())} words, {OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
