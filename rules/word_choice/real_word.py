"""word-choice/real-word: a correctly spelled word that is not the word the writer meant
("in a manor that", "the goals of England were full", "religious tenants").

The noisy-channel method (Mays, Damerau and Mercer 1991; Wilcox-O'Hearn, Hirst and
Budanitsky 2008), with more evidence than the trigram model alone. For each judged word:

* the words the writer could have meant: frequent words one edit away (a letter dropped,
  added, changed or two swapped) and words that sound the same (``rules/data/homophones.txt``,
  from the CMU Pronouncing Dictionary);
* for the candidate that fits the sentence best, how much more probable the trigram model
  finds the sentence with it (``gain``), whether general English has the word's own
  bigrams with its neighbours and the candidate's, how frequent each word is (wordfreq),
  and whether the story repeats the word (slips rarely repeat);
* a logistic score over those numbers, fitted by ``benchmarks/train_real_word.py`` with
  folds grouped by article (weights and thresholds in ``rules/data/real_word.toml``);
* for scores just under the fitted bar, the semantic fit: how much closer (word vectors) the
  candidate is than the written word to the sentence's content words (``semantic_fit``; its
  band is off: it found more injected slips but was wrong on 25 of 25 judged on real copy).

The score's level is its band's (``rules/data/word_choice_bands.toml``): the precision each
band measured on judged real copy. Kinds of false alarm judged there (a name, a word the
story keeps using, one word spelled two ways, a dotted name) are left alone (``kinds``).

Words of the confusion sets (their/there, its/it's) are ``confused-word``'s, so the two
rules never judge one word. No word is named anywhere in this module.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from newslint.api import (Category, Diagnostic, Document, Resource, Rule, Severity, Word, datacache, match_case,
                          user_only)
from newslint.rules.lang import bands, masked_lm, tagger
from newslint.rules.lang import ngram
from newslint.rules.lang.confusables import confusion_sets, homophones
from newslint.rules.lang.lexicon import EditIndex, edit_index_keys, lexicon
from newslint.rules.lang.scorer import LogisticScore
from newslint.rules.lang.tokens import sentence_tokens
from newslint.rules.lang.word_classes import FUNCTION_WORDS
from . import kinds


FEATURES = ("gain", "own_left", "own_right", "alt_left", "alt_right", "zipf_own", "zipf_alt", "repeats")
# the trigram model gives the gain and the bigrams, wordfreq the frequencies; the candidates
# come from wordfreq, pyspellchecker's word list, the model's vocabulary and the homophones
SCORE = LogisticScore("data/real_word.toml", FEATURES,
                      sources=("pocketsphinx", "wordfreq", "pyspellchecker", "homophones.txt"))
# with the optional error tagger (newslint[tagger], rules/lang/tagger.py): the same features and
# the tagger's three (natural logs of its probability that the word is not kept, that a word next
# to it is not kept, and of replacing it by the candidate), in a second fit of the same trainer
# (``--tagger``), with its own bands
TAGGER_FEATURES = ("tagger_change", "tagger_context", "tagger_replace")
TAGGER_SCORE = LogisticScore("data/real_word_tagger.toml", FEATURES + TAGGER_FEATURES,
                             sources=SCORE.sources + tagger.PACKAGES)
TAGGER_BANDS = "word-choice/real-word-tagger"  # its bands in rules/data/word_choice_bands.toml
# candidates are words a writer means often enough to slip from: Zipf 3.0 is about once
# in a million words of running text (wordfreq)
CANDIDATE_ZIPF = 3.0
# the written word is judged when it has at least this many letters, and is at most this
# common (Zipf 7.5 leaves out only the commonest, "the"); the fitted score decides the rest. Two-letter and
# very common words ("on" for "in", "is" for "it") were once skipped: judging them found 4
# more of wiki-rw's 132 natural slips (0.318 -> 0.348) and 1 more of dev-rw's 943, for 0.02
# more notes per 1,000 words of clean news copy (issue 25 item 3: judge more slots)
MIN_JUDGED_LEN = 2
MAX_JUDGED_ZIPF = 7.5
# the best candidate must make the sentence at least this much more probable (natural log)
# before it is scored at all: below it, no fitted score would report it
MIN_GAIN = 1.0


def _load_candidates():
    """Words a writer means often enough to slip from: Zipf 3.0 or more (wordfreq), in the
    curated word list and in the language model's vocabulary (a ``datacache.WordTable``,
    built once)."""
    return datacache.word_table("real-word-candidates", (*lexicon().sources, ngram.model_file()), _build_candidates)


candidate_words = Resource("real-word-candidates", _load_candidates)
# the candidates by their one-letter deletions: a word's candidates one edit away in a few
# lookups (``EditIndex``), built once into the data cache next to the candidates
candidate_edits = Resource("real-word-candidate-edits", lambda: EditIndex(datacache.keys(
    "real-word-candidate-edits", (*lexicon().sources, ngram.model_file()),
    lambda: edit_index_keys(w for w, _ in candidate_words().items()))))


def _build_candidates() -> dict[str, int]:
    lex = lexicon()
    return {w: 1 for w, z in lex.zipf_items() if z >= CANDIDATE_ZIPF and w.isalpha()
            and lex.in_curated(w) and ngram.in_vocab(w)}


@lru_cache(maxsize=200_000)
def alternatives(word: str) -> tuple[tuple[str, bool], ...]:
    """(candidate, is a homophone) for a lower-case word: frequent words one edit away,
    and homophones."""
    vocab = candidate_words()
    out = {h: True for h in homophones().get(word, ()) if h in vocab}
    for cand in candidate_edits().neighbours(word):  # the words of `vocab` in edits1(word)
        if cand != word and cand not in out and not _number_only(word, cand):
            out[cand] = False
    return tuple(sorted(out.items()))


def _number_only(a: str, b: str) -> bool:
    """Two forms of one word that differ in number or tense ("offensive"/"offensives",
    "dismantle"/"dismantled"): a question of agreement, on which a trigram model mostly
    prefers the commoner form, not a slip for another word."""
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es", short + "ed") or (short.endswith("e") and long == short + "d")


@dataclass
class Candidate:
    word: Word
    token: str
    alt: str
    homophone: bool
    in_quote: bool
    features: dict[str, float]
    tokens: list[str] | None = None
    index: int = 0


def _judged(w: Word | None, tok: str, sentence_start: bool, confusables: dict) -> bool:
    if w is None or len(tok) < MIN_JUDGED_LEN or not tok.isalpha() or tok in confusables:
        return False
    # names: a capital letter anywhere but at the start of a sentence
    return w.text.islower() or (sentence_start and w.text[1:].islower())


# the range of each feature not known before a slot's alternatives are scored (Zipf 8 is
# above the commonest word's)
UNKNOWN_RANGES = {"own_left": (0.0, 1.0), "own_right": (0.0, 1.0), "alt_left": (0.0, 1.0), "alt_right": (0.0, 1.0),
                  "zipf_alt": (CANDIDATE_ZIPF, 8.0)}


def candidates(doc: Document, skip_scopes: frozenset[str] = frozenset(),
               house: frozenset[str] = frozenset(), tagger_model: tagger.Tagger | None = None,
               least: float = 0.0) -> Iterator[Candidate]:
    """Every judged word whose best alternative makes its sentence more probable, with the
    features of that pair (and the tagger's, given one); also used by the training script.
    With `least` (a score, 0-1, and no tagger), only the candidates whose score can reach it:
    a slot's alternatives are scanned for a gain that, with the features known before the
    scan and the most favourable value of the others, makes that score (``SCORE.least``).
    The best alternative is the same; a slot whose best gain falls short yields nothing."""
    lex = lexicon()
    # the least gain worth a scan: need0 + need_zipf * zipf_own + need_repeats * repeats
    need0, slope = (SCORE.least("gain", least, ("zipf_own", "repeats"), UNKNOWN_RANGES)
                    if least > 0 and tagger_model is None else (-math.inf, {}))
    need_zipf, need_repeats = slope.get("zipf_own", 0.0), slope.get("repeats", 0.0)
    sentences = doc.sentences if tagger_model is not None else []
    starts = [s.start for s in sentences]
    confusables = confusion_sets()
    counts: dict[str, int] = {}
    for w in doc.words:
        counts[w.norm] = counts.get(w.norm, 0) + 1
    for st in sentence_tokens(doc, skip_scopes):
        toks = st.tokens
        for i in range(1, len(toks) - 1):
            w, tok = st.words[i], toks[i]
            if not _judged(w, tok, toks[i - 1] == "<s>", confusables) or tok in house:
                continue
            z_own = lex.zipf(tok)
            if z_own > MAX_JUDGED_ZIPF or not ngram.in_vocab(tok):
                continue
            alts = alternatives(tok)
            if not alts:
                continue
            window = ngram.window_scorer(toks, i)
            own = window(tok)
            need = max(MIN_GAIN, need0 + need_zipf * z_own + need_repeats * min(counts.get(tok, 1), 3) - 1e-9)
            best, best_gain, homophone = "", need, False
            for alt, is_homophone in alts:
                gain = window(alt, own + best_gain) - own
                if gain > best_gain:
                    best, best_gain, homophone = alt, gain, is_homophone
            if not best:
                continue
            prev, nxt = toks[i - 1], toks[i + 1]
            feats = {
                "gain": best_gain,
                "own_left": float(ngram.has_bigram(prev, tok)),
                "own_right": float(ngram.has_bigram(tok, nxt)),
                "alt_left": float(ngram.has_bigram(prev, best)),
                "alt_right": float(ngram.has_bigram(best, nxt)),
                "zipf_own": z_own,
                "zipf_alt": lex.zipf(best),
                "repeats": float(min(counts.get(tok, 1), 3)),
            }
            if tagger_model is not None:
                sent = sentences[max(bisect_right(starts, w.start) - 1, 0)]
                feats.update(tagger.log_features(tagger_model.word_tags(
                    doc.prose[sent.start:sent.end], w.start - sent.start, w.end - sent.start,
                    match_case(w.text, best))))
            yield Candidate(w, tok, best, homophone, doc.in_quote(w.start, w.end), feats, toks, i)


def semantic_fit(c: Candidate) -> float | None:
    """How much closer (cosine, word vectors) the suggestion is than the word written to the
    sentence's content words: the mean of each one's two closest. None when a word has no
    vector (issue 25 item 3: the semantic fit from the vectors newslint ships)."""
    from newslint.rules.lang import vectors

    vec = vectors.load()
    if c.tokens is None or c.alt not in vec or c.token not in vec:
        return None
    context = [t for t in set(c.tokens) if len(t) > 2 and t.isalpha() and t not in FUNCTION_WORDS
               and t != c.token and t in vec]
    if not context:
        return None

    def fit(word: str) -> float:
        return sum(sorted((vec.similarity(word, t) for t in context), reverse=True)[:2]) / min(2, len(context))

    return fit(c.alt) - fit(c.token)


@dataclass(frozen=True)
class RealWordOptions:
    # score (0-1) from which a finding is a warning; below it, down to `info`, a note;
    # -1 takes the measured thresholds from rules/data/real_word.toml
    warning: float = -1.0
    info: float = -1.0
    # optional: a local masked language model directory (pip install newslint[transformers]),
    # which then judges the same candidates
    # (only from the user's configuration: see newslint.trust)
    masked_model: str = user_only("", "loads model weights, which can run code")
    # with a masked model: how much more probable (natural log) the alternative must be
    masked_margin: float = 3.0
    # the optional error tagger (pip install newslint[tagger]): on when installed; false turns it off
    tagger: bool = True


class RealWord(Rule):
    """What it does: finds a correctly spelled word that is probably not the word meant:
    a slip one letter away from another word ("form" for "from", "trial" for "trail",
    "causal" for "casual") or a homophone ("in a manor that"), and suggests the word that
    fits. For each word it considers the frequent words one edit away and the words that
    sound the same, finds the one that makes the sentence most probable under a trigram
    model of general English, and weighs that gain against how common each word is,
    whether general English has each word's pairs with its neighbours, and whether the
    story uses the word again.

    Why: a spell checker sees nothing wrong here; a copy desk catches these every day.

    Example: "She lives in a manor that suits her" -> "manner".

    Severity: the level measured for the finding's score band on judged real copy
    (``rules/data/word_choice_bands.toml``: today info in every band, since no band was right
    80% of the time); inside direct quotes, and when the suggested word is a function word
    ("and", "for": they fit almost anywhere), at most info.

    Leaves alone: names (capitalised words mid-sentence, and at the start of a sentence when
    the story capitalises them elsewhere), numbers, words of the confusion sets
    (confused-word judges those), a word the story uses again and again while never using
    the suggested one (its own vocabulary), headlines, tables and lists, and words in the
    newsroom dictionary (``newslint learn``).

    Options: ``warning`` and ``info``: the score (0-1) from which a word is reported at that
    level (-1 takes the measured score bands); ``masked-model``: a masked language model you have
    downloaded (a directory; ``pip install newslint[transformers]``; never downloaded by
    newslint), which then judges the same candidates, reporting when the alternative is at
    least ``masked-margin`` (natural log, default 3) more probable in the slot; ``tagger``:
    with the optional neural error tagger installed (``pip install newslint[tagger]``; on
    when installed), its judgement of each candidate word is three more features of the score,
    which then has its own fitted weights and bands; ``tagger = false`` turns it off.
    """

    id = "word-choice/real-word"
    category = Category.WORD_CHOICE
    # the level of each finding is its score band's (rules/data/word_choice_bands.toml)
    default_severity = Severity.INFO
    summary = "A real word that is probably a slip for another ('in a manor that'); its level is its score band's."
    Options = RealWordOptions
    skip_scopes = frozenset({"headline", "table", "list", "caption"})

    def _check_masked(self, doc: Document, mlm) -> Iterable[Diagnostic]:
        sentences = doc.sentences
        starts = [s.start for s in sentences]
        for c in candidates(doc, self.skip_scopes, self.settings.dictionary_lower):
            sent = sentences[max(bisect_right(starts, c.word.start) - 1, 0)]
            scores = mlm.word_scores(doc.prose[sent.start:sent.end], c.word.start - sent.start,
                                     c.word.end - sent.start, [c.token, c.alt])
            if not scores or c.alt not in scores or c.token not in scores:
                continue
            margin = scores[c.alt] - scores[c.token]
            if margin < self.options.masked_margin:
                continue
            severity = Severity.INFO if c.in_quote or c.alt in FUNCTION_WORDS else self.default_severity
            sugg = match_case(c.word.text, c.alt)
            times = math.exp(min(margin, 50.0))
            yield self.report(doc, c.word.start, c.word.end,
                              f"'{c.word.text}' may be a slip for '{sugg}': the masked language model finds "
                              f"'{sugg}' about {times:,.0f} times more probable here", [sugg], severity=severity)

    def error_tagger(self) -> tagger.Tagger | None:
        """The error tagger, when installed and not turned off (``tagger = false``)."""
        return tagger.load_for(self)

    def scored(self, doc: Document, tagger_model: tagger.Tagger | None | bool = True, least: float = 0.0
               ) -> Iterator[tuple[Candidate, float]]:
        """Every candidate with its score (0-1); also used by benchmarks/wordchoice_bands.py.
        `tagger_model`: True, the rule's own choice (``tagger``); else that tagger or None.
        `least`: the caller keeps no lower score (``candidates``)."""
        if tagger_model is True:
            tagger_model = self.error_tagger()
        score = TAGGER_SCORE if tagger_model else SCORE
        for message in score.stale():
            self.notice(f"{self.id}: {message}")
        story = kinds.Story(doc)
        for c in candidates(doc, self.skip_scopes, self.settings.dictionary_lower, tagger_model or None, least):
            if self._false_alarm_kind(story, c):
                continue
            yield c, score.score(c.features)

    @staticmethod
    def _false_alarm_kind(story: kinds.Story, c: Candidate) -> str:
        """The kind of false alarm this candidate is (see ``kinds``), or ""."""
        on = kinds.ENABLED
        if "name" in on and story.name(c.word):
            return "name"
        if "dotted" in on and story.dotted(c.word):
            return "dotted"
        if "domain" in on and story.domain_word(c.token, c.alt):
            return "domain"
        if "variant" in on and kinds.spelling_variant(c.token, c.alt):
            return "variant"
        # (not the fixed-phrase kind: on the judged real copy it removed no false alarm of
        # this rule, whose features already weigh the written word's bigrams, and it cost
        # two injected slips of dev-rw)
        return ""

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        mlm = masked_lm.load_for(self)
        if mlm is not None:
            yield from self._check_masked(doc, mlm)
            return
        tagger_model = self.error_tagger()
        # with the tagger, the score is its fit's, and its bands are that score's
        key = TAGGER_BANDS if tagger_model else self.id
        needs_fit = min((b.start for b in bands.bands(key) if b.semantic is not None and b.level is not None),
                        default=2.0)
        for c, p in self.scored(doc, tagger_model, bands.lowest(self, key)):
            fit = semantic_fit(c) if needs_fit <= p < bands.floor_without_semantic(key) else None
            severity = bands.severity(self, p, fit, key)
            if severity is None:
                continue
            # a function word fits almost any slot, so the model's liking for one is weak
            # evidence: such a suggestion is a note, never a warning; so is a word in a quote
            if c.in_quote or c.alt in FUNCTION_WORDS:
                severity = bands.at_most(severity, Severity.INFO)
            sugg = match_case(c.word.text, c.alt)
            how = "sounds like" if c.homophone else "is one letter from"
            yield self.report(doc, c.word.start, c.word.end,
                              f"'{c.word.text}' may be a slip for '{sugg}': it {how} '{sugg}', which fits "
                              "this sentence far better", [sugg], severity=severity)
