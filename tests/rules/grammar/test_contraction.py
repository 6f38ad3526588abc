"""grammar/contraction: "who's term", "it's own". Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.rules.grammar.contraction import Contraction

# (text, the spans reported, in order)
FLAG = [
    ("The councillor, who's term ended in May, left. The firm lost it's own case.", "who's", "it's"),
    ("A woman who's mother was ill spoke. Ask who\u2019s job it is. It\u2019s own rules apply.",
     "who's", "who\u2019s", "It\u2019s"),
]
CLEAN = [
    "The councillor, whose term ended in May, left. The firm lost its own case.",
    # who's before a verb, an adjective, an adverb; a name list; "it's owned"
    "He asked who's running the show, who's responsible and who's next. It's who's who. It's owned by the state.",
    "We know who's been there and who's going. She is the one who's in charge.",
]

test_flags, test_leaves_alone = rule_tables(Contraction, FLAG, CLEAN)
