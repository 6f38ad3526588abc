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
    'The loop runs with the dot . updated to each item.',
    "The message reads STACK ? STACK : '' when it fails.",
]


def test_double_spaces_only_in_plain_text():
    from newslint.api import assert_clean, assert_flags
    assert_flags(Spacing, "The  council met.\n", "  ")
    assert_clean(Spacing, "The  council met.\n", fmt="markdown")
    assert_clean(Spacing, "<p>The  council met.</p>\n", fmt="html")
    assert_flags(Spacing, "The council met .\n", " ", fmt="markdown")

test_flags, test_leaves_alone = rule_tables(Spacing, FLAG, CLEAN)


def test_fix_leaves_nothing_to_report():
    assert_fixed(Spacing, "It was Wednesday , October 10.\n", "It was Wednesday, October 10.\n")
    assert_fixed(Spacing, "The  council met.\n", "The council met.\n")
