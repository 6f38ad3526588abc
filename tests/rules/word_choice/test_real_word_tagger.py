"""word-choice/real-word with the optional error tagger (pip install newslint[tagger]): on when
installed, its two features then join the rule's in a second fitted score with its own bands;
``tagger = false`` gives what an install without it gives. The tests that need the tagger run
with the real model package and skip where it is not installed. Written for this project."""
from __future__ import annotations

import pytest

from newslint.api import RunSettings, lint_with
from newslint.markup import parse
from newslint.options import OptionError
from newslint.rules.lang import bands, tagger
from newslint.rules.word_choice import real_word
from newslint.rules.word_choice.real_word import FEATURES, TAGGER_FEATURES, TAGGER_SCORE, RealWord

needs_tagger = pytest.mark.skipif(not tagger.available(), reason="newslint[tagger] is not installed")

# slips and correct sentences, some from test_real_word.py
STORY = ("The mayor spoke form the steps of city hall on Monday. She said the city would rise taxes next "
         "year to pay for the new school. Prices rose sharply in the past mouth, and voters will go to the "
         "polls on Tuesday. He was arrested when he war leaving the bank.\n")


def rule(**options):
    return RealWord(RealWord.make_options(options), RunSettings())


def findings(found):
    return [(d.start, d.end, d.severity, d.message, d.suggestions) for d in found]


def test_the_option_validates():
    assert RealWord.make_options({}).tagger is True
    assert RealWord.make_options({"tagger": False}).tagger is False
    with pytest.raises(OptionError, match="tagger must be bool"):
        RealWord.make_options({"tagger": "off"})


def test_off_is_the_rule_without_the_package(monkeypatch):
    off = findings(lint_with(RealWord, STORY, options={"tagger": False}))
    assert rule(tagger=False).error_tagger() is None
    monkeypatch.setattr(tagger, "available", lambda: False)
    assert rule().error_tagger() is None
    assert findings(lint_with(RealWord, STORY)) == off
    assert off, "the story's slips are found without the tagger too"


@needs_tagger
def test_installed_it_is_on_and_gives_its_features():
    r = rule()
    assert isinstance(r.error_tagger(), tagger.Tagger)
    scored = list(r.scored(parse("s.txt", STORY)))
    assert scored and all(set(c.features) == set(FEATURES + TAGGER_FEATURES) for c, _ in scored)
    form = next(c for c, _ in scored if c.token == "form")
    # the tagger's log-probability that "form" is not kept: measured -3.7 (a kept word: about -7)
    assert form.features["tagger_change"] > -6.0
    assert all(set(c.features) == set(FEATURES) for c, _ in rule(tagger=False).scored(parse("s.txt", STORY)))


@needs_tagger
def test_with_the_tagger_the_score_and_bands_are_its_own():
    assert tuple(TAGGER_SCORE.data["weights"]) == FEATURES + TAGGER_FEATURES
    th = TAGGER_SCORE.data["thresholds"]
    assert 0 < th["info"] < th["warning"] < 1
    # its bands start at its fitted thresholds, as the rule's own bands start at the rule's
    assert bands.floor_without_semantic(real_word.TAGGER_BANDS) == pytest.approx(th["info"], abs=1e-4)
    found = lint_with(RealWord, STORY)
    assert {STORY[d.start:d.end] for d in found} >= {"form", "war"}


def test_a_broken_install_is_one_notice_and_the_rule_runs_without_it(monkeypatch):
    def broken():
        raise tagger.TaggerUnavailable("no model")

    monkeypatch.setattr(tagger, "available", lambda: True)
    monkeypatch.setattr(tagger, "load", broken)
    notices = []
    r = rule()
    monkeypatch.setattr(r, "notice", notices.append)
    assert findings(r.check(parse("s.txt", STORY))) == findings(lint_with(RealWord, STORY, options={"tagger": False}))
    assert any("error tagger is not used (no model)" in n for n in notices)


@needs_tagger
def test_the_tagger_fit_records_its_dataset_and_every_source():
    from newslint.rules.lang import provenance

    made = TAGGER_SCORE.data["provenance"]
    assert made["written_by"] == "benchmarks/train_real_word.py" and len(made["dataset_sha256"]) == 64
    assert set(made["packages"]) | set(made["files"]) == set(TAGGER_SCORE.sources) >= set(tagger.PACKAGES)
    for name, sha in made["files"].items():
        assert provenance.data_sha256(name) == sha
