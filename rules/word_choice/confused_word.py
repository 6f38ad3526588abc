"""word-choice/confused-word: a commonly confused word that does not fit its context,
decided by a trigram language model (see ``rules/lang/ngram.py``), never by a list of known bad phrases.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from newslint.api import Category, Diagnostic, Document, Rule, Severity, Word, match_case
from newslint.rules.lang import bands, ngram
from newslint.rules.lang.confusables import confusion_sets
from newslint.rules.lang.tokens import sentence_tokens
from newslint.rules.lang.word_classes import FUNCTION_WORDS, PREPOSITIONS, words
from . import kinds

# prepositions before a noun phrase, which a possessive can begin: not "to" (it also marks an
# infinitive), "for", "since" and "until" (they also open a clause), nor the particles up,
# down, off and out (mostly adverbs)
NP_PREPOSITIONS = PREPOSITIONS - words("to for since until up down off out")


@dataclass
class Found:
    word: Word
    token: str
    alt: str
    tokens: list[str]
    index: int


@dataclass(frozen=True)
class ConfusedOptions:
    # how much more probable (natural log) the other word must be in context
    margin: float = 2.5
    # the same when one of the two is a contraction and the other is not (we're/were,
    # its/it's): a correct contraction or possessive reads as ordinary copy to the model
    # only a little less often than the slip does, so the bar is higher
    apostrophe_margin: float = 4.5


class ConfusedWord(Rule):
    """What it does: for commonly confused words (their/there/they're, its/it's,
    then/than, affect/effect, lose/loose, ...), compares the word written with the other
    members of its set in the sentence's context, using a trigram language model of
    general English, and reports it when another member is far more probable there.

    Why: a spell checker cannot see these: every word is spelled right.

    Severity: the level measured for the finding's score band (how far the other word
    clears the margin) on judged real copy (``rules/data/word_choice_bands.toml``: info, and
    nothing in the lowest band, which was right 1 time in 23).

    Leaves alone: capitalised words mid-sentence, and at the start of a sentence when the
    story capitalises them elsewhere (names: "Hole Foods"); a word whose neighbours make a
    phrase of general English with it; a content word the story uses again and again while
    never using the other ("cite" in a story about citing); a contraction or its twin
    opening a clause after a comma, unless the clause alone favours the other word.

    Example: "the state of it's funding" -> "its".

    Options: ``margin``: how many natural-log units more probable the alternative must
    be (default 2.5, about 12 times); ``apostrophe-margin`` (default 4.5): the same when
    one word is a contraction and the other is not (we're/were, its/it's), since correct
    contractions and possessives ("the records we're adding", "access its important
    resources") score only a little worse than slips. Measured on the dev benchmark with
    both: 0.754 recall for 0.21 false alarms per 1,000 words on news copy and 0.759 for 0.15
    on Markdown posts (the margin alone gave 0.80 for 0.32); raise them for fewer findings.
    """

    id = "word-choice/confused-word"
    category = Category.WORD_CHOICE
    # the level of each finding is its score band's (rules/data/word_choice_bands.toml)
    default_severity = Severity.INFO
    summary = "A commonly confused word (their/there, its/it's, affect/effect) that does not fit its context."
    Options = ConfusedOptions
    skip_scopes = frozenset({"headline", "table"})

    def _margin(self, written: str, alt: str, prev: str) -> float:
        # after a preposition comes a noun phrase, which a possessive can begin and "it is",
        # "we are" almost never can ("the state of it's funding"): there the usual margin
        if ("'" in written) != ("'" in alt) and not ("'" in written and prev in NP_PREPOSITIONS):
            return self.options.apostrophe_margin
        return self.options.margin

    def scored(self, doc: Document) -> Iterator[tuple[Found, float]]:
        """Every word another member of its set fits better by at least the margin, with its
        score: how far (natural log) the best alternative clears that margin. Also used by
        benchmarks/wordchoice_bands.py."""
        sets = confusion_sets()
        story = kinds.Story(doc)
        on = kinds.ENABLED
        for st in sentence_tokens(doc, self.skip_scopes):
            toks = st.tokens
            for i, tok in enumerate(toks):
                alts = sets.get(tok)
                w = st.words[i]
                if not alts or w is None:
                    continue
                if w.text[0].isupper() and (i != 1 and toks[i - 1] != "<s>"):
                    continue  # a capitalised word mid-sentence is a name ("Lead", "Bare")
                if "name" in on and story.name(w):
                    continue  # so is one the story capitalises mid-sentence elsewhere
                if "dotted" in on and story.dotted(w):
                    continue  # part of a domain or file name
                if "idiom" in on and kinds.fixed_phrase(toks, i):
                    continue  # the words as written are a phrase of general English
                window = ngram.window_scorer(toks, i)
                own = window(tok)
                best, best_gain, excess = "", 0.0, 0.0
                for alt in alts:
                    if not ngram.in_vocab(alt):
                        continue
                    gain = window(alt) - own
                    margin = self._margin(tok, alt, toks[i - 1])
                    if gain >= margin and gain > best_gain:
                        best, best_gain, excess = alt, gain, gain - margin
                if not best:
                    continue
                if "domain" in on and tok not in FUNCTION_WORDS and story.domain_word(tok, best):
                    continue  # the story's own word, used again and again
                if "comma" in on and ("'" in tok) != ("'" in best) and story.after_comma(st.words, i):
                    # a contraction or its twin opening a clause after a comma: the words
                    # before the comma are no evidence; the clause alone must favour the other
                    clause = kinds.clause_start(toks, i)
                    gain = ngram.window_score(clause, 1, best) - ngram.window_score(clause, 1, tok)
                    excess = min(excess, gain - self._margin(tok, best, "<s>"))
                    if excess < 0:
                        continue
                yield Found(w, tok, best, toks, i), excess

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for f, score in self.scored(doc):
            severity = bands.level(self.id, score)
            if severity is None:
                continue
            sugg = match_case(f.word.text, f.alt)
            yield self.report(doc, f.word.start, f.word.end,
                              f"'{f.word.text}' may be confused with '{sugg}', which fits this context better",
                              [sugg], severity=severity)
