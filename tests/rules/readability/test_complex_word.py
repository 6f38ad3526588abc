"""readability/complex-word: wordy phrases and inflated words with a plain alternative, from
rules/data/complex_words.toml. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_flags
from newslint.rules.readability.complex_word import ComplexWord

# (text, the spans reported, in order)
FLAG = [
    ("In order to help, prior to the vote the council will commence work.", "In order to", "prior to", "commence"),
]
CLEAN = [
    "To help, before the vote the council will begin work.",
    "\u201cIn order to help, we will commence work,\u201d she said.",  # a direct quote
]


test_flags, test_leaves_alone = rule_tables(ComplexWord, FLAG, CLEAN)


def test_suggestions_keep_the_case_of_the_text():
    found = assert_flags(ComplexWord, FLAG[0][0] + "\n", *FLAG[0][1:])
    assert [d.suggestions[0] for d in found] == ["To", "before", "begin"]
