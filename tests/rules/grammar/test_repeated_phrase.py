"""grammar/repeated-phrase: "from the from the". Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.rules.grammar.repeated_phrase import RepeatedPhrase

# (text, the spans reported, in order)
FLAG = [
    ("He moved from the from the city last year.", "from the"),
    ("At the end of at the end of the day, it held. She said it was in the in the report.",
     "at the end of", "in the"),
    ("The plan, which was was approved, is one of the one of the best.", "one of the"),
    ("They ordered an audit and audit of the accounts, or a review or review.", "audit", "review"),
]
CLEAN = [
    "He moved from the city. She said no, no, no. Again and again it failed.",
    # punctuation between, names in capitals, content words only, a single doubled word
    "It was over, over and over. We watched New York New York. Bye bye, she said. It was the the end.",
    "The chant was stop the war, stop the war. Knock knock. That is, that is all.",
    "He said it was what it was. The more the merrier. Step by step by step.",
    "It went on again and again, more and more, over and over, for years and years. An audit and an audit.",
    # idioms of a word joined to itself, a name given, a compound after "or"
    "They sent letters, and more and more of them. It moved from place to place to help. And so on and so on.",
    "We call the Lab the Lab. It is a page or page resource. It is either the extended or extended/deploy edition.",
]

test_flags, test_leaves_alone = rule_tables(RepeatedPhrase, FLAG, CLEAN)
