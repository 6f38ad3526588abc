"""consistency/name-spelling: one name spelled two ways in one story. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_flags
from newslint.rules.consistency.name_spelling import NameSpelling

# (text, the spans reported, in order)
FLAG = [
    ("President Zelenskyy spoke on Monday. Later Zelensky said Zelenskyy\u2019s plan stood, "
     "and the Zelensky aides agreed.", "Zelensky"),
    ("Nancy Pelosi spoke. Pelosi's aides agreed, and Pelossi left.", "Pelossi"),
    # two real surnames, but the story shows one person: the bare variant after a full name,
    # or the same given name before both
    ("Council leader Sarah Thompson said the budget was final. Thompson added that taxes would "
     "rise, and Thomson said the vote was close.", "Thomson"),
    ("Mark Philips spoke first. Later Mark Phillips said Phillips would stay.", "Philips"),
]
CLEAN = [
    # derivatives, different last letters, two established names, plurals
    ("Bolivia and Bolivian farmers, Nepal and Nepali guides, the Himalayas and a Himalayan peak. "
     "Eric Clapton met Clayton Jones; Peterson and Petersen argued. The Clintons and Clinton."),
    # two people, each introduced with a given name
    ("Sarah Thompson met Emma Thomson. Thompson spoke first and Thomson replied."),
]


test_flags, test_leaves_alone = rule_tables(NameSpelling, FLAG, CLEAN)


def test_reported_once_with_the_other_spelling():
    (d,) = assert_flags(NameSpelling, FLAG[0][0] + "\n", "Zelensky")
    assert d.suggestions == ("Zelenskyy",) and d.category.value == "consistency"
