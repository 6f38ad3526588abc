"""Story-level readability numbers, offline and quick to load.

The five formulas and their tokenisation are textstat 0.7's (Flesch reading ease,
Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall), over textstat's own Dale-Chall easy
word list, so the numbers are textstat's; ``tests/rules/test_readability.py`` checks them
against textstat itself. newslint computes them here rather than through textstat's API
for two measured reasons: importing textstat imports NLTK (0.5 s of every run), and
textstat's syllable counter loads NLTK's cmudict corpus, which it downloads on first use.
Syllables come from ``rules/lang/syllables.py`` (the CMU dictionary that pocketsphinx ships, BSD),
with textstat's own fallback, pyphen, for words the dictionary lacks.
"""
from __future__ import annotations

import importlib.util
import math
import re
from pathlib import Path

from newslint.api import Resource
from newslint.rules.lang.syllables import syllable_count

# textstat.backend.utils.constants
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES = 206.835, 1.015, 84.6
FOG_SYLLABLES = 3  # textstat's "syllable_threshold" for English


def list_words(text: str, lowercase: bool = False) -> list[str]:
    """textstat's list_words: punctuation removed, apostrophes of contractions kept."""
    text = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))
    return (text.lower() if lowercase else text).split()


def _read_easy_words() -> frozenset[str]:
    """textstat's Dale-Chall list of familiar words (found without importing textstat)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a required dependency
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


easy_words = Resource("dale-chall-easy-words", _read_easy_words)


def metric_counts(text: str) -> dict[str, int]:
    """The counts the formulas are made of, for `text`; the counts of consecutive stretches of
    a story add up to the story's (see ``metrics_of``)."""
    words = list_words(text)
    if not text.strip() or not words:
        return {}
    runs = _SENTENCE.findall(text)
    syllables = [syllable_count(w.lower()) for w in words]
    easy = easy_words()
    not_easy = [s for w, s in zip(words, syllables) if w.lower() not in easy]
    return {
        "words": len(words),
        "sentences": len(runs) - sum(1 for r in runs if len(list_words(r)) <= 2),
        "syllables": sum(syllables),
        "unfamiliar": len(not_easy),
        "hard_fog": sum(1 for s in not_easy if s >= FOG_SYLLABLES),
        "polysyllables": sum(1 for s in syllables if s >= 3),
    }


def metrics_of(counts: dict[str, int]) -> dict[str, float]:
    """The five formulas over `counts` (``metric_counts``, summed over a story's stretches)."""
    n_words = counts.get("words", 0)
    if not n_words:
        return {}
    n_sentences = max(1, counts["sentences"])
    per_sentence = n_words / n_sentences
    per_word = counts["syllables"] / n_words
    pct_unfamiliar = 100 * counts["unfamiliar"] / n_words
    dale_chall = 0.1579 * pct_unfamiliar + 0.0496 * per_sentence + (3.6365 if pct_unfamiliar > 5 else 0.0)
    return {
        "flesch_reading_ease": round(FRE_BASE - FRE_SENTENCE_LENGTH * per_sentence - FRE_SYLLABLES * per_word, 1),
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
        "gunning_fog": round(0.4 * (per_sentence + 100 * counts["hard_fog"] / n_words), 1),
        "smog_index": round(1.043 * math.sqrt(30 * counts["polysyllables"] / n_sentences) + 3.1291, 1),
        "dale_chall": round(dale_chall, 2),
    }


def story_metrics(text: str) -> dict[str, float]:
    return metrics_of(metric_counts(text))
