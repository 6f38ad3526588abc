"""readability/grade: the story's readability numbers (textstat's formulas, computed offline)
and a grade above the target. Also the family's notion of body text. Written for this project."""
from __future__ import annotations

import socket

import pytest
from conftest import ROOT

from newslint.api import assert_clean, assert_flags
from newslint.markup import parse
from newslint.rules.lang.syllables import table
from newslint.rules.readability.grade import StoryGrade, body_sentences, readability_block
from newslint.rules.readability.metrics import story_metrics

STORY = ("Officials said on Monday that the new bridge would open next spring. The project, which has "
         "been delayed twice by funding disputes and a lawsuit brought by residents who live near the "
         "river, will cost about $40 million. Drivers will pay a toll.\n\n"
         "The mayor welcomed the news. She said the city had waited long enough.\n")

HARD = ("Officials who had been asked repeatedly about the extraordinarily complicated "
        "infrastructure appropriations acknowledged considerable uncertainty regarding implementation, "
        "and the committee's deliberations concerning administrative responsibilities continued indefinitely. ") * 8
# hard words in short sentences: a grade above the target, but not well above it with long sentences
SHORT_HARD = ("Officials acknowledged considerable uncertainty regarding implementation. "
              "Administrative responsibilities remained extraordinarily complicated. ") * 12

# (text, format, the span reported): the finding is anchored on the first word of prose
FLAG = [
    (HARD + "\n", "plain", "Officials"),
    ("> " + HARD + "\n", "markdown", "Officials"),
]
CLEAN = [
    (STORY, "plain"),  # grade 11 or below
    ("The council met. " * 5 + "\n", "plain"),  # too short to grade
    (SHORT_HARD + "\n", "plain"),  # long words, short sentences: not a note the desk acts on
]


@pytest.mark.parametrize("case", FLAG, ids=lambda c: c[1])
def test_flags(case):
    text, fmt, span = case
    (d,) = assert_flags(StoryGrade, text, span, fmt=fmt)
    assert "above the target of 11" in d.message


@pytest.mark.parametrize("case", CLEAN, ids=lambda c: c[0][:30])
def test_leaves_alone(case):
    text, fmt = case
    assert_clean(StoryGrade, text, fmt=fmt)


def test_max_grade_and_min_words_options():
    assert_clean(StoryGrade, HARD + "\n", options={"max-grade": 30})
    assert_clean(StoryGrade, HARD + "\n", options={"min-words": 1000})


TEXTS = [
    STORY,
    (ROOT / "seeds" / "000_7467d37895fd2b1a.txt").read_text(encoding="utf-8"),
    "It's the well-known rule: don't re-enter. Zyzzogeton and Qwxlphat aren't words! Are they? "
    "The 2024 budget rose 4.5% to $3bn.\n\nShort. Two words. The end of a much longer sentence here.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_numbers_are_textstats(monkeypatch, text):
    """newslint computes textstat's formulas itself (see metrics.py); textstat, fed the same
    syllable dictionary (here, in the test only), must give the same five numbers."""
    import textstat
    from textstat.backend.counts import _count_syllables

    cmu = {w: [["AH1"] * n] for w, n in table().items()}
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: cmu)
    ours = story_metrics(text)
    assert ours == {
        "flesch_reading_ease": round(textstat.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(text), 1),
        "gunning_fog": round(textstat.gunning_fog(text), 1),
        "smog_index": round(textstat.smog_index(text), 1),
        "dale_chall": round(textstat.dale_chall_readability_score(text), 2),
    }


def test_story_block_counts_body_sentences():
    block = readability_block(parse("s.txt", STORY))
    assert block["sentences"] == 5 and block["grade"] == block["flesch_kincaid_grade"]


def test_offline_same_numbers(monkeypatch):
    before = readability_block(parse("s.txt", STORY))

    def refuse(*a, **k):
        raise OSError("network disabled in test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert readability_block(parse("s.txt", STORY)) == before


def test_headlines_and_quotes_are_not_body():
    doc = parse("s.md", "# A very long headline " + "word " * 40 + "\n\nBody text here.\n")
    assert [s.text for s in body_sentences(doc)] == ["Body text here."]


def test_placeholder_only_blocks_are_not_sentences():
    doc = parse("s.md", '{% image "a.jpg" "Alt" %}\n\n![](b.png)\n\nThe council met. It voted.\n')
    assert [s.text for s in body_sentences(doc)] == ["The council met.", "It voted."]
