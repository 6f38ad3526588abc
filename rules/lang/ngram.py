"""A general English trigram language model, offline: the US-English model that the
``pocketsphinx`` package ships (BSD licence; 72,547 words, 2.05 million bigrams, 1.67
million trigrams), scored through its ``NGramModel`` class. Loads in about 30 ms.

Scores are natural-log probabilities (pocketsphinx returns base-1.0001 logs).
"""
from __future__ import annotations

import math
import os
from functools import lru_cache

from newslint.api import Resource

LN_BASE = math.log(1.0001)


def model_file() -> str:
    import pocketsphinx

    return os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin")


def _read_model():
    from pocketsphinx import NGramModel

    return NGramModel.readfile(model_file())


# 33 MB, read whole: loaded after the launcher's dictionary build has given back its scratch
model = Resource("ngram-model", _read_model, large=True)
# the score of a word the model does not know
_unk_score = Resource("ngram-unknown-score", lambda: model().prob(["zzqxjv"]))


@lru_cache(maxsize=500_000)
def in_vocab(word: str) -> bool:
    return model().prob([word]) != _unk_score()


@lru_cache(maxsize=100_000)  # about 18 MB when full: a long story stays bounded
def logp(word: str, prev: str = "", prev2: str = "") -> float:
    """ln P(word | prev2 prev); empty context words are left out."""
    ctx = [word]
    if prev:
        ctx.append(prev)
        if prev2:
            ctx.append(prev2)
    return model().prob(ctx) * LN_BASE


def window_scorer(tokens: list[str], i: int):
    """``score(word, floor=-inf)``: ``window_score(tokens, i, word)``, the context read once
    and without a cache lookup per trigram (trying each alternative for one slot, nearly every
    trigram is new). With a `floor`, the trigrams are added up only while the sum is above it:
    each is at most 0, so once the sum is at or below the floor, that sum is returned."""
    prob = model().prob
    p1 = tokens[i - 1] if i >= 1 else ""
    head = ([p1, tokens[i - 2]] if i >= 2 else [p1]) if p1 else []
    after = [p1] if p1 else []
    n1 = tokens[i + 1] if i + 1 < len(tokens) else None
    n2 = tokens[i + 2] if i + 2 < len(tokens) else None

    def score(word: str, floor: float = -math.inf) -> float:
        total = prob([word, *head]) * LN_BASE
        if n1 is not None and total > floor:
            total += prob([n1, word, *after]) * LN_BASE
            if n2 is not None and total > floor:
                total += prob([n2, n1, word]) * LN_BASE
        return total

    return score


def window_score(tokens: list[str], i: int, word: str) -> float:
    """ln-probability of the trigrams that contain position i, with `word` put there."""
    return window_scorer(tokens, i)(word)


# Rare words that follow almost nothing: after a word w, their probability is w's back-off
# weight times their own, which tells an absent bigram from a present one exactly (the
# model's scores are integers).
_PROBES = ("zwilling", "zych", "aardvark")


@lru_cache(maxsize=200_000)
def _backoff(word: str) -> int:
    m = model()
    return min(m.prob([p, word]) - m.prob([p]) for p in _PROBES)


def has_bigram(first: str, second: str) -> bool:
    """True when the model holds the bigram "first second" (not just its back-off)."""
    m = model()
    return m.prob([second, first]) - m.prob([second]) > _backoff(first) + 2


@lru_cache(maxsize=200_000)
def _backoff2(first: str, second: str) -> int:
    m = model()
    return min(m.prob([p, second, first]) - m.prob([p, second]) for p in _PROBES)


def has_trigram(first: str, second: str, third: str) -> bool:
    """True when the model holds the trigram "first second third": general English has the
    three words as a phrase (so it is no slip of one of them)."""
    if not (has_bigram(first, second) and has_bigram(second, third)):
        return False
    m = model()
    return m.prob([third, second, first]) - m.prob([third, second]) > _backoff2(first, second) + 2
