"""word-choice/usage: misused words, redundancies and newsroom cliches, from
rules/data/usage.toml. Written for this project."""
from __future__ import annotations

import pytest
from conftest import rule_tables

from newslint.api import assert_flags, tomllib
from newslint.phrase_rule import load_pack
from newslint.rules.word_choice.usage import Usage

# (text, the spans reported, in order)
FLAG = [
    ("The agency will utilize new tools. The team is comprised of five. Irregardless, the "
     "past history shows it. In the wake of the vote, critics slammed the plan.",
     "utilize", "is comprised of", "Irregardless", "past history", "In the wake of", "slammed"),
    # direct quotes are left alone, and right uses of the words
    ("\u201cWe will utilize every tool,\u201d she said. The team comprises five. "
     "The door slammed? No: the wake of the ship. History shows it.", "slammed"),
]
CLEAN = [
    "The agency will use new tools. The team comprises five. The history shows it.",
    # a capital inside a sentence begins a name; "more" that counts does not grade "unique"
    "She called the Office of Small Business Utilization. Each auction had three or more unique bidders.",
]


test_flags, test_leaves_alone = rule_tables(Usage, FLAG, CLEAN)


def test_misuse_is_a_warning_redundancy_a_note_and_suggestions_follow_case():
    found = {FLAG[0][0][d.start:d.end].lower(): d
             for d in assert_flags(Usage, FLAG[0][0] + "\n", *FLAG[0][1:])}
    assert found["utilize"].suggestions == ("use",) and found["utilize"].severity.value == "warning"
    assert found["past history"].severity.value == "info"
    assert found["in the wake of"].suggestions[0] == "After"


@pytest.mark.parametrize("name", ["data/usage.toml", "data/complex_words.toml"])
def test_every_pack_entry_has_a_source(name):
    from importlib import resources

    raw = tomllib.loads(resources.files("newslint.rules").joinpath(name).read_text(encoding="utf-8"))
    assert raw["entry"] and all(e.get("source") for e in raw["entry"])
    assert load_pack("newslint.rules", name).entries
