"""word-choice/usage: misused words, redundancies and newsroom cliches, from rules/data/usage.toml."""
from __future__ import annotations

from newslint.api import Category, PhraseRule, Severity


class Usage(PhraseRule):
    """What it does: reports misused and nonstandard words ("utilize", "comprised of",
    "irregardless", "could care less"), redundancies ("past history", "future plans") and
    newsroom cliches ("in the wake of", "sparked outrage", "slammed" for criticised), with
    the plain alternative.

    Why: copy desks cut these by habit. Misuses are warnings; redundancy and cliche are
    notes (info), which a writer may keep. Every entry in ``rules/data/usage.toml`` names
    its source. Direct quotes are left alone.

    Example: "The agency will utilize new tools" -> "use"; "past history" -> "history"
    (info).
    """

    id = "word-choice/usage"
    category = Category.WORD_CHOICE
    default_severity = Severity.WARNING
    summary = "Misused words, redundancies and newsroom cliches ('utilize', 'past history', 'in the wake of')."
    pack = ("newslint.rules", "data/usage.toml")
