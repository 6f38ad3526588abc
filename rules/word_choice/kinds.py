"""Kinds of false alarm the statistical word-choice rules share, each decided from the
story and the language model, never from a list of words.

Judged on real published copy (benchmarks/judged), the rules' false alarms were mostly of
these kinds:

* a fixed phrase: the words as written, with both neighbours, are a phrase of general
  English (the trigram model holds it), so the context does not favour another word;
* the story's own vocabulary: the word recurs in the story and the word suggested never
  appears in it (a docs page about a site's "role" setting, legal copy that cites);
* a contraction opening a clause after a comma ("..., we're adding"): the model reads the
  words before the comma as its context, where the clause in fact starts afresh;
* a spelling variant: the word and the one suggested are one word in two dialects or
  two accepted spellings ("focussed"/"focused", "favourite"/"favorite");
* part of a dotted name: a domain or file name written as words ("gov.au", "github.io");
* a name: a capitalised word at the start of a sentence that the story also capitalises
  mid-sentence.
"""
from __future__ import annotations

import re
from collections import Counter

from newslint.api import Document, Word
from newslint.rules.lang import ngram
from newslint.rules.lang.dialects import american_of, british_of

_VOWEL_GROUPS = re.compile("[aeiouy]+")
# a word used this many times in one story is part of its vocabulary (a slip rarely repeats)
DOMAIN_REPEATS = 3


class Story:
    """What the kinds need to know about one story, computed once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.counts: Counter[str] = Counter(w.norm for w in doc.words)
        self.names = self._capitalised_mid_sentence(doc)

    @staticmethod
    def _capitalised_mid_sentence(doc: Document) -> frozenset[str]:
        firsts = set()
        words = doc.words
        wi = 0
        for sent in doc.sentences:
            while wi < len(words) and words[wi].start < sent.start:
                wi += 1
            if wi < len(words):
                firsts.add(wi)
        return frozenset(w.norm for i, w in enumerate(words)
                         if i not in firsts and w.text[:1].isupper() and w.text[1:].islower())

    def domain_word(self, token: str, alt: str) -> bool:
        """The story uses `token` again and again and never `alt`: its own vocabulary."""
        return self.counts[token] >= DOMAIN_REPEATS and self.counts[alt] == 0

    def name(self, word: Word) -> bool:
        """A capitalised word the story also capitalises mid-sentence: a name or a term.
        (Not: one that another capitalised word follows, "Gill Walton said": measured, that
        also drops natural slips before a proper noun, "Mane Americans did", as many as it
        saves false alarms.)"""
        return word.text[:1].isupper() and word.norm in self.names

    def dotted(self, word: Word) -> bool:
        """The word is joined by a full stop to a letter or digit on either side: part of
        a domain, file or module name ("gov.au", "aphavet.co.uk"), not prose."""
        text, s, e = self.doc.prose, word.start, word.end
        return (s >= 2 and text[s - 1] == "." and text[s - 2].isalnum()) or \
            (e + 1 < len(text) and text[e] == "." and text[e + 1].isalnum())

    def after_comma(self, words: list[Word | None], i: int) -> bool:
        """The word at token position i follows a comma: it may open a clause."""
        prev, w = words[i - 1], words[i]
        return prev is not None and w is not None and "," in self.doc.prose[prev.end:w.start]


def fixed_phrase(tokens: list[str], i: int) -> bool:
    """General English has the word at position i with both its neighbours as a phrase."""
    return 0 < i < len(tokens) - 1 and ngram.has_trigram(tokens[i - 1], tokens[i], tokens[i + 1])


def spelling_variant(a: str, b: str) -> bool:
    """`a` and `b` are one word spelled two ways: British and American forms (the dialect
    pairs of ``rules/lang/dialects.py``), or the final consonant of a word of two or more
    syllables doubled before an ending in one of them only ("focussed"/"focused",
    "travelling"/"traveling"; not "planned"/"planed", "hopping"/"hoping")."""
    if b in (american_of(a), british_of(a)) or a in (american_of(b), british_of(b)):
        return True
    short, long = sorted((a, b), key=len)
    for ending in ("ed", "ing", "er"):
        stem = short[:-len(ending)]
        if (short.endswith(ending) and stem[-1:].isalpha() and stem[-1] not in "aeiouy"
                and long == stem + stem[-1] + ending and len(_VOWEL_GROUPS.findall(stem)) >= 2):
            return True
    return False


def clause_start(tokens: list[str], i: int) -> list[str]:
    """The tokens with the context before position i replaced by a sentence start."""
    return ["<s>", *tokens[i:]]


# the kinds in force (benchmarks/wordchoice_bands.py measures each by turning it off)
ENABLED = {"idiom", "domain", "comma", "name", "variant", "dotted"}
