"""style/attribution: speech verbs, hedges, unattributed quotations. Written for this project."""
from __future__ import annotations

import pytest
from conftest import rule_tables

from newslint.api import assert_clean, assert_flags
from newslint.testing import lint_with
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
    # "stated that" before a quotation (AP: "said")
    ('The mayor stated that “the budget is final and will not change”.', 'stated'),
    ('Officials claimed that "nobody was hurt in the blast".', 'claimed'),
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
    assert d.severity.value == "info"  # measured on judged real copy: below 80%
    assert_clean(Attribution, good)
    assert_clean(Attribution, before)


QUOTE = "“We have waited for this plan for ten years and it is finally here.”"
# (paragraphs of a story, the 0-based paragraph whose quotation is unattributed, or None)
CONTEXT = [
    # a quote that runs on over paragraphs: the first is attributed, the rest continue it
    (["The mayor said:", "“We have waited for this plan for ten years.", QUOTE, QUOTE], None),
    (["Jane Doe, the council leader, said:", QUOTE, QUOTE, QUOTE], None),
    # a list of quoted questions after a lead-in that ends in a colon
    (["He asked a series of questions:", "“Have you ever read a report that was hard to follow?”",
      "“Did you carry on reading it to the very end?”"], None),
    # a dash credit after the quotation, a hyphen included
    (["The team looked back on the year.", QUOTE + " - Jane Doe"], None),
    (["The team looked back on the year.", QUOTE + " — Jane Doe"], None),
    # a label introducing the quotation in its own paragraph
    (["The video shows users.", "On screen: " + QUOTE], None),
    (["As one developer puts it: " + QUOTE], None),
    # a quotation paragraph after a paragraph with no speaker
    (["The council met on Monday.", QUOTE], 1),
    (["The council met on Monday.", "The budget was approved.", QUOTE], 2),
    # a short credit line after the quotation names the speaker; a new paragraph about someone does not
    (["The council met on Monday.", QUOTE, "said Jane Doe, the council leader."], None),
    (["The council met on Monday.", QUOTE, "Doe added that taxes would rise by a small amount for most households."], 1),
    # a run of quotations with no speaker anywhere
    (["The council met on Monday.", QUOTE, QUOTE], 1),
]


@pytest.mark.parametrize("paras,bad", CONTEXT, ids=lambda v: str(v)[:40])
def test_quotation_context(paras, bad):
    text = "\n\n".join(paras) + "\n"
    found = [d for d in lint_with(Attribution, text) if d.message.startswith("A direct quotation")]
    if bad is None:
        assert not found, found
    else:
        assert found and found[0].line == 2 * bad + 1, found
