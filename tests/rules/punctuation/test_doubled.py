"""punctuation/doubled: doubled marks. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_fixed
from newslint.rules.punctuation.doubled import DoubledPunctuation

# (text, the spans reported, in order)
FLAG = [
    ('It rained,, and then it stopped.', ',,'),
    ('The end came.. suddenly.', '..'),
    ('We won!!', '!!'),
    ('Really??', '??'),
    ('Was it worth it?? Yes.', '??'),
    ('The file is missing.. Try again.', '..'),
]

CLEAN = [
    'It rained, and then it stopped.',
    'The end came... suddenly.',
    # tokens, not punctuation: a template placeholder, a code path, a relative path
    'The chart !!3 shows the trend.',
    'Search with has::emoji: to find them.',
    'Call std::io::stdin to read input.',
    'Copy the files from ../docs to the site.',
]

test_flags, test_leaves_alone = rule_tables(DoubledPunctuation, FLAG, CLEAN)


def test_fix_leaves_nothing_to_report():
    assert_fixed(DoubledPunctuation, "It rained,, then stopped.\n", "It rained, then stopped.\n")
