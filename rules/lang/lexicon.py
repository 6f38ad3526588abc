"""The English lexicon behind the spelling rules: compiled on the first run into the data
cache (``newslint.datacache``), then mapped from disk.

Two sources, both shipped by packages (no network):
- pyspellchecker's English word list (``D``): curated, free of common misspellings, but
  American and missing much recent vocabulary (``app``, ``smartphone``);
- wordfreq's English frequencies (``zipf``): broad and current, but it also counts common
  misspellings (``recieve`` has a Zipf frequency of 2.75).

A word counts as known when the curated list has it, or when wordfreq finds it common
*and* it is not a near miss of a far more frequent word (a noisy-channel view: a rare
string one edit away from a very common word is more likely a slip of that word).
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from newslint.api import Resource, datacache, limits

LETTERS = "abcdefghijklmnopqrstuvwxyz'-"


def edits1(word: str) -> set[str]:
    """Every string one edit from `word`; none for a word longer than ``MAX_SUGGEST_LETTERS``
    (the set holds about 55 strings per letter, each as long as the word: a 6,000-letter
    "word" made 2.3 GB of them)."""
    if len(word) > limits.MAX_SUGGEST_LETTERS:
        return set()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def one_edit(word: str, cand: str) -> bool:
    """``cand in edits1(word)``, decided without building the set: `cand` is `word` with one
    letter dropped, one of ``LETTERS`` added or put in place of another, or two neighbouring
    letters swapped (swapping a doubled letter gives the word itself)."""
    if len(word) > limits.MAX_SUGGEST_LETTERS:
        return False
    n, m = len(word), len(cand)
    if m == n - 1:
        i = 0
        while i < m and word[i] == cand[i]:
            i += 1
        return word[i + 1:] == cand[i:]
    if m == n + 1:
        i = 0
        while i < n and word[i] == cand[i]:
            i += 1
        # the added letter may be any of a run of equal letters: each is in LETTERS or none is
        return cand[i] in LETTERS and cand[i + 1:] == word[i:]
    if m != n:
        return False
    i = 0
    while i < n and word[i] == cand[i]:
        i += 1
    if i == n:
        return any(word[j] == word[j + 1] for j in range(n - 1))
    if word[i + 1:] == cand[i + 1:]:
        return cand[i] in LETTERS
    return (i + 1 < n and word[i] == cand[i + 1] and word[i + 1] == cand[i]
            and word[i + 2:] == cand[i + 2:])


_SEP = "\x01"  # between a key of the edit index and a word (never inside a word)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def edit_index_keys(words: Iterable[str]) -> Iterator[str]:
    """The entries of an ``EditIndex`` of `words`: each word under itself and under each of
    its one-letter deletions (``key + _SEP + word``)."""
    for w in words:
        if _SEP in w:
            continue
        yield w + _SEP + w
        for d in _deletes(w):
            yield d + _SEP + w


class EditIndex:
    """The words of a fixed set one edit from any word, found without building the edits
    (a delete index, as in SymSpell): every word of the set is filed under itself and its
    one-letter deletions, so a word's neighbours are filed under the word or one of its
    deletions; ``one_edit`` then keeps exactly those ``edits1`` would have made. About 10
    lookups in a trie instead of 55 strings per letter, each looked up.

    `keys` is a ``marisa_trie.Trie`` of ``edit_index_keys`` (``datacache.keys`` maps it from
    the data cache)."""

    def __init__(self, keys) -> None:
        self._keys = keys.keys

    def neighbours(self, word: str) -> list[str]:
        """The words of the set in ``edits1(word)``, in no particular order."""
        if len(word) > limits.MAX_SUGGEST_LETTERS:
            return []
        found: set[str] = set()
        lookup = self._keys
        for key in (word, *_deletes(word)):
            n = len(key) + 1
            for entry in lookup(key + _SEP):
                found.add(entry[n:])
        return [c for c in found if one_edit(word, c)]


def damerau(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance, giving up (returning limit+1) past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def _package_file(package: str, *parts: str) -> Path:
    """A data file a package ships, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a required dependency
        raise ImportError(f"{package} is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def wordfreq_file(lang: str = "en") -> Path:
    return _package_file("wordfreq", "data", f"large_{lang}.msgpack.gz")


def _spellchecker_file(lang: str = "en") -> Path:
    return _package_file("spellchecker", "resources", f"{lang}.json.gz")


def wordfreq_buckets(lang: str = "en") -> list[list[str]]:
    """wordfreq's "best" (large) word list as one list of words per centibel below Zipf 9,
    read from the file wordfreq ships (its documented cBpack format: gzipped msgpack, a
    header, then the lists; Zipf = 9 - index / 100) without importing wordfreq, whose import
    costs half a second (langcodes compiles its tables). ``tests/rules/test_spelling.py``
    checks the numbers against ``wordfreq.zipf_frequency``."""
    import msgpack

    path = wordfreq_file(lang)
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
    return data[1:]


def _zipf_of(cb: int) -> float:
    return 9.0 - cb / 100


# A lexicon entry: wordfreq's centibel index (NO_ZIPF when wordfreq lacks the word) shifted
# left by one, and the low bit set when the curated list has the word.
NO_ZIPF = 1023


def _build_table() -> dict[str, int]:
    import json

    table: dict[str, int] = {}
    for index, bucket in enumerate(wordfreq_buckets("en")):
        if index >= NO_ZIPF:
            raise ValueError("wordfreq list longer than the lexicon's encoding")
        table.update(dict.fromkeys(bucket, index << 1))
    # pyspellchecker's own reading of its list: the whole text lower-cased, then parsed
    curated = json.loads(gzip.decompress(_spellchecker_file("en").read_bytes()).decode("utf-8").lower())
    for word in curated:
        table[word] = table.get(word, NO_ZIPF << 1) | 1
    return table


def _build_buckets() -> dict[tuple[str, int], str]:
    """Curated words of Zipf 2.0 or more by (first letter, length), each bucket one string."""
    idx: dict[tuple[str, int], list[str]] = {}
    for w, v in lexicon()._table.items():
        if v & 1 and v >> 1 != NO_ZIPF and _zipf_of(v >> 1) >= 2.0 and len(w) >= 3 and w.isalpha():
            idx.setdefault((w[0], len(w)), []).append(w)
    return {k: "\n".join(sorted(v)) for k, v in idx.items()}


class Lexicon:
    def __init__(self) -> None:
        # what every table derived from the lexicon is built from (its data cache key)
        self.sources = (wordfreq_file("en"), _spellchecker_file("en"), Path(__file__))
        self._table = datacache.word_table("lexicon", self.sources, _build_table)

    def zipf(self, word: str) -> float:
        v = self._table.get(word)
        return 0.0 if v is None or v >> 1 == NO_ZIPF else _zipf_of(v >> 1)

    def zipf_items(self):
        """(word, Zipf frequency) for every word wordfreq knows."""
        return ((w, _zipf_of(v >> 1)) for w, v in self._table.items() if v >> 1 != NO_ZIPF)

    def in_curated(self, word: str) -> bool:
        v = self._table.get(word)
        return v is not None and bool(v & 1)

    @lru_cache(maxsize=200_000)
    def best_neighbour(self, word: str, inflections: bool = False, same_first: bool = False) -> tuple[str, float]:
        """The most frequent curated word one edit away. Unless `inflections`, a neighbour
        that only adds or drops an ending ('olds'/'old') does not count; with `same_first`,
        only neighbours that keep the first letter count."""
        best, best_z = "", 0.0
        get = self._table.get
        for cand in edits1(word):
            v = get(cand)
            if v is None or not v & 1 or len(cand) < 2 or (not inflections and _inflection(word, cand)):
                continue
            if same_first and cand[0] != word[0]:
                continue
            z = 0.0 if v >> 1 == NO_ZIPF else _zipf_of(v >> 1)
            if z > best_z:
                best, best_z = cand, z
        return best, best_z

    def _bucket(self, key: tuple[str, int]) -> list[str]:
        """The curated words of one (first letter, length), Zipf 2.0 or more."""
        text = buckets().get(key, "")
        return text.split("\n") if text else []

    @lru_cache(maxsize=50_000)
    def suggestions(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """Curated words close to `word`, nearest and most frequent first. Bounded work:
        all single edits, then a scan of same-initial words of similar length for distance 2."""
        w = word.lower()
        if len(w) > limits.MAX_SUGGEST_LETTERS:
            return ()
        scored: dict[str, float] = {}
        for cand in edits1(w):
            if len(cand) > 1 and self.in_curated(cand):
                scored[cand] = 10.0 - self.zipf(cand)  # distance 1
        if len(scored) < limit and len(w) >= 4:
            letters = frozenset(w)
            for n in range(len(w) - 2, len(w) + 3):
                for cand in self._bucket((w[0], n)):
                    # each distinct letter one word lacks costs at least one edit: a cheap
                    # lower bound that spares most distance computations
                    cand_letters = frozenset(cand)
                    if len(letters - cand_letters) > 2 or len(cand_letters - letters) > 2 or cand in scored:
                        continue
                    if damerau(w, cand, 2) <= 2:
                        scored[cand] = 20.0 - self.zipf(cand)
        ranked = sorted(scored, key=lambda c: (scored[c], c))
        return tuple(ranked[:limit])


def _inflection(word: str, cand: str) -> bool:
    """`cand` is `word` with or without a plural/verb ending: 'olds'/'old', 'apps'/'app'."""
    long, short = (word, cand) if len(word) > len(cand) else (cand, word)
    return long.startswith(short) and long[len(short):] in ("s", "d", "r", "y")


lexicon = Resource("lexicon", Lexicon)
# curated words by (first letter, length), for suggestions at distance 2
buckets = Resource("lexicon-buckets", lambda: datacache.data("lexicon-buckets", lexicon().sources, _build_buckets))
