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


def test_one_edit_and_the_edit_index_are_edits1_exactly():
    """Candidate generation without building strings (issue 27) finds exactly the words
    ``edits1`` would: every kind of edit, the letters it may add, a doubled letter swapped
    (the word itself), accented letters and words past the length limit."""
    import random

    import marisa_trie

    from newslint.api import limits
    from newslint.rules.lang.lexicon import EditIndex, edit_index_keys, edits1, one_edit

    rng = random.Random(27)
    letters = "abcde'-é"
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) for _ in range(2500)})
    words += ["a" * (limits.MAX_SUGGEST_LETTERS + 1), "a" * limits.MAX_SUGGEST_LETTERS]
    for w in words[:400]:
        made = edits1(w)
        for c in [*words, *made]:
            assert (c in made) == one_edit(w, c), (w, c)
    vocab = set(words[::2])
    index = EditIndex(marisa_trie.Trie(edit_index_keys(vocab)))
    for w in words:
        assert sorted(index.neighbours(w)) == sorted(c for c in edits1(w) if c in vocab), w
