"""Syllables per word: the CMU Pronouncing Dictionary as pocketsphinx ships it (BSD),
compiled by ``scripts/build_syllables.py`` into ``rules/data/syllables.txt.gz`` (126,052
words, compiled once into the data cache); words it lacks are counted by pyphen's hyphenation points
plus one, as textstat does.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from newslint.api import Resource, datacache


def _build() -> dict[str, int]:
    out: dict[str, int] = {}
    raw = resources.files("newslint.rules").joinpath("data/syllables.txt.gz").read_bytes()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            n, _, words = line.partition("\t")
            out.update(dict.fromkeys(words.split(), int(n)))
    return out


def _load_table():
    """word -> syllables (a ``datacache.WordTable``)."""
    return datacache.word_table("syllables", [str(resources.files("newslint.rules").joinpath("data/syllables.txt.gz"))], _build)


def _pyphen_patterns(path) -> tuple[dict, int]:
    import pyphen

    hd = pyphen.HyphDict(path)
    return hd.patterns, hd.maxlen


def _load_pyphen():
    """pyphen's US English hyphenator, its parsed patterns from the data cache: parsing the
    pattern file took a third of a second of every run's start-up (the same patterns, so
    the same hyphenation points; tests/rules/lang/test_syllables.py compares them)."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    if path not in pyphen.hdcache:
        patterns, maxlen = datacache.data("pyphen-en-us", [str(path)], lambda: _pyphen_patterns(path))
        hd = object.__new__(pyphen.HyphDict)
        hd.patterns, hd.cache, hd.maxlen = patterns, {}, maxlen
        pyphen.hdcache[path] = hd
    return pyphen.Pyphen(lang="en_US")


table = Resource("syllables", _load_table)
_pyphen = Resource("pyphen-en-us", _load_pyphen)


@lru_cache(maxsize=100_000)
def syllable_count(word: str) -> int:
    """Syllables of a lower-case word."""
    n = table().get(word)
    return n if n is not None else len(_pyphen().positions(word)) + 1
