"""consistency/names: first and later references to people, and titles. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_clean, assert_fixed, assert_flags
from newslint.rules.consistency.names import Names

# AP (en-US): (text, the spans reported, in order)
FLAG = [
    ('Smith said the plan was late. John Smith is the mayor.', 'Smith'),
    ('Garcia spoke first. Later, Maria Garcia left.', 'Garcia'),
    ('John Smith spoke. Smith sat down. John Smith then left.', 'John Smith'),
    ('Maria Garcia won. Garcia smiled. Critics said Maria Garcia cheated.', 'Maria Garcia'),
    ('The award went to Peter Novak. Novak wept. Peter Novak thanked his team.', 'Peter Novak'),
    ('Kowalski was late. Anna Kowalski said the bus broke down.', 'Kowalski'),
    ('The vote was called by president Joe Biden on Monday.', 'president'),
    ('It was signed by governor Gavin Newsom.', 'governor'),
    ('The bill came from senator Susan Collins.', 'senator'),
    ('The speech by mayor Karen Bass was short.', 'mayor'),
    ('The President said the talks would resume.', 'President'),
    ('Aides to the Governor, said nothing.', 'Governor'),
    ('The Mayor has resigned.', 'Mayor'),
    ('Hernandez won. Luis Hernandez won again. Luis Hernandez wept.', 'Hernandez', 'Luis Hernandez'),
    ('The letter from prime minister Keir Starmer arrived.', 'prime minister'),
]

CLEAN = [
    'John Smith is the mayor. Smith said the plan was late.',
    'Maria Garcia spoke first. Later, Garcia left.',
    'President Joe Biden signed the bill. The president said it would help.',
    'The president said the talks would resume.',
    'Gov. Gavin Newsom signed it. Newsom said little.',
    'The mayor has resigned.',
    'John Smith and Mary Jones met. Smith and Jones agreed.',
    '“John Smith is a liar,” said Mary Jones. Jones left.',
    'The Smith Center opened on Monday.',
    'Peter Novak won the award. Novak thanked his team.',
    'The king spoke to the nation.',
    'Anna Kowalski said the bus broke down. Kowalski was late.',
    'The council met in March.',
    'Senator Susan Collins voted no.',
    'The Washington Post reported it first.',
    'The shop John Lewis opened. Later John Lewis closed.',
    'Prince Harry spoke. Harry left.',
]

test_flags, test_leaves_alone = rule_tables(Names, FLAG, CLEAN)


def test_titles_are_left_alone_in_british_style():
    assert_clean(Names, "The Prime Minister said the talks would resume.\n", dialect="en-GB")


def test_title_fixes_are_offered_not_applied():
    text = "The vote was called by president Joe Biden on Monday.\n"
    (d,) = assert_flags(Names, text, "president")
    assert d.fix is not None and d.fix.applicability.value == "unsafe"
    assert_fixed(Names, text, "The vote was called by President Joe Biden on Monday.\n", unsafe=True)
