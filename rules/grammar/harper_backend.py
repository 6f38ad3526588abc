"""The embedded grammar backend: Harper (harper-py), offline, in-process.

One ``harper.Linter`` per process and dialect, built lazily (about a second). Prose is
linted in runs of consecutive blocks (see ``harper.chunks``) in one background thread, while
the other rules run, and results are cached by the run's text, so unchanged text is never
linted twice in a run.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache

from importlib import resources

from newslint.api import Category, Resource, Severity, limits, tomllib

# Harper's lint kinds -> newslint categories and severities
KIND_MAP: dict[str, tuple[Category, Severity]] = {
    "Spelling": (Category.SPELLING, Severity.ERROR),
    "Typo": (Category.SPELLING, Severity.ERROR),
    "Agreement": (Category.GRAMMAR, Severity.ERROR),
    "Repetition": (Category.GRAMMAR, Severity.ERROR),
    "Grammar": (Category.GRAMMAR, Severity.WARNING),
    "Miscellaneous": (Category.GRAMMAR, Severity.WARNING),
    "BoundaryError": (Category.GRAMMAR, Severity.WARNING),
    "Nonstandard": (Category.GRAMMAR, Severity.WARNING),
    "WordChoice": (Category.WORD_CHOICE, Severity.WARNING),
    "Eggcorn": (Category.WORD_CHOICE, Severity.WARNING),
    "Malapropism": (Category.WORD_CHOICE, Severity.WARNING),
    "Usage": (Category.WORD_CHOICE, Severity.WARNING),
    "Punctuation": (Category.PUNCTUATION, Severity.WARNING),
    "Capitalization": (Category.STYLE, Severity.WARNING),
    "Formatting": (Category.STYLE, Severity.INFO),
    "Style": (Category.STYLE, Severity.INFO),
    "Enhancement": (Category.STYLE, Severity.INFO),
    "Redundancy": (Category.STYLE, Severity.INFO),
    "Readability": (Category.READABILITY, Severity.INFO),
    "Regionalism": (Category.STYLE, Severity.INFO),
}
DEFAULT_KIND = (Category.GRAMMAR, Severity.WARNING)

# Harper rules turned off by default, measured on the clean articles of the dev set and on
# the 18F corpus (findings per 1,000 words of published copy, nearly all false alarms on
# news). See README "Grammar backends" for the numbers.
NOISY_ON_NEWS = frozenset({
    "SentenceCapitalization",   # headlines, bylines and list items without a capital
    "LongSentences",            # readability/long-sentence does this with news thresholds
    "SpellCheck",               # spelling/unknown-word is news-aware (names, acronyms)
    "SplitWords",
    "UnclosedQuotes",           # quotes that run across paragraphs, as news style wants
    "Spaces",                   # double spaces are markup artefacts in the prose projection
    "NoFrenchSpaces",           # likewise (two spaces where markup was removed or blocks join)
    "AvoidCurses",
    "BoringWords",
    "ExpandTimeShorthands",
    "ExpandMinimum",
    "NoOxfordComma",
    "OxfordComma",
    "Dashes",
    "EllipsisLength",
    "PhrasalVerbAsCompoundNoun",
    "CompoundNouns",
    "OrthographicConsistency",
    "MassNouns",
    "Hedging",
    "ExpandStandardInputAndOutput",
    "ThatWhich",
    "QuoteSpacing",
    "CapitalizePersonalPronouns",
    "NominalWants",
    "DisjointPrefixes",         # "non-profit": hyphenation is house style, not grammar
    "NumericRangeEnDash",       # "an 11-4 vote": typography, not grammar
    "UseEllipsisCharacter",
    "OkToOkay",                 # AP uses OK
    "CommaFixes",
    "UpdatePlaceNames",         # historical names are right in historical context
    "MergeWords",
    "RepeatedWords",            # grammar/repeated-word does this, with its grammatical exceptions
    # read on 18F's published posts (session 4), each a false alarm in every sample read:
    "HowTo",                    # "how people interact with government" wants no "to"
    "MissingTo",                # "content needs are brought in late"
    "MissingPreposition",       # "your team has valuable insights"
    "DayOneNames",              # "from day one": a brand-name rule for the Day One app
    "QuantifierNumeralConflict",  # "most 18F staff": 18F is a name, not a number
    "RoadMap",                  # "roadmap" is standard (Merriam-Webster); not grammar
})



def _load_levels() -> dict[str, str]:
    """Harper sub-rule -> "error" | "warning" | "info" | "off", measured on published copy
    (``rules/data/harper_rules.toml``, written by ``benchmarks/harper_levels.py``)."""
    text = resources.files("newslint.rules").joinpath("data/harper_rules.toml").read_text(encoding="utf-8")
    return {sub: table["level"] for sub, table in tomllib.loads(text).items()}


# a sub-rule's measured level; one not listed keeps its kind's severity (KIND_MAP)
levels = Resource("harper-levels", _load_levels)


def severity_of(name: str, kind: str) -> tuple[Category, Severity]:
    """The category of a Harper finding (by its kind) and its severity: the sub-rule's measured
    level, else its kind's. An "off" sub-rule, reported only when selected, is info."""
    cat, sev = KIND_MAP.get(kind, DEFAULT_KIND)
    level = levels().get(name)
    if level is None:
        return cat, sev
    return cat, Severity.INFO if level == "off" else Severity(level)


