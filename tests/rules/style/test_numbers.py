"""style/numbers: figures and words as a news desk writes them. Written for this project."""
from __future__ import annotations

import pytest
from conftest import rule_tables

from newslint.api import assert_fixed, assert_flags
from newslint.rules.style.numbers import Numbers

# (text, the spans reported, in order)
FLAG = [
    ('The council hired 3 new officers last year.', '3'),
    ('Police arrested 7 men after the match.', '7'),
    ('She has written 2 books about the war.', '2'),
    ('The storm destroyed 9 homes in the valley.', '9'),
    ('Officials said 4 schools would close.', '4'),
    ('The team lost fifteen games in a row.', 'fifteen'),
    ('About twenty-five people attended the vigil.', 'twenty-five'),
    ('The bill passed with thirty votes to spare in the house.', 'thirty'),
    ('12 people died in the crash.', '12'),
    ('150 protesters gathered outside.', '150'),
    ('Turnout rose by 5 percent in the city.', ' percent'),
    ('Prices fell 3 per cent last month.', ' per cent'),
    ('The city expects 25000 visitors.', '25000'),
    ('The project cost $4,500,000 to build.', '$4,500,000'),
    ('The fund lost $2,000,000,000 last year.', '$2,000,000,000'),
    # numbers above nine in words before a noun, hundreds and thousands included (AP: figures)
    ('The fire forced seven hundred residents from their homes.', 'seven hundred'),
    ('About twenty thousand fans watched the final.', 'twenty thousand'),
    ('The plant employs two thousand workers.', 'two thousand'),
    # a figure opening a sentence after an ordinary sentence end is still reported
    ('The council met in the city. 48% of residents voted.', '48'),
]

CLEAN = [
    'The council hired three new officers last year.',
    'The boy, 5, was unhurt.',
    'Unemployment rose to 5% in March.',
    'The bridge is 9 feet high.',
    'The meeting starts at 7 p.m. on Monday.',
    'They won 3-2 after extra time.',
    'The tax rose by 4 million dollars.',
    'Turn onto Route 9 and follow the signs.',
    'It cost $5 to enter.',
    'Chapter 4 describes the trial.',
    'The vote was held on Sept. 5 in the capital.',
    'In 2019 the council approved the plan.',
    '2019 was the warmest year on record.',
    'Between 5 and 12 inches of snow fell.',
    'Fifteen people were injured in the blast.',
    'The city expects 25,000 visitors.',
    'He said: “We need 3 more days.”',
    'Seven hundred residents left the town.',
    'Hundreds of residents left; a thousand more stayed.',
    'The choir sang for two hundred and six days.',
    # a figure after an abbreviation the splitter takes for a sentence end, a date, a name
    'For more information see IRS Pub 17, ch. 14, pg. 104 or the guide.',
    'The bill, H.R. 39 in the last Congress, passed.',
    'Sign-ups close soon. 5 April 2022 is the last day.',
    'The unit is ready. 16 Regiment Royal Artillery accepted the system.',
    'Call the office. 0300 500 5306 is the number.',
    'The release is out. 0.24 introduced a new build.',
]


BRITISH = {"dialect": "en-GB"}


def test_british_copy_follows_the_story_for_small_figures():
    # British house styles differ (GOV.UK and the Australian Style Manual use numerals from 2):
    # a small figure is reported only when the story spells out small numbers elsewhere
    from newslint.api import assert_clean
    assert_clean(Numbers, "The council hired 3 new officers and 4 new wardens.\n", **BRITISH)
    assert_flags(Numbers, "The council hired 3 new officers and three new wardens.\n", "3", **BRITISH)
    assert_flags(Numbers, "The council hired 3 new officers.\n", "3")  # AP copy: always

test_flags, test_leaves_alone = rule_tables(Numbers, FLAG, CLEAN)


def test_percent_option_and_preset_none():
    (d,) = assert_flags(Numbers, "Prices rose 5% and 3 shops shut.\n", "%", options={"percent": "percent"},
                        sections={"style": {"preset": "none"}})
    assert d.message == "House style writes 'percent' after a figure, not '%'"


@pytest.mark.parametrize("text, fixed", [
    ("Turnout rose by 5 percent in the city.\n", "Turnout rose by 5% in the city.\n"),
    ("The project cost $4,500,000 to build.\n", "The project cost $4.5 million to build.\n"),
    ("The city expects 25000 visitors.\n", "The city expects 25,000 visitors.\n"),
])
def test_safe_fixes_leave_nothing_to_report(text, fixed):
    assert_fixed(Numbers, text, fixed)


def test_a_figure_in_words_is_a_fix_offered_not_applied():
    text = "The council hired 3 new officers last year.\n"
    (d,) = assert_flags(Numbers, text, "3")
    assert d.fix.applicability.value == "unsafe"
    assert_fixed(Numbers, text, "The council hired three new officers last year.\n", unsafe=True)
