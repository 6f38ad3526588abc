"""rules/lang/vectors: static word vectors for topic fit."""
from __future__ import annotations

from newslint.rules.lang import vectors


def test_word_vectors_know_related_words():
    v = vectors.load()
    assert len(v) == len(v.index) == 40_000
    assert v.similarity("storm", "rain") > v.similarity("storm", "tax") + 0.2
    assert v.similarity("budget", "deficit") > v.similarity("budget", "pajama") + 0.2
