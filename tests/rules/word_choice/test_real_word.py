"""word-choice/real-word: a correctly spelled word that is a slip for another. The whole
checker is run on the same sentences too: each slip is found once, by this rule or by
confused-word, and correct copy gives no word-choice, spelling or grammar finding. Written for
this project."""
from __future__ import annotations

import pytest
from conftest import at, case_id, lint

from newslint.api import assert_clean, assert_flags, lint_with
from newslint.markup import parse
from newslint.rules.word_choice.real_word import FEATURES, SCORE, RealWord, alternatives, candidates

# (sentence, the slip, the word meant) - written for this project
SLIPS = [
    ("The mayor spoke form the steps of city hall.", "form", None),
    ("She lives in a manor that suits her well.", "manor", "manner"),
    ("Prices rose sharply in the past mouth.", "mouth", "month"),
    ("The minister refused to comment on the matter at the tome.", "tome", "time"),
    ("The judge said the evidence was not admissible in curt.", "curt", "court"),
    ("Residents were asked to boil their water for tree days.", "tree", "three"),
    ("The school board voted to band the book.", "band", "ban"),
    ("The president will meat the prime minister in Paris.", "meat", "meet"),
    ("He was arrested when he war leaving the bank.", "war", "was"),
    ("The fire destroyed three hoses on the street.", "hoses", "houses"),
    ("Voters will go to the poles on Tuesday.", "poles", "polls"),
    ("She has bean the mayor for six years.", "bean", "been"),
    ("The city plans to rise taxes next year.", "rise", "raise"),
    ("He was the principle author of the report.", "principle", "principal"),
    ("The council will here the appeal next week.", "here", "hear"),
    ("The senator said she would not loose her seat.", "loose", "lose"),
    ("A new study shows the affect of sleep on memory.", "affect", "effect"),
    ("He through the ball to the catcher.", "through", "threw"),
    ("The company reported a lose of $3 million.", "lose", None),
]

# the slips of SLIPS this rule reports; confused-word has the others (its words are its own)
FLAG = [(text, slip) for text, slip, _ in SLIPS[:13]]

CORRECT = [
    "The trail was muddy after the storm.", "The trial begins on Monday in the county court.",
    "It was a casual meeting between old friends.", "Researchers found no causal link between the two.",
    "A complaint was filed with the city on Friday.", "The company said it is compliant with the new rules.",
    "The plan has broad support among voters.", "Residents will form a committee to study the plan.",
    "The mayor spoke from the steps of city hall.", "The cost of living rose again in March.",
    "The coast guard rescued two fishermen.", "She spoke in a calm and measured manner.",
    "The old manor house was sold last year.", "The city plans to raise taxes next year.",
    "Sea levels will rise over the next century.", "He threw the ball to the catcher.",
    "Voters will go to the polls on Tuesday.", "The company reported a loss of $3 million.",
    "She has been the mayor for six years.", "The court said the evidence was admissible.",
    "The minister refused to comment at the time.", "The fire destroyed three houses on the street.",
    "The band played until midnight.", "The board voted to ban the book.",
    "The war ended in 1945.", "Three trees fell on the road.", "Prices rose sharply in the past month.",
    "The president will meet the prime minister in Paris.", "She kept a diary of her travels.",
    "The dairy farm has 200 cows.", "Their lawyers filed an appeal.", "The bill passed the senate.",
]


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, slip = case
    assert_flags(RealWord, text + "\n", slip)


@pytest.mark.parametrize("text", CORRECT, ids=case_id)
def test_leaves_alone(text):
    assert_clean(RealWord, text + "\n")


@pytest.mark.parametrize("text, slip, meant", SLIPS, ids=case_id)
def test_the_checker_reports_each_slip_once(text, slip, meant):
    found = [d for d in lint(text) if d.category.value == "word-choice"]
    assert [at(text, d) for d in found] == [slip], found
    if meant:
        assert found[0].suggestions[0] == meant


@pytest.mark.parametrize("text", CORRECT, ids=case_id)
def test_the_checker_leaves_correct_sentences_alone(text):
    assert [d for d in lint(text) if d.category.value in ("word-choice", "spelling", "grammar")] == []


