"""style/headline: the story's headline. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_fixed, assert_flags
from newslint.rules.style.headline import Headline



def story(title: str) -> str:
    return f'---\ntitle: "{title}"\n---\n\nBody text.\n'


# a story's title: (title, the spans reported, in order)
FLAG = [
    ('Council approves new budget.', '.'),
    ('Mayor resigns after vote.', '.'),
    ('Storm hits coast.', '.'),
    ('Council Approves New Arts Budget', 'Council Approves New Arts Budget'),
    ('Mayor Resigns After Long Vote', 'Mayor Resigns After Long Vote'),
    ('Police Arrest Three After Raid', 'Police Arrest Three After Raid'),
    ('Schools Close As Storm Nears Coast', 'Schools Close As Storm Nears Coast'),
    ('Voters Reject Plan For New Stadium', 'Voters Reject Plan For New Stadium'),
    ('Fire Destroys Historic Church Roof', 'Fire Destroys Historic Church Roof'),
    ('Prices rise again.', '.'),
    ('City Council Backs Bike Lane Plan', 'City Council Backs Bike Lane Plan'),
    ('Trial opens for former mayor.', '.'),
    ('Rain Delays Final Match Again', 'Rain Delays Final Match Again'),
    ('Flood waters recede.', '.'),
    ('Hospital Opens New Cancer Ward', 'Hospital Opens New Cancer Ward'),
]

CLEAN = [
    'Council approves new budget',
    'Mayor resigns after vote',
    'NATO leaders meet in Brussels',
    'Storm hits Florida coast',
    'What the U.S. vote means',
    'Biden signs bill',
    'Police arrest three after raid',
    'Schools close as storm nears',
    'Why the plan failed: a timeline',
    'Prices rise again',
    "Fire destroys St. Mary's church roof",
    'Voters back Smith in New York',
    'The war in Ukraine',
    'Trial opens for former mayor',
    'Rain delays final in London',
    # two sentences: the full stop is part of a deliberate sentence-style headline
    'Want to work on stuff that matters? We are hiring.',
    'The vote is in. Here is what it means.',
]


def test_generated_page_title_is_left_alone():
    # a page generated from another source (an error catalogue): the title is that source's text
    page = ('---\n# NOTE: This file is auto-generated from a script.\n# Do not make edits to it directly.\n'
            'title: Image not found.\n---\n\nBody text.\n')
    assert_clean(Headline, page, fmt="markdown")
    assert_flags(Headline, page.replace("auto-generated from a script", "written by hand")
                 .replace("Do not make edits to it directly", "Edit freely"), ".", fmt="markdown")


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    title, *spans = case
    assert_flags(Headline, story(title), *spans, fmt="markdown")


@pytest.mark.parametrize("title", CLEAN, ids=case_id)
def test_leaves_alone(title):
    assert_clean(Headline, story(title), fmt="markdown")


def test_subheads_are_left_alone():
    assert_clean(Headline, "# Council approves budget\n\nBody text.\n\n## One team, one dream.\n\nMore text.\n",
                 fmt="markdown")


def test_full_stop_fix():
    assert_fixed(Headline, story("Council approves new budget."), story("Council approves new budget"), fmt="markdown")
