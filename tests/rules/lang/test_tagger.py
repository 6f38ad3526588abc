"""The optional neural error tagger (rules/lang/tagger.py, pip install newslint[tagger]): run
with the real model package, skipped where it is not installed. The model is int8, whose
scores differ a little between processor types: margins here are wide. Sentences written for
this project."""
from __future__ import annotations

import math

import pytest

from newslint.rules.lang import tagger

pytestmark = pytest.mark.skipif(not tagger.available(), reason="newslint[tagger] is not installed")

# (sentence with a slip, its clean twin, the word written, the word meant)
TWINS = [
    ("He walked form the station to the office.", "He walked from the station to the office.", "form", "from"),
    ("He was arrested when he war leaving the bank.", "He was arrested when he was leaving the bank.", "war", "was"),
    ("She has bean the mayor for six years.", "She has been the mayor for six years.", "bean", "been"),
    ("The president will meat the prime minister in Paris.",
     "The president will meet the prime minister in Paris.", "meat", "meet"),
    ("I think their going to win the match.", "I think they're going to win the match.", "their", "they're"),
]


def _tags(sentence: str, word: str, alt: str):
    start = sentence.index(word)
    return tagger.load().word_tags(sentence, start, start + len(word), alt)


@pytest.mark.parametrize("slip, clean, word, meant", TWINS, ids=lambda v: v if len(v) < 10 else None)
def test_a_slip_is_less_likely_kept_than_its_clean_twin(slip, clean, word, meant):
    on_slip, on_clean = _tags(slip, word, meant), _tags(clean, meant, word)
    # at least ten times as likely to be changed (measured: 60 to 2,500 times)
    assert on_slip.change > 10 * on_clean.change
    f_slip, f_clean = tagger.log_features(on_slip), tagger.log_features(on_clean)
    assert f_slip["tagger_change"] - f_clean["tagger_change"] > 2.0


def test_the_replace_tag_of_the_word_meant():
    slip = "I think their going to win the match."
    assert _tags(slip, "their", "they're").replace > 0.5  # measured 0.99
    assert _tags(slip, "their", "there").replace < 0.1
    # a word with no tag of its own in the vocabulary: no probability, the floor as feature
    tags = _tags("He walked form the station to the office.", "form", "from")
    assert tags.replace == 0.0 and tagger.log_features(tags)["tagger_replace"] == pytest.approx(math.log(tagger.FLOOR))


def test_a_sentence_is_scored_once():
    t = tagger.load()
    sentence = "The council met on Tuesday to discuss the budget."
    first = t.score(sentence)
    assert t.score(sentence) is first
    assert _tags(sentence, "budget", "") == _tags(sentence, "budget", "")


def test_a_word_past_the_tokenizers_limit_has_no_tags():
    sentence = " ".join(["word"] * 200) + " last."
    start = sentence.index("last")
    assert tagger.load().word_tags(sentence, start, start + 4) is None
    assert tagger.log_features(None) == {k: pytest.approx(math.log(tagger.FLOOR))
                                         for k in ("tagger_change", "tagger_context", "tagger_replace")}


def test_available_needs_every_package(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "onnxruntime" else real(name, *a))
    assert tagger.available() is False
