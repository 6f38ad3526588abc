"""word-choice/confused-word: their/there, its/it's, then/than... decided by a trigram model of
general English. Written for this project."""
from __future__ import annotations

import pytest
from conftest import at, case_id, lint, rule_tables

from newslint.api import assert_flags
from newslint.rules.word_choice.confused_word import ConfusedWord

# (text, the spans reported, in order)
FLAG = [
    ("Nobody knows the state of it's funding. They said their going to appeal. "
     "The rally was bigger then expected.", "it's", "their", "then"),
    ("The agency said its important to act now.", "its"),
    ("Their going to the game on Sunday.", "Their"),
    ("He was the principle author of the report.", "principle"),
    ("The council will here the appeal next week.", "here"),
    ("The senator said she would not loose her seat.", "loose"),
    ("A new study shows the affect of sleep on memory.", "affect"),
    ("He through the ball to the catcher.", "through"),
    ("The company reported a lose of $3 million.", "lose"),
]
CLEAN = [
    "It's raining and the company cut its prices. They're sure their plan will work there. "
    "The rally was bigger than expected, and then it ended.",
    # correct contractions and possessives (#12): the wider apostrophe margin
    "We're able to build the new system this year, officials said.",
    "We're hoping to shape the policy before the vote.",
    "We're responsible for the records.",
    "These are the records we're adding to the archive this month.",
    "Researchers can access its important resources online.",
    "The agency said it's ready, and its staff agreed.",
]


test_flags, test_leaves_alone = rule_tables(ConfusedWord, FLAG, CLEAN)


def test_suggests_the_word_that_fits():
    found = assert_flags(ConfusedWord, FLAG[0][0] + "\n", *FLAG[0][1:])
    assert [d.suggestions[0] for d in found] == ["its", "they're", "than"]


def test_one_finding_when_harper_and_confused_word_agree():
    text = "They said their going to appeal the ruling next week.\n"
    found = [d for d in lint(text) if at(text, d) == "their"]
    assert len(found) == 1
    assert found[0].suggestions == ("they're",)
    # newslint's own rule keeps the finding: a confused word is a word-choice error
    assert found[0].rule == "word-choice/confused-word" and found[0].category.value == "word-choice"


@pytest.mark.parametrize("text", CLEAN[1:], ids=case_id)
def test_the_checker_finds_no_word_choice_fault_in_correct_contractions(text):
    """#12: no word-choice rule of the whole checker swaps a correct contraction or possessive."""
    assert [d for d in lint(text) if d.category.value == "word-choice"] == []


@pytest.mark.parametrize("case", FLAG[1:3], ids=case_id)
def test_the_checker_still_catches_wrong_contractions(case):
    text, slip = case
    assert [at(text, d) for d in lint(text) if d.category.value == "word-choice"] == [slip]
