"""word-choice/unusual-word: a real word that fits neither its phrase nor the story ("the child
units"), judged by a trigram model of general English and word vectors. Written for this
project."""
from __future__ import annotations

import pytest
from conftest import ROOT, case_id, lint

from newslint.api import assert_clean, assert_flags, lint_with
from newslint.markup import parse
from newslint.rules.word_choice.unusual_word import FEATURES, SCORE, UnusualWord, candidates

STORM = """Storm cuts power to thousands across the county

A powerful storm swept across the county on Sunday night, toppling trees, flooding roads and cutting power to more than 40,000 homes, utility officials said.

Crews worked through the night to restore electricity, but officials warned that some rural customers could be without power until Wednesday. The storm brought wind gusts of up to 70 miles per hour and nearly three inches of rain in some areas.

Emergency managers opened two shelters at local high schools for residents whose homes were damaged. The county sheriff urged drivers to stay off the roads, where fallen power lines and standing water made travel dangerous.

The national weather service said the worst of the strong winds had passed, but more rain was expected on Tuesday.
"""

COUNCIL = """City council approves budget after long debate

The city council approved a $4.2 million budget on Tuesday after a debate that ran past midnight, ending a standoff that had delayed road repairs and library hours for weeks.

Council members voted 7-2 for the spending plan, which raises property taxes by 3 percent and sets aside money for the police department, the fire service and the public library. The two members who voted against it said the tax increase would hurt retirees on fixed incomes.

The approved plan also funds a new bus route to the industrial park and hires four building inspectors. Residents who spoke at the meeting asked the council to delay the tax vote until the autumn, but the mayor said the city could not wait.

The finance director said the projected deficit would shrink next year if sales tax revenue keeps growing at its current pace.
"""


SEED = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")

# (story, the spans reported, in order)
FLAG = [
    (STORM.replace("the strong winds", "the pajama winds"), "pajama"),
    (COUNCIL.replace("projected deficit", "tulip deficit"), "tulip"),
    # the story newslint started from
    (SEED, "child"),
]
CLEAN = [
    STORM,
    COUNCIL,
    # a rare word that belongs to the story's subject is not out of place
    COUNCIL.replace("the projected deficit", "the municipal deficit"),
    # too short to tell what the story is about
    "The council met on Monday.\n",
    "The finance director said the tulip deficit would shrink next year.\n",
    # names and headlines are left alone
    STORM.replace("the strong winds", "the Pajama winds"),
    STORM.replace("Storm cuts power to thousands", "Storm cuts the pajama winds"),
]
PAJAMA = FLAG[0][0]


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    (d,) = assert_flags(UnusualWord, text, *spans)
    assert "little to do with the rest of the story" in d.message


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(UnusualWord, text)


def test_on_by_default_and_alone_among_the_word_choice_rules_here():
    assert [d.rule for d in lint(PAJAMA, select=["word-choice"])] == ["word-choice/unusual-word"]


def test_suggests_a_word_that_fits_the_phrase():
    (d,) = lint_with(UnusualWord, PAJAMA)
    assert d.suggestions and d.suggestions[0] != "pajama"
    assert f"'{d.suggestions[0]}' would fit here" in d.message


def test_in_a_quote_it_is_only_a_note():
    text = STORM.replace("The national weather service said the worst of the strong winds had passed",
                         '"The worst of the pajama winds has passed," the national weather service said')
    (d,) = assert_flags(UnusualWord, text, "pajama")
    assert d.severity.value == "info"


def test_points_into_markdown_source():
    text = STORM.replace("The national weather service said the worst of the strong winds",
                         "The [national weather service](https://weather.gov) said the worst of the *pajama* winds")
    assert_flags(UnusualWord, text, "pajama", fmt="markdown")


def test_thresholds_are_options():
    (d,) = assert_flags(UnusualWord, PAJAMA, "pajama", options={"warning": 0.999, "info": 0.5})
    assert d.severity.value == "info"
    assert_clean(UnusualWord, PAJAMA, options={"warning": 1.0, "info": 1.0})


def test_thresholds_from_a_configuration_file(tmp_path):
    cfg = tmp_path / "newslint.toml"
    cfg.write_text('[rules."word-choice/unusual-word"]\nwarning = 0.999\ninfo = 0.5\n')
    (d,) = lint(PAJAMA, select=["word-choice/unusual-word"], config=cfg)
    assert d.severity.value == "info"


def test_respects_the_newsroom_dictionary():
    assert_clean(UnusualWord, PAJAMA, dictionary=frozenset({"pajama"}))


def test_model_file_matches_the_features_the_rule_computes():
    m = SCORE.data
    assert set(m["weights"]) == set(FEATURES)
    assert 0 < m["thresholds"]["info"] < m["thresholds"]["warning"] < 1
    (c,) = [c for c in candidates(parse("s.txt", PAJAMA), UnusualWord.skip_scopes) if c.token == "pajama"]
    assert set(c.features) == set(FEATURES)
