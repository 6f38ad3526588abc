"""style/attribution: speech verbs, hedges, unattributed quotations. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_clean, assert_flags
from newslint.rules.style.attribution import Attribution

# (text, the spans reported, in order)
FLAG = [
    ('“We will not back down,” she stated.', 'stated'),
    ('“The plan is dead,” the mayor claimed on Monday.', 'claimed'),
    ('“We found the files,” he revealed.', 'revealed'),
    ('“It was a hard year,” Smith noted.', 'noted'),
    ('The minister stated: “We will act.”', 'stated'),
    ('The spokesman declared, “The talks are over.”', 'declared'),
    ('“Nobody saw it coming,” the chief asserted.', 'asserted'),
    ('“This is a great day,” she exclaimed.', 'exclaimed'),
    ('The senator reportedly met the donor twice.', 'reportedly'),
    ('The man allegedly stole two cars.', 'allegedly'),
    ('The firm purportedly paid the fine.', 'purportedly'),
    ('The drug supposedly cures the disease.', 'supposedly'),
    # the paragraph is a quotation and "remarked" is not among the verbs that attribute one
    ('“He remarked that it was late,” she remarked.', '“', 'remarked'),
    ('“We will win,” Jones proclaimed at the rally.', 'proclaimed'),
    ('“The vote was rigged,” the candidate claimed again.', 'claimed'),
]

CLEAN = [
    '“We will not back down,” she said.',
    'The mayor said the plan was dead.',
    'She noted the time and left.',
    'The report stated the facts plainly.',
    'He claimed the prize after the race.',
    'The police said the man stole two cars.',
    '“It was a hard year,” Smith said.',
    'The minister said: “We will act.”',
    'The team revealed its new kit on Monday.',
    'The court heard that the firm paid the fine.',
    '“This is a great day,” she told reporters.',
    'According to the report, the drug works.',
    'He said the vote was “rigged from the start”.',
    'She asked: “Who knew?”',
    'The company said in a statement that it would appeal.',
]

test_flags, test_leaves_alone = rule_tables(Attribution, FLAG, CLEAN)


def test_unattributed_quotation_paragraph():
    bad = "The council met on Monday.\n\n“We have waited for this plan for ten years and it is finally here.”\n"
    good = ("The mayor spoke on Monday.\n\n“We have waited for this plan for ten years and it is finally here,” "
            "she said.\n")
    before = "The mayor said:\n\n“We have waited for this plan for ten years and it is finally here.”\n"
    (d,) = assert_flags(Attribution, bad, "“")
    assert d.severity.value == "warning"
    assert_clean(Attribution, good)
    assert_clean(Attribution, before)
