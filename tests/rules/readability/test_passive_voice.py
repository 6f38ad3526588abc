"""readability/passive-voice: be or get, optional adverbs, a past participle (off by default).
Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.rules.readability.passive_voice import PassiveVoice

# (sentence, the spans reported, in order)
FLAG = [
    ("The bridge was built in 1990.", "was built"),
    ("The suspect was arrested by police.", "was arrested"),
    ("Three people were killed.", "were killed"),
    ("The law has been changed.", "been changed"),
    # "are being" and "being" each open a passive
    ("The results are being counted.", "are being counted", "being counted"),
    ("He was given a warning.", "was given"),
    ("The report was written by analysts.", "was written"),
    ("The votes were not counted.", "were not counted"),
    ("The money is kept in a vault.", "is kept"),
    ("The city was hit by a storm.", "was hit"),
    ("The game was won in overtime.", "was won"),
    ("The plan was quickly approved.", "was quickly approved"),
    ("The files were stolen last week.", "were stolen"),
    ("Mistakes were made.", "were made"),
    ("The road will be closed.", "be closed"),
    ("The letter was sent on Monday.", "was sent"),
    ("The team got beaten badly.", "got beaten"),
    ("The house is being sold.", "is being sold", "being sold"),
    ("The decision was widely criticized.", "was widely criticized"),
    ("Two men were taken to hospital.", "were taken"),
    ("The suspects have been charged with fraud.", "been charged"),
    ("The votes were counted overnight.", "were counted"),
]
CLEAN = [
    "Police arrested the suspect.", "The storm hit the city.", "She was tired after the trip.",
    "They were concerned about costs.", "He is used to long hours.", "The mayor is a lawyer.",
    "Analysts wrote the report.", "The council approved the plan.", "We are ready.",
    "The team won the game.", "She was married in June to a teacher she met in school.",
    "He was interested in the job.", "Voters went to the polls.", "The bridge opened in 1990.",
    "It is supposed to rain.", "Prices are rising.", "She is excited about it.", "The roads are wet.",
    "They were at home.",
]


test_flags, test_leaves_alone = rule_tables(PassiveVoice, FLAG, CLEAN)


def test_off_by_default():
    assert not PassiveVoice.enabled_by_default
