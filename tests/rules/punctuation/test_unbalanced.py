"""punctuation/unbalanced: quotation marks and brackets in pairs. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_clean
from newslint.rules.punctuation.unbalanced import Unbalanced

# (text, the spans reported, in order)
FLAG = [
    ('He said “we will win and left.', '“'),
    ('The plan (a new one was approved.', '('),
    ('It was approved) on Monday.', ')'),
    ('He said "we will win and left.', '"'),
]

CLEAN = [
    'He said “we will win” and left.',
    'The plan (a new one) was approved.',
    'You can 1) wait, 2) call or 3) leave.',
    'He said “she told me ‘no’ twice” and left.',
]

test_flags, test_leaves_alone = rule_tables(Unbalanced, FLAG, CLEAN)


def test_a_quotation_running_on_into_the_next_paragraph_is_not_unclosed():
    assert_clean(Unbalanced, "“We waited for years, she said.\n\n“Now it is here,” she said.\n")
