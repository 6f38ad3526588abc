"""Data-driven rule types: phrase lists from TOML packs, and user-written patterns.

A phrase pack is a TOML file of ``[[entry]]`` tables::

    [[entry]]
    match = ["utilize", "utilizes", "utilized", "utilizing"]   # literal phrases, any case
    suggest = ["use"]
    message = "'{match}' is a stiff way to say 'use'"
    severity = "warning"                                     # optional; else the rule's
    source = "Garner's Modern English Usage, 'utilize'"      # required: where the fact comes from

Phrases match whole words, case-insensitively, across line breaks. User patterns
(``style/house-terms``) are regular expressions from configuration, run with RE2 so that no
pattern can backtrack catastrophically.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar, Iterable

from .compat import tomllib
from .diagnostic import Diagnostic, Severity
from .document import Document
from .options import OptionError
from .rule import Rule, match_case


@dataclass(frozen=True)
class PhraseEntry:
    phrases: tuple[str, ...]
    suggest: tuple[str, ...]
    message: str
    severity: Severity | None
    source: str


class PhrasePack:
    """All phrases of a pack in one case-insensitive regular expression."""

    def __init__(self, entries: list[PhraseEntry]) -> None:
        self.entries = entries
        self.by_phrase: dict[str, PhraseEntry] = {}
        for e in entries:
            for p in e.phrases:
                self.by_phrase[_norm(p)] = e
        alternatives = sorted(self.by_phrase, key=len, reverse=True)  # longest first
        body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alternatives)
        self.regex = re.compile(r"(?<![\w'\u2019-])(?:" + body + r")(?![\w'\u2019-])", re.IGNORECASE)

    def find(self, text: str, start: int, end: int) -> Iterable[tuple[int, int, PhraseEntry]]:
        for m in self.regex.finditer(text, start, end):
            yield m.start(), m.end(), self.by_phrase[_norm(m.group(0))]


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())


@lru_cache(maxsize=16)
def load_pack(package: str, name: str) -> PhrasePack:
    raw = tomllib.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))
    entries = []
    for i, e in enumerate(raw.get("entry", [])):
        if not e.get("source") or not e.get("match") or not e.get("message"):
            raise ValueError(f"{package}/{name}: entry {i + 1} needs match, message and source")
        entries.append(PhraseEntry(tuple(e["match"]), tuple(e.get("suggest", ())), e["message"],
                                   Severity(e["severity"]) if "severity" in e else None, e["source"]))
    return PhrasePack(entries)


class PhraseRule(Rule):
    """Base for rules backed by a phrase pack (``pack = ("newslint.rules", "data/usage.toml")``).

    Direct quotes are left alone: a reporter cannot change what someone said.
    """

    pack: ClassVar[tuple[str, str]] = ("newslint.rules", "")

    def keep(self, doc: Document, start: int, end: int) -> bool:
        """Whether the match on prose [start, end) is reported (a rule narrows its pack here)."""
        return True

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        pack = load_pack(*self.pack)
        for block in self.blocks(doc):
            for s, e, entry in pack.find(doc.prose, block.start, block.end):
                if doc.in_quote(s, e) or not self.keep(doc, s, e):
                    continue
                text = doc.prose[s:e]
                sugg = [match_case(text, x) for x in entry.suggest]
                yield self.report(doc, s, e, entry.message.format(match=text), sugg,
                                  severity=entry.severity or self.default_severity)


# --- user-written patterns ------------------------------------------------------------------------

_UNSUPPORTED = re.compile(r"\(\?<?[=!]|\\[1-9]")


def compile_user_pattern(pattern: str, where: str) -> Any:
    """Compile a configured pattern for RE2 (linear time). Errors name the option."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise OptionError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None
    if _UNSUPPORTED.search(pattern):
        raise OptionError(f"{where}: {pattern!r} uses lookaround or a backreference, which newslint does "
                          "not run (patterns run with RE2 so that none can hang a lint run)")
    import re2

    try:
        return re2.compile(pattern)
    except Exception as exc:  # noqa: BLE001 - re2 raises its own error type
        raise OptionError(f"{where}: RE2 cannot compile {pattern!r}: {exc}") from None
