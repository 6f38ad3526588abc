"""readability/complex-word: a wordy phrase or inflated word with a plain alternative."""
from __future__ import annotations

from newslint.api import Category, PhraseRule, Severity


class ComplexWord(PhraseRule):
    """What it does: reports wordy phrases and inflated words that have a plain alternative
    ("in order to" -> "to", "prior to" -> "before", "commence" -> "begin").

    Why: plain words are read faster; news is written for everyone. The list,
    ``rules/data/complex_words.toml``, follows the Federal Plain Language Guidelines.
    Direct quotes are left alone.

    Example: "In order to help, prior to the vote" -> "To help, before the vote".
    """

    id = "readability/complex-word"
    category = Category.READABILITY
    default_severity = Severity.INFO
    summary = "A wordy phrase or inflated word with a plain alternative ('in order to' -> 'to')."
    pack = ("newslint.rules", "data/complex_words.toml")
