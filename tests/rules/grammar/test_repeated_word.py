"""grammar/repeated-word: "the the", also across a line break. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_fixed, assert_flags
from newslint.rules.grammar.repeated_word import RepeatedWord

# (text, the spans reported, in order)
FLAG = [
    ("It fails the\nthe test and the the other.", "the", "the"),
    ("It was a task that that required skill. He said that that such plans fail. "
     "Those interested in in the job applied. She said \u201cwe are in in the race\u201d. "
     "The town could cash in in on the fame.", "that", "that", "in", "in", "in"),
    ("The plan was was approved and and signed.", "was", "and"),
    ("The The plan failed. In in the end it was a task that that required skill.", "The", "in", "that"),
]
CLEAN = [
    # doubles that can be grammatical, a band's name, doubles split by punctuation
    "She had had enough. He said that that was wrong. What it is is unclear. Duran Duran played. No, no.",
    # a phrasal verb's particle before a preposition
    "Users checked in in March. He logged on on Monday. He said that that was wrong.",
    # a species named by a tautonym, a placeholder after its word, "that that" before a verb ending the clause
    "The western gorilla (Gorilla gorilla) and Bison bison live here. Replace the route ROUTE with yours.",
    "I know the grief and the heartbreak that that brings.",
    # the quoted term, and a deliberate triple
    "The team calls it \u201cdone done\u201d now. Help help help, she wrote.",
]


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    found = assert_flags(RepeatedWord, text + "\n", *spans)
    assert all(d.fix and d.fix.applicability.value == "safe" for d in found)


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(RepeatedWord, text + "\n")


def test_across_a_line_break_the_finding_is_on_the_second_line():
    found = assert_flags(RepeatedWord, "It fails the\nthe test.\n", "the")
    assert found[0].line == 2


@pytest.mark.parametrize("text, fixed", [
    ("It fails the\nthe test.\n", "It fails the test.\n"),
    ("The plan was was approved and and signed.", "The plan was approved and signed."),
    ("No, no, it was in in the end.", "No, no, it was in the end."),
])
def test_fix_leaves_nothing_to_report(text, fixed):
    """As Harper's rule tests do: apply the fix, lint again, expect nothing."""
    assert_fixed(RepeatedWord, text, fixed)