def test_the_finding_names_the_word_and_why():
    (d,) = assert_flags(RealWord, "The judge said the evidence was not admissible in curt.", "curt")
    assert d.suggestions == ("court",)
    assert "'curt'" in d.message and "'court'" in d.message and "\n" not in d.message


def test_names_quotes_and_the_house_dictionary():
    # a capitalised word mid-sentence is a name; a quote is at most an info note
    assert_clean(RealWord, "The judge met Curt Jones in the court.")
    quoted = lint_with(RealWord, "\u201cThe evidence was not admissible in curt,\u201d the judge said.")
    assert [d.severity.value for d in quoted] in ([], ["info"])
    assert_clean(RealWord, "The judge said the evidence was not admissible in curt.", dictionary=frozenset({"curt"}))


def test_alternatives_are_one_edit_or_a_sound_away():
    alts = dict(alternatives("manor"))
    assert alts.get("manner") is True  # homophone
    assert "minor" in alts and alts["minor"] is False  # one letter changed
    assert all(a.isalpha() for a in alts)


def test_confusion_set_words_are_left_to_confused_word():
    found = lint("The council will here the appeal next week.\n")
    assert [d.rule for d in found if d.category.value == "word-choice"] == ["word-choice/confused-word"]


def test_model_file_matches_the_features_the_rule_computes():
    assert set(SCORE.data["weights"]) == set(FEATURES)
    assert 0 < SCORE.data["thresholds"]["info"] < SCORE.data["thresholds"]["warning"] < 1
    (c,) = candidates(parse("s.txt", "The judge said the evidence was not admissible in curt."))
    assert set(c.features) == set(FEATURES) and c.alt == "court"


# (sentence, word written, suggestion, the suggestion fits the sentence's topic better) - written
# for this project: the semantic fit of the real-word band from score 0.60 (word vectors)
SEMANTIC = [
    ("voters went to the poles to elect a new mayor", "poles", "polls", True),
    ("the surgeon operated on the patient in the hospital", "hospital", "hostel", False),
]


@pytest.mark.parametrize("case", SEMANTIC, ids=case_id)
def test_semantic_fit(case):
    from types import SimpleNamespace

    from newslint.rules.word_choice.real_word import semantic_fit

    sentence, word, alt, better = case
    c = SimpleNamespace(tokens=["<s>", *sentence.split(), "</s>"], token=word, alt=alt)
    assert (semantic_fit(c) > 0.15) is better


def test_a_candidate_below_the_lowest_band_is_not_searched_for():
    """``candidates(least=...)``: the same best alternative, for every slot whose score can
    reach `least`; the others yield nothing (the check's speed-up, not a change of findings)."""
    text = " ".join(s for s, _, _ in SLIPS) + " " + " ".join(CORRECT)
    every = {(c.word.start, c.alt): SCORE.score(c.features) for c in candidates(parse("s.txt", text))}
    for least in (0.3, 0.6, 0.9):
        kept = {(c.word.start, c.alt): SCORE.score(c.features) for c in candidates(parse("s.txt", text), least=least)}
        assert kept.items() <= every.items()
        assert {k: p for k, p in kept.items() if p >= least} == {k: p for k, p in every.items() if p >= least}
        assert len(kept) < len(every)
    assert {k for k, p in every.items() if p >= 0.6}


def test_the_least_gain_reaches_the_score_with_the_most_favourable_other_features():
    from newslint.rules.word_choice.real_word import UNKNOWN_RANGES

    known = {"zipf_own": 4.2, "repeats": 1.0}
    constant, slope = SCORE.least("gain", 0.6, tuple(known), UNKNOWN_RANGES)
    gain = constant + sum(slope[k] * v for k, v in known.items())
    w = SCORE.data["weights"]
    best = {k: (hi if w[k] > 0 else lo) for k, (lo, hi) in UNKNOWN_RANGES.items()}
    assert SCORE.score({**best, **known, "gain": gain}) == pytest.approx(0.6)
    assert SCORE.score({**best, **known, "gain": gain - 0.01}) < 0.6
    assert SCORE.least("zipf_alt", 0.6, tuple(known), UNKNOWN_RANGES)[0] == float("-inf")  # a negative weight
