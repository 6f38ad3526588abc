"""word-choice/real-word, and the fixes to spelling and confused-word that #12 asked for:
slips that are real words, repeated misspellings, correct contractions and possessives."""
from __future__ import annotations

import pytest
from conftest import at, lint

from newslint.api import lint_with
from newslint.rules.word_choice.real_word import RealWord, alternatives

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


@pytest.mark.parametrize("text, slip, meant", SLIPS)
def test_real_word_slips_are_reported(text, slip, meant):
    found = [d for d in lint(text) if d.category.value == "word-choice"]
    assert [at(text, d) for d in found] == [slip], found
    if meant:
        assert found[0].suggestions[0] == meant


@pytest.mark.parametrize("text", CORRECT)
def test_correct_sentences_are_left_alone(text):
    assert [d for d in lint(text) if d.category.value in ("word-choice", "spelling", "grammar")] == []


def test_the_rule_on_its_own_names_the_word_and_why():
    (d,) = lint_with(RealWord, "The judge said the evidence was not admissible in curt.")
    assert d.rule == "word-choice/real-word" and d.suggestions == ("court",)
    assert "'curt'" in d.message and "'court'" in d.message and "\n" not in d.message


def test_names_numbers_quotes_and_the_house_dictionary():
    # a capitalised word mid-sentence is a name; a quote is at most an info note
    assert lint_with(RealWord, "The judge met Curt Jones in the court.") == []
    quoted = lint_with(RealWord, "\u201cThe evidence was not admissible in curt,\u201d the judge said.")
    assert [d.severity.value for d in quoted] in ([], ["info"])
    assert lint_with(RealWord, "The judge said the evidence was not admissible in curt.",
                     dictionary=frozenset({"curt"})) == []


def test_alternatives_are_one_edit_or_a_sound_away():
    alts = dict(alternatives("manor"))
    assert alts.get("manner") is True  # homophone
    assert "minor" in alts and alts["minor"] is False  # one letter changed
    assert all(a.isalpha() for a in alts)


def test_confusion_set_words_are_left_to_confused_word():
    found = lint("The council will here the appeal next week.\n")
    assert [d.rule for d in found if d.category.value == "word-choice"] == ["word-choice/confused-word"]


# --- repeated misspellings (#12): every use is reported --------------------------------------------

@pytest.mark.parametrize("text, word, n", [
    ("The goverment said the goverment would act. A goverment spokesman agreed.", "goverment", 3),
    ("They decided to seperate the two offices. The seperate budgets were approved.", "seperate", 2),
    ("He will definately attend. She will definately not.", "definately", 2),
    ("Did you recieve it? We recieve many letters.", "recieve", 2),
    ("It occured in May. Nothing like it occured before.", "occured", 2),
    ("Goverment officials met on Monday. Goverment sources said so.", "Goverment", 2),
])
def test_a_repeated_misspelling_is_reported_every_time(text, word, n):
    found = [d for d in lint(text) if d.rule == "spelling/unknown-word"]
    assert [at(text, d) for d in found] == [word] * n


@pytest.mark.parametrize("text", [
    "The team moved the site to cloudgov. Later, cloudgov grew quickly.",
    "Zelenskyy met the aides. Zelenskyy said the talks went well.",
    "The app uses geofencing. With geofencing, alerts reach nearby phones.",
])
def test_a_repeated_name_or_term_is_still_accepted(text):
    assert [d for d in lint(text) if d.rule == "spelling/unknown-word"] == []


# --- contractions and possessives that are right (#12) --------------------------------------------

@pytest.mark.parametrize("text", [
    "We're able to build the new system this year, officials said.",
    "We're hoping to shape the policy before the vote.",
    "We're responsible for the records.",
    "These are the records we're adding to the archive this month.",
    "Researchers can access its important resources online.",
    "The agency said it's ready, and its staff agreed.",
])
def test_correct_contractions_and_possessives_pass(text):
    assert [d for d in lint(text) if d.category.value == "word-choice"] == []


@pytest.mark.parametrize("text, slip", [
    ("The agency said its important to act now.", "its"),
    ("Their going to the game on Sunday.", "Their"),
])
def test_wrong_contractions_are_still_caught(text, slip):
    found = [d for d in lint(text) if d.category.value == "word-choice"]
    assert [at(text, d) for d in found] == [slip]


def test_model_file_matches_the_features_the_rule_computes():
    from newslint.markup import parse
    from newslint.rules.word_choice.real_word import FEATURES, SCORE, candidates

    assert set(SCORE.data["weights"]) == set(FEATURES)
    assert 0 < SCORE.data["thresholds"]["info"] < SCORE.data["thresholds"]["warning"] < 1
    (c,) = candidates(parse("s.txt", "The judge said the evidence was not admissible in curt."))
    assert set(c.features) == set(FEATURES) and c.alt == "court"
