"""grammar/article: "a" or "an" by the sound of the next word. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_flags
from newslint.rules.grammar.article import Article

# (text, the spans reported, in order)
FLAG = [
    ("He bought a LED array and an unicorn for the show.", "a", "an"),
    ("It took a hour. She is an university lecturer. He made an one-off payment.", "a", "an", "an"),
    ("He was a FBI agent and a MP for a NHS trust.", "a", "a", "a"),
    ("It was an NATO summit. It is an UNESCO site.", "an", "an"),
    ("A 8-year-old boy was hurt in a 11-car crash. It was an 1990s film.", "A", "a", "an"),
    ("It was a honour to meet a honest man.", "a", "a"),
    ("The firm made an European deal with an useful partner.", "an", "an"),
    ("A apple a day. An banana too. He stayed in an hotel.", "A", "An", "an"),
    ("He got a F in maths and a X-ray.", "a", "a"),
    ("How do you transform a agency\u2019s site and a owner's plan?", "a", "a"),
    ("It is the kick-off post in a in a series. It is a open source tool, a an open source tool.", "a", "a", "a"),
]
CLEAN = [
    "He bought an LED array and a unicorn. It took an hour. She is a university lecturer.",
    "He was an FBI agent, an MP for an NHS trust, and a NATO adviser at a UN agency.",
    "An 8-year-old boy was hurt in an 11-car crash. It was a 1990s film, an 80s hit and a one-off.",
    # letters as labels, company suffixes, A&E
    "Pupils got grade A and B. See Schedule A for details. Plan A failed. Go to A&E now. Maersk A/S won.",
    "Take vitamin A daily. The A/B test ran. Option A is cheaper.",
    # headlines in capitals
    "A HOUR OF NEED",
    # two readings, unknown words, brands, old h
    "He used a SQL database and a SIM card. It was an historic day. He has an iPhone.",
    "He used a herb and an herb. A Taoiseach spoke. She bought a eBay voucher.",
    "It was a SHOP sign. It was a one-time deal. It was a European plan and a eulogy.",
    "Il a été élu. The total was 1,800.",
    # words the dictionary lacks whose "u" is a "you" sound; abbreviations read as words; initials
    "It was a usability test of a Unicode string. It was an unpublished draft.",
    "It is a HM Courts and Tribunals Service pilot.",
    "A R C Academy UK Limited won. A J Smith spoke.",
]

test_flags, test_leaves_alone = rule_tables(Article, FLAG, CLEAN)


def test_suggests_the_article_that_fits():
    found = assert_flags(Article, FLAG[0][0] + "\n", "a", "an")
    assert [d.suggestions[0] for d in found] == ["an", "a"]


def test_a_stray_article_is_deleted_not_swapped():
    found = assert_flags(Article, "It is the kick-off post in a in a series.\n", "a")
    assert found[0].suggestions == ("",) or list(found[0].suggestions) == [""]


def test_in_a_quote_it_is_a_warning():
    found = assert_flags(Article, '"It was a honour," he said. It was a honour.\n', "a", "a")
    assert [d.severity.value for d in found] == ["warning", "error"]
