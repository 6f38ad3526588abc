"""style/abbreviations: acronyms spelled out, U.S. or US. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_fixed
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
    # an everyday word in capitals is emphasis or a label, not an acronym
    'Do NOT send cash by post.',
    # initials and names with figures
    'The new UI ships next month.',
    'Work on HS2 resumed in the spring.',
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

test_flags, test_leaves_alone = rule_tables(Abbreviations, FLAG, CLEAN)


test_british_flags, test_british_leaves_alone = rule_tables(Abbreviations, BRITISH_FLAG, BRITISH_CLEAN, dialect="en-GB")


def test_country_style_fix():
    assert_fixed(Abbreviations, "The US economy grew.\n", "The U.S. economy grew.\n")
    assert_fixed(Abbreviations, "The U.S. economy grew.\n", "The US economy grew.\n", dialect="en-GB")
