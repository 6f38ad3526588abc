"""rules/lang/lexicon: the English lexicon behind the spelling rules."""
from __future__ import annotations

from newslint.rules.lang.lexicon import lexicon


def test_lexicon_frequencies_are_wordfreqs():
    """The lexicon reads wordfreq's shipped list directly (see lexicon.wordfreq_buckets); its
    numbers must be wordfreq's own."""
    import wordfreq

    lex = lexicon()
    table = dict(lex.zipf_items())
    sample = sorted(table)[::997] + ["the", "recieve", "government", "nonexistentwordxyz"]
    for w in sample:
        assert abs(lex.zipf(w) - wordfreq.zipf_frequency(w, "en", minimum=0.0)) < 0.006, w


def test_curated_words_and_suggestions():
    lex = lexicon()
    assert lex.in_curated("government") and not lex.in_curated("goverment")
    assert lex.suggestions("goverment")[0] == "government"
