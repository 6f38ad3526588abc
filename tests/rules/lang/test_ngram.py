"""rules/lang/ngram: the trigram model of general English that pocketsphinx ships."""
from __future__ import annotations

from newslint.rules.lang import ngram


def test_bigram_presence_is_read_exactly_from_the_language_model():
    assert ngram.has_bigram("strong", "winds") and ngram.has_bigram("budget", "deficit")
    assert not ngram.has_bigram("pajama", "winds") and not ngram.has_bigram("tulip", "deficit")


def test_a_word_the_model_lacks_is_out_of_vocabulary():
    assert ngram.in_vocab("council") and not ngram.in_vocab("zzqxjvw")
