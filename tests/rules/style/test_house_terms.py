"""style/house-terms: the newsroom's own terms, as RE2 patterns in configuration. Written for
this project."""
from __future__ import annotations

import pytest
from conftest import case_id

from newslint.api import assert_clean, assert_flags
from newslint.rules.style.house_terms import HouseTerms

KYIV = {"patterns": {"(?i)\\bkiev\\b": "Kyiv"}}

# (text, the spans reported, in order), with KYIV
FLAG = [
    ("Troops left Kiev. \u201cKiev is home,\u201d he said. Kyiv is calm.", "Kiev"),
    ("KIEV fell quiet.", "KIEV"),
]
CLEAN = [
    "Troops left Kyiv.",
    "\u201cKiev is home,\u201d he said.",  # a direct quote
]


@pytest.mark.parametrize("case", FLAG, ids=case_id)
def test_flags(case):
    text, *spans = case
    (d,) = assert_flags(HouseTerms, text + "\n", *spans, options=KYIV)
    assert d.suggestions == ("Kyiv",)


@pytest.mark.parametrize("text", CLEAN, ids=case_id)
def test_leaves_alone(text):
    assert_clean(HouseTerms, text + "\n", options=KYIV)


def test_nothing_without_patterns():
    assert_clean(HouseTerms, "Troops left Kiev.\n")


def test_patterns_from_a_configuration_file(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'select = ["style/house-terms"]\n[rules."style/house-terms".patterns]\n"(?i)\\\\bkiev\\\\b" = "Kyiv"\n')
    story = tmp_path / "s.txt"
    story.write_text("Troops left Kiev. \u201cKiev is home,\u201d he said. Kyiv is calm.\n")
    from newslint import lint_paths

    diags = lint_paths([str(story)]).diagnostics
    assert [(d.column, d.suggestions) for d in diags] == [(13, ("Kyiv",))]


def test_bad_or_dangerous_patterns_are_config_errors(tmp_path, cli):
    story = tmp_path / "s.txt"
    story.write_text("Fine.\n")
    for pattern, words in (("(\\\\w+", "invalid regular expression"), ("(?<=x)y", "lookaround"),
                           ("(a)\\\\1", "backreference")):
        (tmp_path / "newslint.toml").write_text(f'[rules."style/house-terms".patterns]\n"{pattern}" = "x"\n')
        r = cli("check", str(story))
        assert r.returncode == 2 and "newslint.toml" in r.stderr and words in r.stderr, r.stderr


def test_patterns_run_in_linear_time():
    """A pattern that backtracks catastrophically in Python's re finishes at once under RE2."""
    assert_clean(HouseTerms, "a" * 5000 + "b\n", options={"patterns": {"(a+)+$": "a"}})
