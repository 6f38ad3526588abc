"""punctuation/spacing: a space before punctuation, doubled spaces. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_fixed, assert_flags
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

@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    assert_flags(Spacing, text + "\n", *spans)


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(Spacing, text + "\n")


def test_fix_leaves_nothing_to_report():
    assert_fixed(Spacing, "It was Wednesday , October 10.\n", "It was Wednesday, October 10.\n")
    assert_fixed(Spacing, "The  council met.\n", "The council met.\n")
