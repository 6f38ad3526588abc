"""punctuation/spacing: a space before punctuation, doubled spaces. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_fixed
from newslint.rules.punctuation.spacing import Spacing

# (text, the spans reported, in order)
FLAG = [
    ('It was Wednesday , October 10.', ' '),
    ('The vote was close .', ' '),
    ('He left ; she stayed.', ' '),
    ('The  council met.', '  '),
]

CLEAN = [
    'It was Wednesday, October 10.',
    'Wait . . . then go.',
    'The council met. Then it rained.',
]

test_flags, test_leaves_alone = rule_tables(Spacing, FLAG, CLEAN)


def test_fix_leaves_nothing_to_report():
    assert_fixed(Spacing, "It was Wednesday , October 10.\n", "It was Wednesday, October 10.\n")
    assert_fixed(Spacing, "The  council met.\n", "The council met.\n")
