"""The kinds of false alarm the statistical word-choice rules leave alone (rules/word_choice/
kinds.py), each beside the same slip the rule still reports when the evidence for the kind is
missing. Sentences written for this project, after the kinds judged on real copy
(benchmarks/judged)."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import RunSettings, flagged, parse
from newslint.rules.word_choice import kinds
from newslint.rules.word_choice.confused_word import ConfusedWord
from newslint.rules.word_choice.real_word import RealWord

# (kind, text the rule leaves alone for the kind, the word it would report without the kind's
#  check, a text with no evidence of the kind where it reports a word, that word)
KINDS = [
    # the story's own vocabulary: used again and again, its twin never
    ("domain", "The judges will cite the ruling. Lawyers cite it often, and courts cite it in appeals.",
     "cite", "The judges will cite the ruling. Lawyers cite it often.", "cite"),
    # a contraction opening a clause after a comma: the clause alone decides
    ("comma", "To continue our birthday celebrations, we're saluting those who served.",
     "we're", "In the end, its a matter of time.", "its"),
    # a name: capitalised at the start of a sentence and in the middle of another
    ("name", "Hole Foods opened a store. The chain said Hole Foods will hire staff.",
     "Hole", "Hole Foods opened a store. The chain said it will hire staff.", "Hole"),
]


@pytest.mark.parametrize("case", KINDS, ids=case_id)
def test_leaves_the_kind_alone(case):
    _, clean, *_ = case
    assert flagged(ConfusedWord, clean) == []


@pytest.mark.parametrize("case", KINDS, ids=case_id)
def test_the_kind_is_what_leaves_it_alone(case, monkeypatch):
    """Without the kind's check, the rule reports the word: the test is of the kind."""
    kind, clean, word, *_ = case
    monkeypatch.setattr(kinds, "ENABLED", kinds.ENABLED - {kind})
    rule = ConfusedWord(ConfusedWord.make_options({}), RunSettings())
    # scored, not reported: whatever band the score falls in
    assert [f.word.text for f, _ in rule.scored(parse("story.txt", clean))][:1] == [word]


@pytest.mark.parametrize("case", KINDS, ids=case_id)
def test_reports_the_word_without_the_evidence(case):
    *_, dirty, word = case
    assert [span for _, span in flagged(ConfusedWord, dirty)] == [word]


def test_fixed_phrase_is_the_phrase_as_written():
    # the trigram model holds "the past month", not "the past mouth"
    assert kinds.fixed_phrase(["<s>", "the", "past", "month", "</s>"], 2)
    assert not kinds.fixed_phrase(["<s>", "the", "past", "mouth", "</s>"], 2)


# real-word: (kind, text it leaves alone, the word it reports without the kind's check)
REAL_WORD_KINDS = [
    # one word spelled two ways (British "focussed"): no slip for "focused"
    ("variant", "As a team, we're focussed on the users.", "focussed"),
]


@pytest.mark.parametrize("case", REAL_WORD_KINDS, ids=case_id)
def test_real_word_leaves_the_kind_alone(case, monkeypatch):
    kind, clean, word = case
    assert flagged(RealWord, clean, dialect="en-GB") == []
    monkeypatch.setattr(kinds, "ENABLED", kinds.ENABLED - {kind})
    assert [span for _, span in flagged(RealWord, clean, dialect="en-GB")] == [word]


# (word, other, one word spelled two ways?)
VARIANTS = [
    ("focussed", "focused", True), ("travelling", "traveling", True), ("cancelled", "canceled", True),
    ("favourite", "favorite", True), ("neighbourhood", "neighborhood", True),
    # different words: a slip between them is a real slip
    ("planned", "planed", False), ("hopping", "hoping", False), ("filled", "filed", False),
    ("dinner", "diner", False), ("form", "from", False),
]


@pytest.mark.parametrize("case", VARIANTS, ids=case_id)
def test_spelling_variant(case):
    a, b, same = case
    assert kinds.spelling_variant(a, b) is same and kinds.spelling_variant(b, a) is same


@pytest.mark.parametrize("text", [
    "Create a buyer account with your gov.au email address.",
    "The documents are at the 18f.github.io site.",
], ids=case_id)
def test_real_word_leaves_dotted_names_alone(text):
    # judged on real copy: "au" read as a slip for "a", "io" for "to"
    assert flagged(RealWord, text) == []
