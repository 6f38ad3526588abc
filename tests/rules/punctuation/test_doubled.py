"""punctuation/doubled: doubled marks. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_fixed, assert_flags
from newslint.rules.punctuation.doubled import DoubledPunctuation

# (text, the spans reported, in order)
FLAG = [
    ('It rained,, and then it stopped.', ',,'),
    ('The end came.. suddenly.', '..'),
    ('We won!!', '!!'),
    ('Really??', '??'),
]

CLEAN = [
    'It rained, and then it stopped.',
    'The end came... suddenly.',
]

@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    assert_flags(DoubledPunctuation, text + "\n", *spans)


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(DoubledPunctuation, text + "\n")


def test_fix_leaves_nothing_to_report():
    assert_fixed(DoubledPunctuation, "It rained,, then stopped.\n", "It rained, then stopped.\n")
