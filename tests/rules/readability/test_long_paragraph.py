"""readability/long-paragraph: a paragraph longer than news style allows. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_clean
from newslint.rules.readability.long_paragraph import LongParagraph

WORDY = "The council met on Monday to talk about the budget, the roads, the schools and the library. " * 5

# (text, the spans reported): the finding spans the paragraph's first sentence
FLAG = [
    ("The council met. It talked. It voted. It ate. It left the hall late.", "The council met."),
    (WORDY.strip(), "The council met on Monday to talk about the budget, the roads, the schools and the library."),
]
CLEAN = [
    "The council met. It talked. It voted. It left the hall late.",
    "The council met.\n\nIt talked.\n\nIt voted.\n\nIt ate.\n\nIt left the hall late.",
]


test_flags, test_leaves_alone = rule_tables(LongParagraph, FLAG, CLEAN)


def test_limits_are_options():
    assert_clean(LongParagraph, FLAG[0][0] + "\n", options={"max-sentences": 5})
