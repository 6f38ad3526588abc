#!/usr/bin/env python3
"""Build rules/data/homophones.txt: groups of English words that sound alike.

Source: the CMU Pronouncing Dictionary as the ``pocketsphinx`` package ships it
(``model/en-us/cmudict-en-us.dict``, BSD licence): words sharing a pronunciation (any of
their listed ones) form a group. Only alphabetic words that wordfreq has seen (Zipf 2.0 or
more: about once in 10 million words) are kept, and only groups of two or more, so the
file lists the homophones a writer could plausibly slip between ("principal principle",
"tenants tenets"). One group per line, words space-separated. The header records the
provenance (see ``rules/lang/provenance.py``): the hash of the two sources and the versions
of pocketsphinx and wordfreq they came with.

    python scripts/build_homophones.py
"""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

import pocketsphinx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "homophones.txt"
MIN_ZIPF = 2.0


def main() -> None:
    from newslint.rules.lang import provenance
    from newslint.rules.lang.lexicon import wordfreq_file, lexicon

    zipf = dict(lexicon().zipf_items())
    source = os.path.join(pocketsphinx.get_model_path(), "en-us", "cmudict-en-us.dict")
    by_sound: dict[str, set[str]] = defaultdict(set)
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            word, _, phones = line.strip().partition(" ")
            word = word.split("(")[0]
            if word.isalpha() and word.islower() and zipf.get(word, 0.0) >= MIN_ZIPF:
                by_sound[phones].add(word)
    groups = sorted({tuple(sorted(g)) for g in by_sound.values() if len(g) >= 2})
    made = provenance.record("scripts/build_homophones.py",
                             "pocketsphinx's cmudict-en-us.dict; wordfreq's large_en list",
                             provenance.sources_sha256(source, wordfreq_file("en")), ("pocketsphinx", "wordfreq"))
    header = ("# Homophones: words sharing a pronunciation in the CMU Pronouncing Dictionary as\n"
              "# pocketsphinx ships it (BSD); alphabetic words of wordfreq Zipf >= 2.0.\n"
              "# Built by scripts/build_homophones.py; one group per line.\n"
              + "".join(f"# {line}\n" for line in provenance.header_lines(made)))
    OUT.write_text(header + "".join(" ".join(g) + "\n" for g in groups), encoding="utf-8")
    print(f"wrote {OUT}: {len(groups)} groups", file=sys.stderr)


if __name__ == "__main__":
    main()
