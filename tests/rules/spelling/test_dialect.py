"""spelling/dialect: one story, one dialect. Written for this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_flags
from newslint.rules.spelling.dialect import DialectSpelling

# Canadian copy as Canadian Press writes it: -our with -ize, -re, doubled l, cheque, tire
CANADIAN = ("The council voted to organize a new arts centre. The colour scheme would honour the "
            "history of the area. The mayor travelled to Ottawa to analyze the federal program. "
            "Residents can pay by cheque, and the defence of the budget goes on. A tire shop will close.\n")

# (dialect, text, the spans reported, in order)
FLAG = [
    ("en-US", "The colour of the centre was a favourite.", "colour", "centre", "favourite"),
    ("en-GB", "The color of the theater was gray.", "color", "gray"),
    ("en-CA", "The color of the center will organise the neighbor's day. We analyse it.",
     "color", "center", "organise", "analyse"),
    ("en-AU", "The program will analyze the color of the theatre.", "analyze", "color"),
    ("en-AU", "The programme starts.", "programme"),
    ("en-AU", "Programme managers met. The fiber was cut.", "Programme", "fiber"),
    ("en-GB", "The centers and the fibers were new.", "centers", "fibers"),
    ("en-US", CANADIAN.strip(), "centre", "colour", "honour", "cheque", "defence"),
    ("en-GB", CANADIAN.strip(), "analyze"),
]
CLEAN = [
    ("en-GB", "The colour of the centre was a favourite."),
    ("en-CA", CANADIAN.strip()),
    # a far rarer "British" form is another language's word or a name, not the pair's
    ("en-AU", "Peter will enter the chamber and post the letters."),
    ("en-GB", "Press Enter. Peter sent letters to the chamber."),
    # a capital inside a sentence is a name
    ("en-AU", "He joined the Digital Transformation Programme last year."),
    ("en-GB", "She visited the Center for Democracy in Washington."),
    ("en-AU", "Our favourite fibre and the metre of the centre."),
]


@pytest.mark.parametrize("case", FLAG, ids=lambda c: f"{c[0]} {case_id(c[1])}")
def test_flags(case):
    dialect, text, *spans = case
    assert_flags(DialectSpelling, text + "\n", *spans, dialect=dialect)


@pytest.mark.parametrize("case", CLEAN, ids=lambda c: f"{c[0]} {case_id(c[1])}")
def test_leaves_alone(case):
    dialect, text = case
    assert_clean(DialectSpelling, text + "\n", dialect=dialect)


def test_a_style_note_with_the_house_form():
    found = assert_flags(DialectSpelling, "The colour of the centre.\n", "colour", "centre")
    assert [(d.severity.value, d.category.value, d.suggestions) for d in found] == [
        ("info", "style", ("color",)), ("info", "style", ("center",))]


def test_en_ca_suggests_canadian_forms():
    text = "The color of the center will organise the neighbor's day. We analyse it.\n"
    found = assert_flags(DialectSpelling, text, "color", "center", "organise", "analyse", dialect="en-CA")
    assert [d.suggestions[0] for d in found] == ["colour", "centre", "organize", "analyze"]


def test_oxford_spelling_option():
    assert_clean(DialectSpelling, "We organize it.\n", dialect="en-GB")
    assert_flags(DialectSpelling, "We organize it.\n", "organize", dialect="en-GB", options={"oxford-spelling": False})
