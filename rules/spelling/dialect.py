"""spelling/dialect: a spelling from another dialect than the copy's (colour in American copy)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity, match_case
from newslint.rules.lang.dialects import other_dialect_form


@dataclass(frozen=True)
class DialectOptions:
    # en-GB only: accept -ize spellings (Oxford spelling: standard British per the OED and
    # Oxford University Press); set false for -ise house styles (Guardian, BBC)
    oxford_spelling: bool = True


class DialectSpelling(Rule):
    """What it does: reports a spelling from another dialect than the copy's and suggests the
    house form: "colour" or "centre" in American copy, "color" in British, Canadian or
    Australian copy, "organise" in Canadian copy (Canadian Press: -our with -ize).

    Why: one story, one dialect. These are style notes, not typos.

    A capitalised word inside a sentence is a name and is left alone ("the Digital
    Programme", "Peter"), and a pattern pair counts only when both forms are in wide use
    (center/centre, not enter/entre: a far rarer form is another language's word or a name).

    Example: "The colour of the centre" in en-US copy -> "color", "center".

    Options: ``oxford-spelling`` (default true) accepts -ize forms in British and Australian
    copy; set it to false for an -ise house style. Which form each dialect uses, and the
    sources, are in ``rules/data/dialects.toml``.
    """

    id = "spelling/dialect"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "A spelling from another dialect (British in American copy, American in Canadian, ...)."
    Options = DialectOptions

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        dialect = self.settings.dialect
        accepted_lower = self.settings.dictionary_lower
        accept_ize = self.options.oxford_spelling and dialect in ("en-GB", "en-AU")
        for w in doc.words:
            text = w.text
            if not text.isalpha() or (text.isupper() and len(text) > 1) or text.lower() in accepted_lower:
                continue
            if text[0].isupper() and not self._opens_sentence(doc, w.start):
                continue  # a capital mid-sentence: a name (Programme Delivery Group, Peter)
            found = other_dialect_form(text.lower(), dialect, accept_ize)
            if found:
                sugg = match_case(text, found[0])
                yield self.report(doc, w.start, w.end, f"{found[1]} spelling '{text}'; this copy is "
                                  f"{dialect}: '{sugg}'", [sugg])

    @staticmethod
    def _opens_sentence(doc: Document, at: int) -> bool:
        before = doc.prose[max(0, at - 40):at].rstrip(" \t*_\"'\u201c\u2018([")
        return not before or before[-1] in ".!?:;\n\ufffc"
