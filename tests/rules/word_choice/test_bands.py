"""The score bands of the statistical word-choice rules (rules/lang/bands.py,
rules/data/word_choice_bands.toml): each band's level is the one its measured precision on
judged real copy earns, and the rules report at their band's level. Written for this project."""
from __future__ import annotations

import pytest

from newslint.api import Severity, lint_with
from newslint.rules.lang import bands
from newslint.rules.word_choice.confused_word import ConfusedWord
from newslint.rules.word_choice.real_word import RealWord
from newslint.rules.word_choice.unusual_word import UnusualWord

RULES = (UnusualWord, RealWord, ConfusedWord)
# README: error at >= 95% on judged real copy, warning at >= 80%, info below
BAR = {Severity.ERROR: 0.95, Severity.WARNING: 0.80}
# judged findings a band needs before its precision can make it more than a note
ENOUGH = 10


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_band_earns_its_level(rule):
    found = bands.bands(rule.id)
    assert found, "every statistical rule has its bands"
    for b in found:
        if b.level in BAR:
            assert b.judged >= ENOUGH and b.precision >= BAR[b.level], b
        assert 0 <= b.true <= b.judged


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bands_are_ordered_and_levels_never_rise_as_scores_fall(rule):
    found = bands.bands(rule.id)
    assert [b.start for b in found] == sorted((b.start for b in found), reverse=True)
    ranks = [b.level.rank if b.level else 0 for b in found]
    assert ranks == sorted(ranks, reverse=True)


def test_level_of_a_score():
    top, *_ = bands.bands(RealWord.id)
    assert bands.level(RealWord.id, 1.0) == top.level
    assert bands.level(RealWord.id, bands.floor(RealWord.id) - 0.01) is None
    assert bands.level(ConfusedWord.id, 0.1) is None  # its lowest band is off


def test_the_rule_reports_at_its_band():
    text = "She lives in a manor that suits her well."
    (d,) = lint_with(RealWord, text)
    assert d.severity == bands.level(RealWord.id, 1.0) == Severity.INFO


def test_user_thresholds_still_decide_when_set():
    text = "She lives in a manor that suits her well."
    (d,) = lint_with(RealWord, text, options={"warning": 0.5})
    assert d.severity == Severity.WARNING
    assert lint_with(RealWord, text, options={"info": 0.99999}) == []
