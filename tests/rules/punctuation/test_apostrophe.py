"""punctuation/apostrophe: apostrophes in plurals. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_fixed, assert_flags
from newslint.rules.punctuation.apostrophe import Apostrophe

# (text, the spans reported, in order)
FLAG = [
    ("Music from the 1990's is back.", "1990's"),
    ('It was a hit in the 80’s.', '80’s'),
    ('A letter from human rights’ organizations arrived.', 'rights’'),
    ("The sports' fans cheered.", "sports'"),
    ("A new sales' tax starts in May.", "sales'"),
    # an accent or a backtick typed for an apostrophe
    ("Russia´s war of aggression goes on.", "Russia´s"),
    ("The VMD`s international work grows.", "VMD`s"),
    ("She said it isn´t over and they´ll be back.", "isn´t", "they´ll"),
]

CLEAN = [
    # a numbered thing's possessive, a name's possessive, a closing single quote
    "Schedule 70's terms were updated last year.",
    "JD Sports’ general counsel resigned.",
    "He called it the ‘human rights’ question and moved on.",
    'Music from the 1990s is back.',
    'The workers’ union met.',
    'A letter from human rights organizations arrived.',
    "The players' wages rose.",
    'The sports fans cheered.',
    "It was the rights' and duties' debate of the year.",
    # an accent that is no apostrophe: a name's own mark, a backtick before other letters
    "She read the Qur´an at the service.",
    "Type `s` to save, then `q` to quit.",
    "The mark ´ is an acute accent.",
]

test_flags, test_leaves_alone = rule_tables(Apostrophe, FLAG, CLEAN)


def test_an_accent_becomes_the_storys_own_apostrophe():
    assert_fixed(Apostrophe, "Russia´s war and the EU’s reply.\n", "Russia’s war and the EU’s reply.\n")
    assert_fixed(Apostrophe, "Russia´s war and the EU's reply.\n", "Russia's war and the EU's reply.\n")


def test_decade_fix_is_safe_and_modifier_fix_is_offered():
    assert_fixed(Apostrophe, "Music from the 1990's is back.\n", "Music from the 1990s is back.\n")
    text = "A letter from human rights’ organizations arrived.\n"
    (d,) = assert_flags(Apostrophe, text, "rights’")
    assert d.fix.applicability.value == "unsafe"
    assert_fixed(Apostrophe, text, "A letter from human rights organizations arrived.\n", unsafe=True)
