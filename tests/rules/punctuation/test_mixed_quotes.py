"""punctuation/mixed-quotes: straight and curly quotes in one story. Written for this project."""
from __future__ import annotations

from newslint.api import assert_clean, assert_flags
from newslint.rules.punctuation.mixed_quotes import MixedQuotes


def test_reported_once_per_story_at_the_less_used_style():
    assert_flags(MixedQuotes, "It was Biden's plan. Russia’s answer came. Ukraine’s army waited.\n", "'")
    assert_clean(MixedQuotes, "Russia’s answer came. Ukraine’s army waited.\n")
