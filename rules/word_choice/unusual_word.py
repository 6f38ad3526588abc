"""word-choice/unusual-word: a correctly spelled word that fits neither its phrase nor
its story, as in "the child units" or "for the furry time".

Two kinds of evidence, both general (no word is named anywhere):

* Phrase fit, from the trigram language model in ``rules/lang/ngram.py``: how much the word raises or
  lowers the probability of the word after it (``right``) and of itself after the words
  before it (``left``), each against the word's own prior. A word the next word never
  follows in general English gets a negative ``right``.
* Topic fit, from static word vectors (``rules/lang/vectors.py``): how close the word is to the
  nearest other words of the story (``top1``, ``top3``) and of its sentence
  (``sentence``), and to the next word (``next``). A rare word that belongs to the
  story's subject is close to some of them; a stray word is close to none.

A logistic score combines them with weights fitted on the dev benchmark by
``benchmarks/train_unusual.py`` (stored, with the measured rates, in
``rules/data/unusual_word.toml``). The rule judges the word after a determiner (the, a,
this, their, ...), where the determiner and the head noun after the word pin down what
may stand there; elsewhere (verbs after "to", say) the same evidence was measured to
produce mostly false alarms on the 18F corpus and the dev set.
"""
from __future__ import annotations

import heapq

import math
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Iterator

from newslint.api import (Category, Diagnostic, Document, Resource, Rule, Sentence, Severity, Word, match_case,
                          user_only)
from newslint.rules.lang import bands, masked_lm
from newslint.rules.lang import ngram
from newslint.rules.lang.scorer import LogisticScore
from newslint.rules.lang.tokens import sentence_tokens
from newslint.rules.lang.word_classes import CLOSED_CLASS, DETERMINERS, FUNCTION_WORDS


# distinct content words a story needs before its topic is judged (a brief of about 100
# words has 40 to 60)
MIN_STORY_WORDS = 40

FEATURES = ("left", "right", "top1", "top3", "sentence", "next", "count")
# phrase fit comes from the trigram model, topic fit from the word vectors
SCORE = LogisticScore("data/unusual_word.toml", FEATURES, sources=("pocketsphinx", "word_vectors.npz"))


@dataclass
class Candidate:
    word: Word
    token: str
    next_token: str
    in_quote: bool
    features: dict[str, float]
    tokens: list[str]
    index: int
    story: list[tuple[float, ...]]  # unit vectors of the story's content words
    own_row: int  # this word's row in `story`


def _judged(token: str) -> bool:
    return len(token) >= 3 and token.isalpha() and token not in FUNCTION_WORDS


