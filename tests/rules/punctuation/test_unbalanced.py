"""punctuation/unbalanced: quotation marks and brackets in pairs. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_clean, assert_flags
from newslint.rules.punctuation.unbalanced import Unbalanced

# (text, the spans reported, in order)
FLAG = [
    ('The plan (www.example.com was approved, he said.', '('),
    ('He smiled: a sad face, and then ) a stray bracket.', ')'),
    ('He said “we will win and left.', '“'),
    ('The plan (a new one was approved.', '('),
    ('It was approved) on Monday.', ')'),
    ('He said "we will win and left.', '"'),
]

CLEAN = [
    # emoticons, a half-open interval, a web address in brackets: nothing to pair
    'Our pull requests are always small, right? ;)',
    'Thanks for reading :)',
    'Write to us any time :-) and we will reply.',
    'The function returns a number in the interval [0, 1).',
    'Check for flooding - GOV.UK (www.gov.uk) or call the line.',
    'Read the report (https://example.com/report) today.',
    'He said “we will win” and left.',
    'The plan (a new one) was approved.',
    'You can 1) wait, 2) call or 3) leave.',
    'He said “she told me ‘no’ twice” and left.',
]

test_flags, test_leaves_alone = rule_tables(Unbalanced, FLAG, CLEAN)


def test_a_quotation_running_on_into_the_next_paragraph_is_not_unclosed():
    assert_clean(Unbalanced, "“We waited for years, she said.\n\n“Now it is here,” she said.\n")


def test_web_address_in_brackets_in_html():
    # the address is masked as not prose, its closing bracket with it: the bracket is closed
    from newslint.api import assert_clean
    assert_clean(Unbalanced, '<p>Check for flooding - GOV.UK (www.gov.uk) or call.</p>\n', fmt="html")
    assert_clean(Unbalanced, '<p>Read the <a href="/r">report</a> (https://example.com/r) now.</p>\n', fmt="html")
    assert_flags(Unbalanced, '<p>The plan (a new one was approved.</p>\n', "(", fmt="html")
