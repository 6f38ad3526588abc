"""word-choice/confused-word and word-choice/unusual-word: words that do not fit their
context, decided by a trigram language model (see ``lm.py``), never by a list of
known bad phrases.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from linter.diagnostic import Category, Diagnostic, Severity
from linter.document import Document
from linter.rule import Rule, match_case

from . import lm
from .context import sentence_tokens

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=1)
def confusion_sets() -> dict[str, tuple[str, ...]]:
    raw = tomllib.loads(resources.files("rules").joinpath("data/confusables.toml").read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for group in raw["sets"]:
        for w in group:
            out.setdefault(w, set()).update(x for x in group if x != w)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@dataclass(frozen=True)
class ConfusedOptions:
    # how much more probable (natural log) the other word must be in context
    margin: float = 2.0


class ConfusedWord(Rule):
    """What it does: for commonly confused words (their/there/they're, its/it's,
    then/than, affect/effect, lose/loose, ...), compares the word written with the other
    members of its set in the sentence's context, using a trigram language model of
    general English, and reports it when another member is far more probable there.

    Why: a spell checker cannot see these: every word is spelled right.

    Example: "the state of it's funding" -> "its".

    Options: ``margin``: how many natural-log units more probable the alternative must
    be (default 2.0, about 7 times; measured on the dev set: 0.82 recall for 0.49 false
    alarms per 1,000 words); raise it for fewer, surer findings.
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


# Function words, auxiliaries and very general words: the unusual-word detector only
# judges content words, whose choice is free.
_SKIP = frozenset("""
a an the and or but nor so yet for of to in on at by with from into onto upon about above below over under
between among through during before after since until while as than then that this these those there
their they them he she it its his her him we us our you your i me my mine who whom whose which what when
where why how not no yes all any some each every both either neither one two three many much more most
few less least other another such same own only just also very too quite rather is are was were be been
being am has have had having do does did doing will would shall should can could may might must said says
say saying told tell new last first next year years time times per
""".split())


@dataclass(frozen=True)
class UnusualOptions:
    # how much better (natural log) the context supports the best alternative
    margin: float = 10.0
    # how poorly the context must support the word itself (natural log)
    max_own: float = -6.0
    # how many of the most frequent words are tried as alternatives
    alternatives: int = 1500


@lru_cache(maxsize=4)
def _alternatives(n: int) -> tuple[str, ...]:
    import wordfreq

    out = []
    for w in wordfreq.top_n_list("en", n * 2):
        if len(w) >= 3 and w.isalpha() and w not in _SKIP and lm.in_vocab(w):
            out.append(w)
            if len(out) >= n:
                break
    return tuple(out)


class UnusualWord(Rule):
    """What it does: finds a correctly spelled word that is improbable where it stands
    while other words would be far more probable there, as in "the child units will provide
    them leverage" or "for the furry time". A general statistical detector: it scores the
    word's three surrounding trigrams with a language model of general English and compares
    them with the same trigrams for the most frequent English words.

    Why: a slip of the keyboard, autocorrect or a half-finished edit leaves a real word
    where it does not belong; no spell checker sees it.

    Leaves alone: names (capitalised words), numbers, words in direct quotes, headlines,
    and function words.

    Options: ``margin`` (default 9.0) and ``max-own`` (default -22.0), natural-log units;
    ``alternatives``: how many frequent words to compare with.
    """

    id = "word-choice/unusual-word"
    category = Category.WORD_CHOICE
    default_severity = Severity.WARNING
    summary = "A real word that does not fit its context (e.g. 'the child units', 'the furry time')."
    Options = UnusualOptions
    # experimental: measured at 4% recall for 2.2 false alarms per 1,000 words on the dev set
    enabled_by_default = False
    skip_scopes = frozenset({"headline", "table", "list", "caption"})

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        alts = _alternatives(self.options.alternatives)
        for st in sentence_tokens(doc, self.skip_scopes):
            toks = st.tokens
            for i in range(2, len(toks) - 1):
                w = st.words[i]
                tok = toks[i]
                if w is None or tok in _SKIP or len(tok) < 3 or not tok.isalpha() or not w.text.islower():
                    continue
                if st.words[i - 1] is None or st.words[i + 1] is None:
                    continue  # needs a word on both sides
                if doc.in_quote(w.start, w.end) or not lm.in_vocab(tok):
                    continue
                # cheap test first: does the word make itself and the next word less probable
                # than they are on their own?
                prev, prev2, nxt = toks[i - 1], toks[i - 2], toks[i + 1]
                if lm.logp(tok, prev, prev2) > lm.logp(tok) or lm.logp(nxt, tok, prev) > lm.logp(nxt):
                    continue
                # context support: the trigrams' probability less the word's own prior, so
                # that rare words are not judged by their rarity
                own = lm.window_score(toks, i, tok) - lm.logp(tok)
                if own > self.options.max_own:
                    continue
                best, best_score = "", own
                for alt in alts:
                    if alt == tok:
                        continue
                    s = lm.window_score(toks, i, alt) - lm.logp(alt)
                    if s > best_score:
                        best, best_score = alt, s
                if best and best_score - own >= self.options.margin:
                    yield self.report(doc, w.start, w.end,
                                      f"'{w.text}' is unusual in this context; a word such as '{best}' "
                                      "would be far more probable here", [best])
