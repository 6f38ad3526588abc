"""word-choice/confused-word: a commonly confused word that does not fit its context,
decided by a trigram language model (see ``lm.py``), never by a list of known bad phrases.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity, match_case, tomllib

from . import lm
from .context import sentence_tokens



@lru_cache(maxsize=1)
def confusion_sets() -> dict[str, tuple[str, ...]]:
    raw = tomllib.loads(resources.files("newslint.rules").joinpath("data/confusables.toml").read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for group in raw["sets"]:
        for w in group:
            out.setdefault(w, set()).update(x for x in group if x != w)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@dataclass(frozen=True)
class ConfusedOptions:
    # how much more probable (natural log) the other word must be in context
    margin: float = 2.5


class ConfusedWord(Rule):
    """What it does: for commonly confused words (their/there/they're, its/it's,
    then/than, affect/effect, lose/loose, ...), compares the word written with the other
    members of its set in the sentence's context, using a trigram language model of
    general English, and reports it when another member is far more probable there.

    Why: a spell checker cannot see these: every word is spelled right.

    Example: "the state of it's funding" -> "its".

    Options: ``margin``: how many natural-log units more probable the alternative must
    be (default 2.5, about 12 times; measured on the dev benchmark: 0.80 recall for 0.32
    false alarms per 1,000 words on news copy, 0.83 for 0.21 on Markdown posts; at 2.0 it
    was 0.82 for 0.49); raise it for fewer, surer findings.
    """

    id = "word-choice/confused-word"
    category = Category.WORD_CHOICE
    default_severity = Severity.WARNING
    summary = "A commonly confused word (their/there, its/it's, affect/effect) that does not fit its context."
    Options = ConfusedOptions
    skip_scopes = frozenset({"headline", "table"})

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        sets = confusion_sets()
        for st in sentence_tokens(doc, self.skip_scopes):
            toks = st.tokens
            for i, tok in enumerate(toks):
                alts = sets.get(tok)
                w = st.words[i]
                if not alts or w is None:
                    continue
                if w.text[0].isupper() and (i != 1 and toks[i - 1] != "<s>"):
                    continue  # a capitalised word mid-sentence is a name ("Lead", "Bare")
                own = lm.window_score(toks, i, tok)
                best, best_score = "", own
                for alt in alts:
                    if not lm.in_vocab(alt):
                        continue
                    s = lm.window_score(toks, i, alt)
                    if s > best_score:
                        best, best_score = alt, s
                if best and best_score - own >= self.options.margin:
                    sugg = match_case(w.text, best)
                    yield self.report(doc, w.start, w.end,
                                      f"'{w.text}' may be confused with '{sugg}', which fits this context better",
                                      [sugg])
