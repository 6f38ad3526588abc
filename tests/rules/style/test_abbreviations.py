"""style/abbreviations: acronyms spelled out, U.S. or US. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_fixed, assert_flags
from newslint.rules.style.abbreviations import Abbreviations

# AP (en-US): (text, the spans reported, in order)
FLAG = [
    ('The US economy grew.', 'US'),
    ('The UK vote was close.', 'UK'),
    ('The UN met on Monday.', 'UN'),
    ('The TPSG said the plan was late.', 'TPSG'),
    ('Officials at the DHHS declined to comment.', 'DHHS'),
    ('The NTSB opened an inquiry.', 'NTSB'),
    ('Members of the ACLU protested.', 'ACLU'),
    ('The IRSQ program ended.', 'IRSQ'),
    ('A CFPB report came out.', 'CFPB'),
    ('The RNC chairman spoke.', 'RNC'),
    ('The USDA inspected the plant.', 'USDA'),
    ('He joined the SEIU last year.', 'SEIU'),
    ('The FDIC took over the bank.', 'FDIC'),
    ('The WMATA board met.', 'WMATA'),
    ('Voters in the US and the UK agreed.', 'US', 'UK'),
]

CLEAN = [
    'The U.S. economy grew.',
    'The FBI opened an inquiry.',
    'NATO leaders met in Brussels.',
    'The National Transportation Safety Board (NTSB) opened an inquiry. The NTSB said more.',
    'The Department of Health and Human Services said the DHHS would act.',
    'The BBC and CNN reported it.',
    'Army Tactical Missile Systems (ATACMS) were sent.',
    'The CEO quit on Monday.',
    'AIDS deaths fell.',
    'The GDP figures are out.',
    'He paid US$5 for it.',
    'The EU and NATO agreed.',
    'The U.N. met on Monday.',
    'The TV show ended.',
    'WHO officials said the virus spread.',
]

# British (en-GB)
BRITISH_FLAG = [
    ('The U.S. economy grew.', 'U.S.'),
    ('The U.K. vote was close.', 'U.K.'),
]

BRITISH_CLEAN = [
    'The US economy grew.',
    'The UK vote was close.',
]

@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    assert_flags(Abbreviations, text + "\n", *spans)


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(Abbreviations, text + "\n")


@pytest.mark.parametrize("case", BRITISH_FLAG, ids=case_id)
def test_british_flags(case):
    text, *spans = case
    assert_flags(Abbreviations, text + "\n", *spans, dialect="en-GB")


@pytest.mark.parametrize("text", BRITISH_CLEAN, ids=case_id)
def test_british_leaves_alone(text):
    assert_clean(Abbreviations, text + "\n", dialect="en-GB")


def test_country_style_fix():
    assert_fixed(Abbreviations, "The US economy grew.\n", "The U.S. economy grew.\n")
    assert_fixed(Abbreviations, "The U.S. economy grew.\n", "The US economy grew.\n", dialect="en-GB")
