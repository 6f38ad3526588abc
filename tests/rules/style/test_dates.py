"""style/dates: dates, times and weekdays. Written for this project."""
from __future__ import annotations

import pytest
from conftest import rule_tables

from newslint.api import assert_clean, assert_fixed, assert_flags
from newslint.rules.style.dates import Dates

# AP (en-US): (text, the spans reported, in order)
FLAG = [
    ('The vote is on Tuesday, Oct. 10, 2018, in the capital.', 'Tuesday'),
    ('It opened on Friday, July 4, 2020, to crowds.', 'Friday'),
    ('The trial began on December 2nd in Boston.', 'December 2nd'),
    ('The law takes effect January 1.', 'January 1'),
    ('Voting ends September 30 at noon.', 'September 30'),
    ('The festival opens Aug 3 in the park.', 'Aug 3'),
    ('The court meets Mar. 3 to hear the case.', 'Mar. 3'),
    ('The shop opens on Jun. 15 after repairs.', 'Jun. 15'),
    ('The meeting starts at 10am sharp.', '10am'),
    ('Doors open at 7 PM for guests.', '7 PM'),
    ('The train leaves at 5:30pm daily.', '5:30pm'),
    ('The hearing is on Nov 21 in the morning.', 'Nov 21'),
    ('The ceremony was held on October 3rd, 2019.', 'October 3rd'),
    ('It happened on Monday, Feb. 29, 2020, at dawn.', 'Monday'),
    ('The strike ends Sept 1 if talks succeed.', 'Sept 1'),
    # a day-month date in AP copy
    ('The hearing was held on 12 September in Boston.', '12 September'),
    ('The plant closed on 3 March 2021 after the fire.', '3 March 2021'),
    # one month spelled out, another abbreviated: the story follows AP, the full name is the slip
    ('Applications open September 1 and close Oct. 15.', 'September 1'),
]

CLEAN = [
    'The vote is on Wednesday, Oct. 10, 2018, in the capital.',
    'It opened on Saturday, July 4, 2020, to crowds.',
    'The trial began on Dec. 2 in Boston.',
    'The law takes effect Jan. 1.',
    'The festival opens in August.',
    'The court meets March 3 to hear the case.',
    'The shop opens on June 15 after repairs.',
    'The meeting starts at 10 a.m. sharp.',
    'Doors open at 7 p.m. for guests.',
    'The report was published in January 2020.',
    'The hearing is on Nov. 21 in the morning.',
    'She may 5 times a day check her phone.',
    'The ceremony was held on Oct. 3, 2019.',
    'It happened on Saturday, Feb. 29, 2020, at dawn.',
    'The strike ends Sept. 1 if talks succeed.',
    # a story that spells out its months every time follows a house style that does
    'Applications open September 1 and close October 15, with results in December 2.',
]

# British (en-GB)
BRITISH_FLAG = [
    ('The strike began on December 2nd.', 'December 2nd'),
    ('The trial opens on 3rd March.', '3rd March'),
    ('The film opens on 14 Feb in London.', '14 Feb'),
    ('The shop opens at 9 a.m. daily.', '9 a.m.'),
    ('It was Tuesday 10 October 2018, a wet day.', 'Tuesday'),
]

BRITISH_CLEAN = [
    'The strike began on 2 December.',
    'The shop opens at 9am daily.',
    'It ends at 5.30pm.',
    'It was Wednesday 10 October 2018, a wet day.',
    'The vote is due in June.',
]

test_flags, test_leaves_alone = rule_tables(Dates, FLAG, CLEAN)


test_british_flags, test_british_leaves_alone = rule_tables(Dates, BRITISH_FLAG, BRITISH_CLEAN, dialect="en-GB")


def test_weekday_uses_the_story_date_from_front_matter():
    text = "---\ntitle: Vote\ndate: 2018-10-01\n---\n\nThe vote is on Tuesday, Oct. 10, at noon.\n"
    assert_flags(Dates, text, "Tuesday", fmt="markdown")
    assert_clean(Dates, text.replace("Tuesday", "Wednesday"), fmt="markdown")


def test_weekday_without_a_year_in_the_next_january():
    # a story of late December about the first days of January means the next January
    text = "---\ntitle: Vote\ndate: 2021-12-20\n---\n\nThe vote is on Monday, 3 January, at noon.\n"
    assert_clean(Dates, text, fmt="markdown", dialect="en-GB")  # 3 January 2022 was a Monday
    assert_flags(Dates, text.replace("Monday", "Tuesday"), "Tuesday", fmt="markdown", dialect="en-GB")
    before = "---\ntitle: Vote\ndate: 2022-01-04\n---\n\nIt began on Thursday, 30 December.\n"
    assert_clean(Dates, before, fmt="markdown", dialect="en-GB")  # 30 December 2021 was a Thursday


@pytest.mark.parametrize("text, fixed", [
    ("The trial began on December 2nd in Boston.\n", "The trial began on Dec. 2 in Boston.\n"),
    ("The meeting starts at 10am sharp.\n", "The meeting starts at 10 a.m. sharp.\n"),
    ("The court meets Mar. 3 to hear the case.\n", "The court meets March 3 to hear the case.\n"),
])
def test_fixes_leave_nothing_to_report(text, fixed):
    assert_fixed(Dates, text, fixed)
