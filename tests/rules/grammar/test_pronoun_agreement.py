"""grammar/pronoun-agreement: "they is", "he have". Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_fixed, assert_flags
from newslint.rules.grammar.pronoun_agreement import PronounAgreement

# (text, the spans reported, in order)
FLAG = [
    ("They is expected to win. He have gone. We was late.", "is", "have", "was"),
    # "as" and "if" license only a subjunctive "were"
    ("Tourism helps as long as it are sustainable. The needles shake as they is hooked up. "
     "It causes problems, and it are hard to fix.", "are", "is", "are"),
    ("It are late, and it are slow. You is here, so you has to stay.", "are", "are", "is", "has"),
    ("The data it are able to obtain grew, and the publicity it have attracted.", "are", "have"),
    ("Act before it are too late. He said: \u201cWe has water.\u201d", "are", "has"),
]
CLEAN = [
    # questions, subjunctives, verbs taking a bare infinitive, compound subjects
    ("Does he have a plan? If it were up to me, I would go. Let them have it. She is here and they are there. "
     "He acted as it were a game. He said he would go if he felt he were no longer up to it. "
     "My wife and I are overjoyed. Tom and he were late."),
    # an organisation's initials, a name in capitals, "you" and "it" as objects
    "NS&I is a savings bank. R&I has grown. Fair For You has lent more.",
    "Knowing someone is watching you has an effect. The structure above you has worked. Staff who use it are slow.",
]


test_flags, test_leaves_alone = rule_tables(PronounAgreement, FLAG, CLEAN)


def test_suggests_the_verb_that_agrees():
    found = assert_flags(PronounAgreement, FLAG[0][0] + "\n", "is", "have", "was")
    assert [d.suggestions[0] for d in found] == ["are", "has", "were"]
    found = assert_flags(PronounAgreement, FLAG[1][0] + "\n", "are", "is", "are")
    assert [d.suggestions[0] for d in found] == ["is", "are", "is"]


def test_in_a_quote_it_is_a_warning_without_fix():
    text = 'The owner was firm. "One demand was that it don\'t sell," he said. They is sure.\n'
    found = assert_flags(PronounAgreement, text, "don't", "is")
    assert [(d.severity.value, d.fix is None) for d in found] == [("warning", True), ("error", False)]


def test_the_fix_is_offered_not_applied():
    (d,) = assert_flags(PronounAgreement, "They is sure.\n", "is")
    assert d.fix.applicability.value == "unsafe"
    assert_fixed(PronounAgreement, "They is sure.\n", "They are sure.\n", unsafe=True)
