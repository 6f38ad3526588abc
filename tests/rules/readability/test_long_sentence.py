"""readability/long-sentence: a body sentence over the limit. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_flags
from newslint.rules.readability.long_sentence import LongSentence

LONG = "The council " + " ".join(["met and talked"] * 13) + " until late."

# (text, the spans reported): the finding spans the sentence
FLAG = [
    (LONG, LONG),
    ("It rained. " + LONG, LONG),
]
CLEAN = [
    "A short sentence. Another one.",
    "\u201c" + LONG + "\u201d",  # a direct quote is left alone
]


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    (d,) = assert_flags(LongSentence, text + "\n", *spans)
    assert "43 words" in d.message


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(LongSentence, text + "\n")


def test_max_words_option():
    assert_clean(LongSentence, LONG + "\n", options={"max-words": 50})
