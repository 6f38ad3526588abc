"""newslint.testing: the helpers every rule test is built on must themselves fail when a
rule reports more, less or elsewhere than the table says."""
from __future__ import annotations

import pytest

from newslint.api import assert_clean, assert_fixed, assert_flags, flagged, lint_with
from newslint.rules.grammar.repeated_word import RepeatedWord
from newslint.rules.style.numbers import Numbers


def test_assert_flags_is_exact():
    text = "It was was late and and dark.\n"
    assert_flags(RepeatedWord, text, "was", "and")
    assert_flags(RepeatedWord, text, ("grammar/repeated-word", "was"), ("grammar/repeated-word", "and"))
    for wrong in (("was",), ("was", "and", "dark"), ("and", "was"), (("grammar/other", "was"), "and")):
        with pytest.raises(AssertionError):
            assert_flags(RepeatedWord, text, *wrong)
    with pytest.raises(AssertionError):
        assert_clean(RepeatedWord, text)


def test_flagged_names_ids_and_source_spans():
    text = "# Head\n\nIt was *was* late.\n"
    assert flagged(RepeatedWord, text, "markdown") == [("grammar/repeated-word", "was")]


def test_family_sections_have_their_defaults_and_can_be_set():
    text = "Prices rose 5% and 3 shops shut.\n"
    assert flagged(Numbers, text) == [("style/numbers", "3")]
    assert lint_with(Numbers, text, sections={"style": {"preset": "none"}}) == []
    with pytest.raises(Exception, match="unknown option"):
        lint_with(Numbers, text, sections={"style": {"presets": "none"}})


def test_assert_fixed_needs_a_fix_and_lints_again():
    assert assert_fixed(RepeatedWord, "It was was late.\n") == "It was late.\n"
    with pytest.raises(AssertionError, match="no fix"):
        assert_fixed(RepeatedWord, "It was late.\n")
