"""grammar/there-agreement: "there was no problems". Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.rules.grammar.there_agreement import ThereAgreement

# (text, the spans reported, in order)
FLAG = [
    ("There was no problems with the vote.", "was"),
    ("She said there is many reasons to go. There was two people hurt.", "is", "was"),
    ("Officials said there's several options and there is other plans reported.", "'s", "is"),
    ("There was no complaints. There is no cities left.", "was", "is"),
]
CLEAN = [
    "There were no problems with the vote. There are many reasons. There was no news.",
    # singular nouns in -s, plurals as modifiers, quantities, idioms
    "There was no sports hall. There is no basis for it. There was no means test and no series.",
    "There was two years left on the deal. There's no two ways about it. There is some concern.",
    "There was a number of problems. There is no one here. There was no physics lesson.",
]

test_flags, test_leaves_alone = rule_tables(ThereAgreement, FLAG, CLEAN)


def test_theres_before_a_plural_is_a_note():
    from newslint.api import assert_flags

    found = assert_flags(ThereAgreement, "There's two things. There was two people.\n", "'s", "was")
    assert [d.severity.value for d in found] == ["info", "warning"]
