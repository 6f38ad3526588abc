"""grammar/harper: the embedded Harper checker, its findings under grammar/harper/<Rule>.
Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_flags
from newslint.rules.grammar.harper import HarperGrammar

# (text, (id reported, span), ...)
FLAG = [
    ("This is an test of the system.", ("grammar/harper/AnA", "an")),
]
CLEAN = [
    "The minister said the plan would be ready by Friday. Officials welcomed the decision.",
    # newslint's own repeated-word rule does this, with its grammatical exceptions
    "She had had enough.",
]


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *found = case
    assert_flags(HarperGrammar, text + "\n", *found)


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(HarperGrammar, text + "\n")


def test_rules_noisy_on_news_can_be_turned_on_and_others_off():
    text = "This is an test of the system.\n"
    assert_clean(HarperGrammar, text, options={"disable": ["AnA"]})
    assert_flags(HarperGrammar, "She had had enough.\n", ("grammar/harper/RepeatedWords", "had had"),
                 options={"enable": ["RepeatedWords"]})


def test_a_sub_rule_reports_at_its_measured_level():
    """rules/data/harper_rules.toml: each judged sub-rule's level from its precision on published
    copy; an off sub-rule reports at info when selected; one never judged keeps its kind's level."""
    from newslint.rules.grammar import harper_backend as hb

    levels = hb.levels()
    assert levels["AnA"] == "off" and levels["WrongNegative"] == "off" and levels["WellBeing"] == "off"
    found = assert_flags(HarperGrammar, "This is an test of the system.\n", ("grammar/harper/AnA", "an"))
    assert found[0].severity.value == "info"
    assert not HarperGrammar.on_by_default("grammar/harper/AnA")
    assert HarperGrammar.on_by_default("grammar/harper") and HarperGrammar.on_by_default("grammar/harper/Nowhere")


def test_word_choice_and_style_inside_a_direct_quote_are_dropped():
    """A reporter cannot change what someone said."""
    assert_flags(HarperGrammar, "The plan is very unique, she said.\n", ("grammar/harper/VeryUnique", "very unique"))
    assert_clean(HarperGrammar, "\u201cThe plan is very unique,\u201d she said.\n")


def test_sub_rules_the_run_would_not_report_are_not_run():
    """Harper is not asked for what the run's selection would drop (it costs Harper's time):
    an off-by-default sub-rule, or one ignored; selecting it runs it again."""
    from newslint.context import Overrides, RunContext

    def disabled(**selection) -> frozenset[str]:
        engine = RunContext(Overrides(config=None, **selection)).engine(None)
        return next(r for r in engine.rules if r.id == "grammar/harper")._disabled

    assert {"AnA", "WrongNegative"} <= disabled()
    assert "AnA" not in disabled(extend_select=["grammar/harper/AnA"])
    assert "AnA" not in disabled(select=["grammar/harper/AnA"])
    assert "ItsContraction" not in disabled(extend_select=["grammar/harper"])  # the rule's id alone is not a sub-id
    assert "LookingForwardTo" not in disabled()
    assert "LookingForwardTo" in disabled(ignore=["grammar/harper/LookingForwardTo"])
