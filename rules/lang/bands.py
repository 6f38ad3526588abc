"""Score bands: the levels of a statistical rule (unusual-word, real-word, confused-word).

A statistical rule gives each finding a score. Its severity is not the score itself but the
precision measured, on judged real copy, for the band the score falls in (README: error at
>= 95%, warning at >= 80%, info below; a band mostly wrong is not reported). The bands, with
the judged findings each was measured on, are data: ``rules/data/word_choice_bands.toml``,
written from ``benchmarks/wordchoice_bands.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from newslint.api import Resource, Severity, tomllib

DATA_FILE = "data/word_choice_bands.toml"


@dataclass(frozen=True)
class Band:
    start: float  # the lowest score in the band
    level: Severity | None  # None: measured too often wrong to report
    judged: int
    true: int
    # a band may also ask for a second piece of evidence: the semantic fit of the
    # suggestion over the word written (real-word, from the word vectors)
    semantic: float | None = None

    @property
    def precision(self) -> float | None:
        return self.true / self.judged if self.judged else None


def _read() -> dict[str, tuple[Band, ...]]:
    text = resources.files("newslint.rules").joinpath(DATA_FILE).read_text(encoding="utf-8")
    out = {}
    for rule, table in tomllib.loads(text).items():  # score: a description, for the reader
        bands = [Band(float(b["from"]), None if b["level"] == "off" else Severity(b["level"]),
                      int(b.get("judged", 0)), int(b.get("true", 0)), b.get("semantic")) for b in table["bands"]]
        out[rule] = tuple(sorted(bands, key=lambda b: b.start, reverse=True))
    return out


_bands = Resource("word-choice score bands", _read)


def bands(rule_id: str) -> tuple[Band, ...]:
    """The bands of `rule_id` ("word-choice/real-word"), highest scores first."""
    return _bands()[rule_id.rpartition("/")[2]]


def floor(rule_id: str) -> float:
    """The lowest score any band reports: below it, nothing is worth computing further."""
    return min((b.start for b in bands(rule_id) if b.level is not None), default=float("inf"))


def level(rule_id: str, score: float, semantic: float | None = None) -> Severity | None:
    """The level of a finding with this score (and semantic fit, where a band asks for
    one): the first band it reaches, or None (not reported)."""
    for b in bands(rule_id):
        if score >= b.start and (b.semantic is None or (semantic is not None and semantic >= b.semantic)):
            return b.level
    return None


def severity(rule, score: float, semantic: float | None = None, key: str = "") -> Severity | None:
    """The level of a finding of `rule` with this score: the rule's ``warning`` and ``info``
    options (score thresholds, 0-1) when the user set them, else its measured band's (the
    bands of `key` when given: a second score of the rule, as real-word's with the tagger)."""
    warning, info = rule.options.warning, rule.options.info
    if warning >= 0 and score >= warning:
        return Severity.WARNING
    if info >= 0:
        return Severity.INFO if score >= info else None
    found = level(key or rule.id, score, semantic)
    if warning >= 0 and found is not None:
        return Severity.INFO  # the user's warning bar decides what is more than a note
    return found


def lowest(rule, key: str = "") -> float:
    """The lowest score ``severity`` reports for `rule` (its options when set, else the bands
    of `key` or of the rule)."""
    warning, info = rule.options.warning, rule.options.info
    low = info if info >= 0 else floor(key or rule.id)
    return min(low, warning) if warning >= 0 else low


def at_most(a: Severity, b: Severity) -> Severity:
    """The lower of two levels."""
    return a if a.rank <= b.rank else b


def floor_without_semantic(rule_id: str) -> float:
    """The lowest score a band reports on the score alone."""
    return min((b.start for b in bands(rule_id) if b.level is not None and b.semantic is None), default=float("inf"))
