"""readability/long-paragraph: a paragraph longer than news style allows."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Sentence, Severity

from .grade import count_words, first_word


@dataclass(frozen=True)
class LongParagraphOptions:
    max_words: int = 75
    max_sentences: int = 4


class LongParagraph(Rule):
    """What it does: reports a paragraph of more than ``max-words`` (75) words or
    ``max-sentences`` (4) sentences.

    Why: news paragraphs are short; a wall of text loses readers on a phone.

    Example: a paragraph of five sentences -> "Paragraph of 90 words in 5 sentences (limits
    75 words, 4 sentences)".
    """

    id = "readability/long-paragraph"
    category = Category.READABILITY
    default_severity = Severity.INFO
    enabled_by_default = False  # 0 of 19 judged findings on real copy were worth acting on
    summary = "A paragraph longer than news style allows (75 words or 4 sentences)."
    Options = LongParagraphOptions

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        counts: dict[int, list[Sentence]] = {}
        for s in doc.sentences:
            if s.block.scope == "paragraph":
                counts.setdefault(s.block.start, []).append(s)
        for block in doc.blocks:
            if block.scope != "paragraph":
                continue
            sents = counts.get(block.start, [])
            words = count_words(doc.prose[block.start:block.end])
            if words > self.options.max_words or len(sents) > self.options.max_sentences:
                end = sents[0].end if sents else block.end
                yield self.report(doc, first_word(doc, block.start, end)[0], end,
                                  f"Paragraph of {words} words in {len(sents)} sentences (limits "
                                  f"{self.options.max_words} words, {self.options.max_sentences} sentences)")
