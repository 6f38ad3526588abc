"""rules/lang/syllables: pyphen's patterns from the data cache hyphenate as pyphen itself does."""
from __future__ import annotations


def test_cached_pyphen_patterns_hyphenate_as_pyphen(tmp_path, monkeypatch):
    import pyphen

    from newslint.rules.lang import syllables

    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path))
    own = pyphen.Pyphen(lang="en_US", cache=False)  # parses the pattern file itself
    for _ in range(2):  # built, then read from the cache
        monkeypatch.setattr(pyphen, "hdcache", {})
        syllables._pyphen.reset()
        cached = syllables._pyphen()
        assert cached.hd.patterns == own.hd.patterns and cached.hd.maxlen == own.hd.maxlen
        for w in ("hyphenation", "newsroom", "zelenskyy", "antidisestablishmentarianism", "a", "ouagadougou"):
            assert cached.positions(w) == own.positions(w), w
    assert list(tmp_path.glob("pyphen-en-us-*"))