def off_by_default(name: str) -> bool:
    return levels().get(name) == "off"


def _dialect(d: str):
    import harper

    return {"en-GB": harper.Dialect.BRITISH, "en-CA": harper.Dialect.CANADIAN,
            "en-AU": harper.Dialect.AUSTRALIAN}.get(d, harper.Dialect.AMERICAN)


def _build_linter(dialect: str, disabled: frozenset[str]):
    import harper

    lin = harper.Linter(dialect=_dialect(dialect))
    cfg = lin.get_default_lint_config()
    lin.set_lint_config({k: (False if k in disabled else v) for k, v in cfg.items()})
    return lin


# a harper.Linter per dialect and set of disabled rules (about a second to build)
get_linter = Resource("harper-linter", _build_linter, example=("en-US", NOISY_ON_NEWS))
# every Harper rule name -> Harper's one-line description (backticks removed)
descriptions = Resource("harper-descriptions", lambda: {
    k: v.replace("`", "'") for k, v in sorted(get_linter("en-US", NOISY_ON_NEWS).get_lint_descriptions().items())})
# newslint's one Harper thread: Harper releases the GIL while it builds a linter and while it
# lints, so the other rules run meanwhile (measured 2026-12-02, harper-py 0.2, 189 dev stories in
# one process: Harper's thread used 33.8 s of CPU in 34.5 s of linting while the main thread used
# 15.9 s; on two cores each slows the other somewhat). One thread, because a ``harper.Linter`` is
# not to be used from two threads at once, and because a second linting thread would cost memory
# (5 MB measured) for 0.05 s of a one-story run. A forked worker has none of its parent's threads.
_executor = Resource("harper-thread", lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-harper"),
                     fork_safe=False)


def warm(dialect: str, disabled: frozenset[str]) -> "Future[object]":
    """Build the linter in the Harper thread."""
    return _executor().submit(get_linter, dialect, disabled)


class _Recent:
    """The jobs submitted lately, by (dialect, disabled, text): a story looked ahead at
    (``HarperGrammar.look_ahead``) and checked next asks for the same runs again."""

    SIZE = 512

    def __init__(self) -> None:
        self._jobs: OrderedDict[tuple[str, frozenset[str], str], Future[tuple[tuple, ...]]] = OrderedDict()
        self._lock = threading.Lock()

    def job(self, dialect: str, disabled: frozenset[str], text: str) -> "Future[tuple[tuple, ...]]":
        key = (dialect, disabled, text)
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                job = self._jobs[key] = _executor().submit(lint_block, dialect, disabled, text)
                if len(self._jobs) > self.SIZE:
                    self._jobs.popitem(last=False)
            return job


# per process: a forked worker has none of its parent's threads, nor their jobs
_recent = Resource("harper-recent-jobs", _Recent, fork_safe=False)


def lint_async(dialect: str, disabled: frozenset[str], text: str) -> "Future[tuple[tuple, ...]]":
    """``lint_block`` in the Harper thread; a run of text submitted lately gets the job
    already submitted for it (done, or queued in order)."""
    return _recent().job(dialect, disabled, text)


# A run of text without a space longer than the limit (a flood of brackets, base64, an unbroken
# line of CJK), and a run of many words without a Latin letter ("[ [ [ ...", CJK written with
# spaces, long lists of numbers), are not English for Harper to read, and its time grows with the
# square of their length (50,000 spaced brackets: minutes). They reach Harper as spaces, so
# every offset stays where it was.
_LONG_RUN = re.compile(r"\S{%d,}" % (limits.MAX_GRAMMAR_RUN + 1))
_NOT_LATIN = re.compile(r"(?<!\S)(?:[^\sA-Za-z]+(?:\s+|$)){%d,}" % (limits.MAX_GRAMMAR_SYMBOL_WORDS + 1))
_NOT_SPACE = re.compile(r"\S")


def readable(text: str) -> str:
    """`text` with what Harper cannot read as English blanked out (see above)."""
    def blank(m: re.Match) -> str:
        return _NOT_SPACE.sub(" ", m.group(0))

    return _NOT_LATIN.sub(blank, _LONG_RUN.sub(blank, text))


@lru_cache(maxsize=20_000)
def lint_block(dialect: str, disabled: frozenset[str], text: str) -> tuple[tuple, ...]:
    """(start, end, rule name, kind, message, suggestions) for a run of prose."""
    import harper

    lin = get_linter(dialect, disabled)
    out = []
    for name, lints in lin.organized_lints(text, language=harper.Language.PLAINTEXT).items():
        for lint in lints:
            span_text = text[lint.span.start:lint.span.end]
            sugg: list[str] = []
            for s in lint.suggestions:
                if s.kind != harper.SuggestionKind.REPLACE:
                    continue
                r = s.replacement_text
                if span_text == span_text.strip():
                    r = r.strip()  # "they're " for "their" would add a space
                if r not in sugg:
                    sugg.append(r)
            out.append((lint.span.start, lint.span.end, name, lint.lint_kind, lint.message, tuple(sugg[:5])))
    out.sort()
    return tuple(out)
