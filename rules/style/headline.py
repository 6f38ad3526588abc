"""style/headline: headlines as the house writes them.

Style points: AP headline style and the Guardian and BBC style guides: sentence case (only
the first word and proper nouns capitalised), no full stop at the end; a length limit set by
the house (search results and social cards cut long headlines). Applies to the headline
scope that opens the story: its front matter title, HTML <title>, or the heading it starts
with; subheads inside the story are left alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.house_style import SECTION, pick, preset_of
from newslint.rules.lang.word_classes import ARTICLES, COORDINATORS, PREPOSITIONS, selection, words

# words a headline leaves in lower case in either style: articles, conjunctions, short prepositions
_MINOR = (ARTICLES | COORDINATORS | selection(PREPOSITIONS, "at by in of on to up via with from into onto over per")
          | words("as than vs"))
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(frozen=True)
class HeadlineOptions:
    # "sentence" or "title" case; "any" leaves capitals alone; None: the preset (both: sentence)
    case: Optional[Literal["sentence", "title", "any"]] = None
    # longest headline, in characters (0: no limit)
    max_length: int = 90


# a page that says it is generated from another source ("auto-generated", "do not edit"): its
# title is that source's text (an error message, an API name), not a headline the desk writes
_GENERATED = re.compile(r"\b(?:auto-?generated|automatically\s+generated|generated\s+(?:by|from)\b[^\n]{0,80}"
                        r"\b(?:do\s+not|don't)\s+edit|do\s+not\s+(?:make\s+)?edits?\b)", re.I)


def _generated(doc: Document) -> bool:
    return bool(_GENERATED.search(doc.source[:2000]))


class Headline(Rule):
    """What it does: reports a full stop at the end of a one-sentence headline (warning; a
    safe fix; not on a page that says it is generated from another source, whose title is
    that source's text, such as an error message), a
    headline longer than ``max-length`` characters (info) and, for ``case = "sentence"``, a
    headline in title case (``Council Approves New Budget``), or, for ``case = "title"``, a
    major word in lower case (info).

    Why: a full stop reads as a sentence, not a headline; a consistent case is house style.
    Words in capitals (NATO) and words after a colon are left alone.

    Example: "Council approves new budget." -> no full stop; "Council Approves New Arts
    Budget" -> sentence case.

    Options: ``case``, ``max-length``.
    """

    id = "style/headline"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "The story's headline: no full stop (a warning), the house's capitalisation, a length limit."
    Options = HeadlineOptions
    config_section = SECTION

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        case = pick(self.options.case, preset_of(self), "sentence", "sentence", "any")
        for b in doc.blocks[:1]:  # the story's headline: its title, or the heading it opens with
            if b.scope != "headline":
                continue
            text = doc.prose[b.start:b.end]
            lead = len(text) - len(text.lstrip())
            body = text.strip()
            if not body:
                continue
            start = b.start + lead
            if body.endswith(".") and not body.endswith("..") and not re.search(r"\b(?:[A-Z]\.)+$|\b(?:Inc|Co|Jr|Sr|St)\.$", body) \
                    and not re.search(r"[.!?]\s+\S", body) and not _generated(doc):
                end = start + len(body)
                yield self.report(doc, end - 1, end, "A headline takes no full stop", [""], fix="",
                                  severity=Severity.WARNING)
            if self.options.max_length and len(body) > self.options.max_length:
                yield self.report(doc, start, start + len(body), f"Headline of {len(body)} characters "
                                  f"(limit {self.options.max_length})")
            words = [(m.start(), m.group(0)) for m in _WORD.finditer(body)]
            rest = [(i, w) for n, (i, w) in enumerate(words) if n and not body[:i].rstrip().endswith((":", "?", "!"))]
            if case == "sentence":
                capped = [w for _, w in rest if w[0].isupper() and not w.isupper() and w.lower() not in _MINOR]
                lower = [w for _, w in rest if w[0].islower() and w.lower() not in _MINOR]
                if len(rest) >= 3 and len(capped) >= 3 and not lower:
                    yield self.report(doc, start, start + len(body), "Headline in title case; house style is "
                                      "sentence case (capitals for the first word and names only)")
            elif case == "title":
                for i, w in rest:
                    if w[0].islower() and w.lower() not in _MINOR:
                        yield self.report(doc, start + i, start + i + len(w), f"Title case: '{w.capitalize()}'",
                                          [w.capitalize()], fix=w.capitalize())
