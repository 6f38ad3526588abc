"""grammar/harper: Harper, the embedded grammar checker, as a rule; and the ``[grammar]``
section both grammar backends read.

``[grammar] backend = "harper" | "languagetool" | "both"`` (default ``harper``) decides
which of grammar/harper and grammar/languagetool run. With ``languagetool`` and nothing
configured, Harper runs instead and one notice says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Literal, Mapping

from newslint.api import Block, Category, Diagnostic, Document, Rule, Severity, limits, pieces

from . import harper_backend as hb
from . import languagetool_backend as lt

QUOTE_SAFE = (Category.STYLE, Category.PUNCTUATION, Category.READABILITY, Category.WORD_CHOICE)


# Harper lints runs of consecutive blocks of about this many characters 35% faster than
# single paragraphs and as fast as whole stories (benchmarks/speed.py); a run is also the
# unit of the cache, so an edit re-lints only its own run.
CHUNK_CHARS = 2000


def chunks(doc: Document, size: int = CHUNK_CHARS) -> list[tuple[int, int, list[Block]]]:
    """Runs of consecutive blocks, each at most `size` characters unless one block is longer;
    a block longer than ``MAX_GRAMMAR_CHARS`` is cut into pieces (a checker's time may grow
    faster than the length of what it reads at once)."""
    out: list[tuple[int, int, list[Block]]] = []
    for b in doc.blocks:
        for s, e in pieces(doc.prose, b.start, b.end, limits.MAX_GRAMMAR_CHARS):
            if out and e - out[-1][0] <= size:
                start, _, blocks = out[-1]
                out[-1] = (start, e, blocks if blocks[-1] is b else blocks + [b])
            else:
                out.append((s, e, [b]))
    return out


def naming_the_words(message: str, matched: str) -> str:
    """A backend's message as newslint writes its own: one line, no Markdown code marks, and
    naming the words it is about when it does not already ("'an university': Use 'a'...")."""
    text = " ".join(message.replace("`", "'").split())
    words = " ".join(matched.split())
    if words and words.lower() not in text.lower():
        text = f"'{words}': {text}"
    return text


def within_one_block(blocks: list[Block], s: int, e: int) -> bool:
    return any(b.start <= s and e <= b.end for b in blocks)


@dataclass(frozen=True)
class GrammarSection:
    """``[grammar]``: which backend checks grammar, and how to reach LanguageTool."""

    # "harper" (embedded, offline), "languagetool" (a server or install you run) or "both"
    backend: Literal["harper", "languagetool", "both"] = "harper"
    languagetool: lt.LanguageToolSection = field(default_factory=lt.LanguageToolSection)


def grammar_section(rule: Rule) -> GrammarSection:
    return rule.settings.section("grammar")


@dataclass(frozen=True)
class HarperOptions:
    # Harper rule names to run although newslint does not run them on news copy (a sub-rule
    # that runs but is off by default by its measured precision is turned on with
    # extend-select = ["grammar/harper/<Sub>"])
    enable: tuple[str, ...] = ()
    # Harper rule names to turn off as well
    disable: tuple[str, ...] = ()


class HarperGrammar(Rule):
    """What it does: runs Harper, the offline grammar checker, on the story's prose and
    reports each finding as ``grammar/harper/<HarperRule>``: agreement ("They is"),
    a/an, repeated words, confused words, punctuation.

    Why: Harper runs in-process, in milliseconds, with no Java and no network, so it is
    always available. Each sub-rule's severity is its measured precision on published copy
    (``rules/data/harper_rules.toml``): error at 95% or more, warning at 80%, info below,
    and off by default under 30% (``extend-select = ["grammar/harper/WrongNegative"]`` turns
    one back on). Harper rules that are noisy on news copy are not run at all (see
    ``rules/grammar/harper_backend.py``); Harper's spell check is off because
    spelling/unknown-word is news-aware, and a/an is grammar/article's. Style and punctuation findings inside
    direct quotes are dropped: a reporter cannot change what someone said.

    Example: "The plan was approved by it's board" -> ``grammar/harper/ItsContraction``.

    Options: ``enable`` / ``disable``: lists of Harper rule names to run although newslint
    does not run them on news copy, and to stop running.
    """

    id = "grammar/harper"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    summary = "Harper's findings (agreement, confused words...), each under its sub-id (grammar/harper/ItsContraction), at its measured level."
    Options = HarperOptions
    config_section = ("grammar", GrammarSection)
    precedence = -1  # an external checker: newslint's own rule keeps a shared span

    def __init__(self, options: Any = None, settings: Any = None) -> None:
        super().__init__(options, settings)
        # id(document) -> (document, its runs being linted): see prepare()
        self._pending: dict[int, tuple[Document, list]] = {}

    @classmethod
    def subrules(cls) -> Mapping[str, str]:
        return hb.descriptions()

    @classmethod
    def on_by_default(cls, emitted_id: str) -> bool:
        sub = emitted_id[len(cls.id) + 1:] if emitted_id.startswith(cls.id + "/") else ""
        return cls.enabled_by_default and not (sub and hb.off_by_default(sub))

    @cached_property
    def _disabled(self) -> frozenset[str]:
        """Harper rules not to run: those noisy on news, those asked to be off, and the sub-rules
        whose findings the run would not report (off by default and not selected, or ignored)."""
        unseen = {sub for sub in hb.levels() if not self.settings.reported(f"{self.id}/{sub}")}
        return frozenset((hb.NOISY_ON_NEWS - set(self.options.enable)) | set(self.options.disable) | unseen)

    def warm_up(self) -> None:
        if grammar_section(self).backend != "languagetool":
            hb.warm(self.settings.dialect, self._disabled).result()

    def _submit(self, doc: Document) -> list:
        disabled, dialect = self._disabled, self.settings.dialect
        return [(cstart, blocks, hb.lint_async(dialect, disabled, hb.readable(doc.prose[cstart:cend])))
                for cstart, cend, blocks in chunks(doc) if doc.prose[cstart:cend].strip()]

    def prepare(self, doc: Document) -> bool:
        """Harper lints the story in its own thread while the other rules run."""
        if grammar_section(self).backend == "languagetool":
            return False
        while len(self._pending) >= 8:  # a story whose check never came (a failed rule)
            self._pending.pop(next(iter(self._pending)))
        self._pending[id(doc)] = (doc, self._submit(doc))
        return True

    def look_ahead(self, doc: Document) -> None:
        """Harper lints the story checked next; ``check`` finds the jobs by their text."""
        if grammar_section(self).backend != "languagetool":
            self._submit(doc)

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        section = grammar_section(self)
        pending = self._pending.pop(id(doc), None)
        if section.backend == "languagetool":
            language = self.settings.dialect  # LanguageTool's codes: en-US, en-GB, en-CA, en-AU
            if lt.get_client(section.languagetool, self.notice, language) is not None:
                return
        jobs = pending[1] if pending is not None and pending[0] is doc else self._submit(doc)
        for cstart, blocks, job in jobs:
            for start, end, name, kind, message, sugg in job.result():
                cat, sev = hb.severity_of(name, kind)
                s, e = cstart + start, cstart + end
                if not within_one_block(blocks, s, e):
                    continue
                if cat in QUOTE_SAFE and doc.in_quote(s, e):
                    continue
                if cat == Category.SPELLING:
                    continue  # spelling/unknown-word's job
                yield self.report(doc, s, e, naming_the_words(message, doc.prose[s:e]), sugg, severity=sev,
                                  category=cat, rule_id=f"{self.id}/{name}")
