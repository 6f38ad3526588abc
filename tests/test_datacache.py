"""The data cache: word tables built once per install and mapped from disk (linter/datacache.py)."""
from __future__ import annotations

import os

import pytest

from newslint import datacache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(directory))
    return directory


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("alpha 1\nbeta 2\ngamma 700\n", encoding="utf-8")
    return path


def _builder(path, calls):
    def build():
        calls.append(1)
        return {w: int(n) for w, n in (line.split() for line in path.read_text(encoding="utf-8").splitlines())}
    return build


def test_a_table_is_built_once_then_mapped_from_the_cache(cache, source):
    calls: list[int] = []
    first = datacache.word_table("test-words", [source], _builder(source, calls))
    second = datacache.word_table("test-words", [source], _builder(source, calls))
    assert calls == [1]
    for table in (first, second):
        assert table.get("gamma") == 700 and table.get("beta") == 2 and table.get("delta") is None
        assert "alpha" in table and "alp" not in table and len(table) == 3
        assert dict(table.items()) == {"alpha": 1, "beta": 2, "gamma": 700}
    assert second._trie is not None  # mapped, not a dict
    assert sorted(p.suffix for p in cache.iterdir() if p.name != "sources.json") == [".trie", ".u16"]


def test_an_edited_source_builds_again_and_keeps_the_old_entry_until_unused(cache, source):
    calls: list[int] = []
    datacache.word_table("test-words", [source], _builder(source, calls))
    source.write_text("alpha 1\nbeta 3\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # another modification time, whatever the clock says
    table = datacache.word_table("test-words", [source], _builder(source, calls))
    assert calls == [1, 1]
    assert table.get("beta") == 3 and table.get("gamma") is None
    assert len(list(cache.glob("test-words-*.trie"))) == 2  # another install may still use the first


def test_the_key_is_the_content_not_the_path_or_time_of_a_source(cache, source, tmp_path):
    calls: list[int] = []
    datacache.word_table("test-words", [source], _builder(source, calls))
    other = tmp_path / "another-install" / "words.txt"
    other.parent.mkdir()
    other.write_bytes(source.read_bytes())
    os.utime(other, ns=(1, 1))
    assert datacache.word_table("test-words", [other], _builder(other, calls)).get("gamma") == 700
    assert calls == [1]


def test_a_damaged_entry_is_a_miss_and_is_rebuilt(cache, source):
    calls: list[int] = []
    datacache.word_table("test-words", [source], _builder(source, calls))
    (trie,) = cache.glob("*.trie")
    trie.write_bytes(b"not a trie")
    table = datacache.word_table("test-words", [source], _builder(source, calls))
    assert calls == [1, 1] and table.get("gamma") == 700
    (values,) = cache.glob("*.u16")
    values.write_bytes(b"\0\0")  # fewer values than keys
    table = datacache.word_table("test-words", [source], _builder(source, calls))
    assert calls == [1, 1, 1] and table.get("gamma") == 700


def test_a_directory_that_cannot_be_written_means_a_table_in_memory(tmp_path, monkeypatch, source):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(blocker / "cache"))  # below a file: mkdir fails
    calls: list[int] = []
    table = datacache.word_table("test-words", [source], _builder(source, calls))
    assert table.get("gamma") == 700 and table._dict is not None
    assert datacache.data("test-data", [source], lambda: {"a": (1, 2)}) == {"a": (1, 2)}


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, source):
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", "off")
    assert datacache.cache_dir() is None
    calls: list[int] = []
    datacache.word_table("test-words", [source], _builder(source, calls))
    datacache.word_table("test-words", [source], _builder(source, calls))
    assert calls == [1, 1]


def test_default_directory_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSLINT_DATA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert datacache.cache_dir() == tmp_path / "newslint"


def test_values_and_buffers_round_trip(cache, source):
    calls: list[int] = []

    def build_value():
        calls.append(1)
        return {("a", 3): "abc\nabd", "n": [1, 2.5, frozenset({"x"})]}

    assert datacache.data("test-data", [source], build_value) == datacache.data("test-data", [source], build_value)
    assert calls == [1]
    rows = bytes(range(256)) * 3
    first = datacache.buffer("test-buffer", [source], lambda: rows)
    second = datacache.buffer("test-buffer", [source], lambda: pytest.fail("built twice"))
    assert first == rows and second == rows and second.readonly


def test_the_lexicon_from_the_cache_is_the_lexicon_built_in_memory(tmp_path, monkeypatch):
    """The mapped tables answer exactly as the dicts they were compiled from."""
    from newslint.rules.lang.lexicon import Lexicon

    monkeypatch.setenv("NEWSLINT_DATA_CACHE", "0")
    direct = Lexicon()
    monkeypatch.setenv("NEWSLINT_DATA_CACHE", str(tmp_path / "c"))
    Lexicon()  # builds the entry
    mapped = Lexicon()
    assert mapped._table._trie is not None and direct._table._dict is not None
    words = [w for i, (w, _) in enumerate(direct._table.items()) if i % 1009 == 0]
    words += ["the", "recieve", "aggravating", "colour", "zzqx", "", "naïve"]
    for w in words:
        assert mapped.zipf(w) == direct.zipf(w) and mapped.in_curated(w) == direct.in_curated(w), w
    for w in ("aggravanding", "goverment", "teh", "recieve"):
        assert mapped.suggestions(w) == direct.suggestions(w)
        assert mapped.best_neighbour(w) == direct.best_neighbour(w)


def test_a_key_set_is_built_once_then_mapped_and_answers_prefixes(cache, source):
    calls: list[int] = []

    def build():
        calls.append(1)
        return ["ab\x01abc", "ab\x01abd", "b\x01bc"]

    first = datacache.keys("test-keys", [source], build)
    second = datacache.keys("test-keys", [source], build)
    assert calls == [1] and sorted(second.keys("ab\x01")) == ["ab\x01abc", "ab\x01abd"]
    assert first.keys("b\x01") == second.keys("b\x01") == ["b\x01bc"]
