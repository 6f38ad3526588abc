"""readability/long-sentence: a body sentence longer than the limit."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity

from .grade import body_sentences, count_words, first_word


@dataclass(frozen=True)
class LongSentenceOptions:
    # judged on real copy: sentences of 36 to 40 words were nearly all fine, most over 40 not
    max_words: int = 40


class LongSentence(Rule):
    """What it does: reports a body sentence longer than ``max-words`` (default 40) words;
    the finding spans the sentence and says how long it is.

    Why: long, tangled sentences are where readers give up. Direct quotes and headlines
    are left alone.

    Example: a sentence of 43 words -> "Sentence of 43 words (limit 40); consider splitting
    it".
    """

    id = "readability/long-sentence"
    category = Category.READABILITY
    default_severity = Severity.INFO
    summary = "A body sentence longer than the limit (default 40 words)."
    Options = LongSentenceOptions

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for s in body_sentences(doc):
            n = count_words(s.text)
            if n > self.options.max_words:
                yield self.report(doc, first_word(doc, s.start, s.end)[0], s.end,
                                  f"Sentence of {n} words (limit {self.options.max_words}); consider splitting it")