def candidates(doc: Document, skip_scopes: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """Every judged word with its features; also used by the training script, so that
    training and linting compute the very same numbers."""
    from newslint.rules.lang import vectors

    vec = vectors.load()
    story = [w.norm for w in doc.words if w.text.islower() and _judged(w.norm)]
    counts: dict[str, int] = {}
    for t in story:
        counts[t] = counts.get(t, 0) + 1
    types = sorted(t for t in counts if t in vec)
    if len(types) < MIN_STORY_WORDS:
        return  # too short to tell what the story is about
    row = {t: i for i, t in enumerate(types)}
    matrix = vec.of(types)
    similar: dict[str, list[float]] = {}  # a word's cosines with the story's words, itself left out
    for st in sentence_tokens(doc, skip_scopes):
        toks = st.tokens
        in_sentence = [row[t] for t in set(toks) if t in row]
        for i in range(2, len(toks) - 1):
            w = st.words[i]
            tok, prev, nxt = toks[i], toks[i - 1], toks[i + 1]
            if w is None or prev not in DETERMINERS or st.words[i + 1] is None:
                continue
            if not w.text.islower() or not _judged(tok) or not nxt.isalpha() or nxt in CLOSED_CLASS:
                continue  # the word must stand between a determiner and a content word
            if tok not in vec or not ngram.in_vocab(tok):
                continue
            if ngram.has_bigram(tok, nxt):
                continue  # general English has the pair: the phrase is ordinary
            right = ngram.logp(nxt, tok, prev) - ngram.logp(nxt)
            own = row[tok]
            sims = similar.get(tok)
            if sims is None:
                sims = similar[tok] = vectors.cosines(matrix, vec.row(tok))
                sims[own] = -1.0
            top = heapq.nlargest(3, sims)
            top3 = sum(top) / len(top)
            if top3 >= 0.5:
                continue  # close to other words of the story: on topic
            sent = heapq.nlargest(2, [sims[j] for j in in_sentence if j != own] or [0.0])
            feats = {
                "left": ngram.logp(tok, prev, toks[i - 2]) - ngram.logp(tok),
                "right": right,
                "top1": top[0],
                "top3": top3,
                "sentence": sum(sent) / len(sent),
                "next": vec.similarity(tok, nxt),
                "count": float(min(counts.get(tok, 1), 3)),
            }
            yield Candidate(w, tok, nxt, doc.in_quote(w.start, w.end), feats, toks, i, matrix, own)


def _load_alternatives() -> tuple[str, ...]:
    from newslint.rules.lang import vectors

    return tuple(w for w in vectors.words_by_frequency(2500) if _judged(w) and ngram.in_vocab(w))


# the frequent words a suggestion is chosen from
_alternatives = Resource("unusual-word-alternatives", _load_alternatives)


def suggestion(c: Candidate, margin: float) -> str | None:
    """A frequent word that makes the phrase far more probable and is closer to the story
    than the word written, if there is one. The frequent words are ranked by the two
    trigrams that end at the slot and at the next word; the best 40 are scored by all
    three trigrams that contain the slot."""
    from newslint.rules.lang import vectors

    toks, i = c.tokens, c.index
    prev, prev2 = toks[i - 1], toks[i - 2]
    prob, ln, nxt = ngram.model().prob, ngram.LN_BASE, c.next_token
    quick = heapq.nlargest(40, ((prob([alt, prev, prev2]) * ln + prob([nxt, alt, prev]) * ln, alt)
                                for alt in _alternatives() if alt != c.token))
    window = ngram.window_scorer(toks, i)
    own = window(c.token)
    vec = vectors.load()
    best, best_score = None, own + margin
    for _, alt in quick:
        s = window(alt)
        if s > best_score:
            sims = vectors.cosines(c.story, vec.row(alt))
            sims[c.own_row] = -1.0  # the written word is not part of the story's topic
            top = heapq.nlargest(3, sims)
            topic = sum(top) / len(top)
            if topic > c.features["top3"]:
                best, best_score = alt, s
    return best


@dataclass(frozen=True)
class UnusualOptions:
    # score (0-1) from which a finding is a warning; below it, down to `info`, a note;
    # -1 takes the measured thresholds from rules/data/unusual_word.toml
    warning: float = -1.0
    info: float = -1.0
    # how much more probable (natural log) a suggested word must make the phrase
    suggestion_margin: float = 6.0
    # optional: a local masked language model directory (pip install newslint[transformers])
    # (only from the user's configuration: see newslint.trust)
    masked_model: str = user_only("", "loads model weights, which can run code")
    # with a masked model: how much more probable (natural log) its best word must be
    masked_margin: float = 5.0


class UnusualWord(Rule):
    """What it does: finds a correctly spelled word that fits neither its phrase nor the
    story, as in "the child units will provide them leverage" or "for the furry time". A
    general statistical detector, with no list of words: a trigram language model of
    general English says whether the word after a determiner ever comes before the word
    that follows it, and word vectors say whether it is related to anything else in the
    story. A word that fails both is reported, with the frequent word that fits the phrase
    far better, when there is one.

    Why: a slip of the keyboard, autocorrect or a half-finished edit leaves a real word
    where it does not belong; no spell checker sees it.

    Example: "the child units will provide them leverage" (the story newslint started from)
    -> "child".

    Severity: the level measured for the finding's score band on judged real copy
    (``rules/data/word_choice_bands.toml``: today info in every band, since none was right
    80% of the time); inside direct quotes at most info (a quote is not edited, but a copy
    editor checks it against the notes).

    Leaves alone: names (capitalised words), numbers, function words, headlines, tables,
    lists, pairs the language model knows ("military units"), words related to the story's
    subject, words that recur in the story, words in the newsroom dictionary (``dictionary``
    in the config, built by ``newslint learn``), and stories under 40 distinct content words.

    Options: ``warning`` and ``info``: the score (0-1) from which a word is reported at
    that level (-1, the default, takes the measured score bands);
    ``suggestion-margin``: how much more probable (natural log) a suggested word must
    make the phrase; ``masked-model``: a masked language model you have downloaded (a
    directory; needs ``pip install newslint[transformers]``; never downloaded by newslint),
    which then judges the same candidates, with ``masked-margin`` (natural log, default 5)
    as the bar its best word must clear.
    """

    id = "word-choice/unusual-word"
    category = Category.WORD_CHOICE
    # the level of each finding is its score band's (rules/data/word_choice_bands.toml)
    default_severity = Severity.INFO
    summary = "A real word that fits neither its phrase nor the story ('the child units'); its level is its score band's."
    Options = UnusualOptions
    skip_scopes = frozenset({"headline", "table", "list", "caption"})

    def scored(self, doc: Document) -> Iterator[tuple[Candidate, float]]:
        """Every candidate with its score (0-1); also used by benchmarks/wordchoice_bands.py."""
        for message in SCORE.stale():
            self.notice(f"{self.id}: {message}")
        for c in self._candidates(doc):
            yield c, SCORE.score(c.features)

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        mlm = masked_lm.load_for(self)
        if mlm is not None:
            yield from self._check_masked(doc, mlm)
            return
        for c, p in self.scored(doc):
            severity = bands.severity(self, p)
            if severity is None:
                continue
            if c.in_quote:
                severity = bands.at_most(severity, Severity.INFO)
            why = (f"'{c.word.text}' may be out of place: a model of general English has not seen "
                   f"'{c.token} {c.next_token}', and the word has little to do with the rest of the story")
            yield self._report(doc, c, why, suggestion(c, self.options.suggestion_margin), severity)

    def _report(self, doc: Document, c: Candidate, why: str, alt: str | None, severity: Severity) -> Diagnostic:
        if not alt:
            return self.report(doc, c.word.start, c.word.end, why, severity=severity)
        sugg = match_case(c.word.text, alt)
        return self.report(doc, c.word.start, c.word.end, f"{why}; '{sugg}' would fit here", [sugg],
                           severity=severity)

    def _candidates(self, doc: Document) -> Iterator[Candidate]:
        """Candidates, less the words of the newsroom's own dictionary (``newslint learn``):
        a word the archive uses often is part of the house vocabulary."""
        house = self.settings.dictionary_lower
        return (c for c in candidates(doc, self.skip_scopes) if c.token not in house)

    def _check_masked(self, doc: Document, mlm: "masked_lm.MaskedLM") -> Iterable[Diagnostic]:
        """The same candidates (a determiner, a word, a content word the model of general
        English has not seen after it, far from the story's topic), judged by the masked LM."""
        sentences = doc.sentences
        starts = [s.start for s in sentences]
        for c in self._candidates(doc):
            sent: Sentence = sentences[max(bisect_right(starts, c.word.start) - 1, 0)]
            j = mlm.judge(doc.prose[sent.start:sent.end], c.word.start - sent.start, c.word.end - sent.start)
            if j is None or j.best - j.own < self.options.masked_margin:
                continue
            severity = Severity.INFO if c.in_quote else self.default_severity
            times = math.exp(min(j.best - j.own, 50.0))
            alt = next((w for w in j.predictions if w.lower() != c.token), None)
            why = (f"'{c.word.text}' may be out of place: the masked language model finds its best word "
                   f"for this slot about {times:,.0f} times more probable")
            yield self._report(doc, c, why, alt, severity)
