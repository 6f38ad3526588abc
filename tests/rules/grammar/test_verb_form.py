"""grammar/verb-form: "had went", "payed", "could of". Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_flags
from newslint.rules.grammar.verb_form import VerbForm

# (text, the spans reported, in order)
FLAG = [
    ("She had went home and payed the bill.", "went", "payed"),
    ("They have already took the money. He has never saw it. We've ran out.", "took", "saw", "ran"),
    ("He could of won. You should of said so. It must of been late.", "of", "of", "of"),
    ("The council had began work and had wrote to residents.", "began", "wrote"),
]
CLEAN = [
    "She had gone home and paid the bill. They have taken the money. He could have won.",
    # a rope payed out; "of course"; past forms that are nouns or follow another subject
    "The crew payed out the line. He could, of course, win. He could of course win.",
    "She had rose petals. I saw him. He went and had lunch. The mill had saw blades.",
    "They had a drink. What they did was right. Those who have, gave.",
]

test_flags, test_leaves_alone = rule_tables(VerbForm, FLAG, CLEAN)


def test_suggests_the_standard_form():
    found = assert_flags(VerbForm, FLAG[0][0] + "\n", "went", "payed")
    assert [d.suggestions[0] for d in found] == ["gone", "paid"]


def test_in_a_quote_it_is_a_note():
    found = assert_flags(VerbForm, '"We had went," she said. We had went.\n', "went", "went")
    assert [d.severity.value for d in found] == ["info", "warning"]
