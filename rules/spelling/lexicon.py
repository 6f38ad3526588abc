"""The English lexicon behind the spelling rules, loaded once per process.

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
import threading
from functools import lru_cache
from pathlib import Path

_LOCK = threading.Lock()
_LEX: "Lexicon | None" = None

LETTERS = "abcdefghijklmnopqrstuvwxyz'-"


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


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


def wordfreq_zipf(lang: str = "en") -> dict[str, float]:
    """wordfreq's "best" (large) word list as word -> Zipf frequency, read from the file
    wordfreq ships (its documented cBpack format: gzipped msgpack, a header, then one list of
    words per centibel, Zipf = 9 - index / 100) without importing wordfreq, whose import
    costs half a second (langcodes compiles its tables). ``tests/rules/test_spelling.py``
    checks the numbers against ``wordfreq.zipf_frequency``."""
    import importlib.util

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a required dependency
        raise ImportError("wordfreq is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"large_{lang}.msgpack.gz"
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
    out: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        if bucket:
            out.update(dict.fromkeys(bucket, 9.0 - index / 100))
    return out


class Lexicon:
    def __init__(self) -> None:
        from spellchecker import SpellChecker

        self.curated: dict[str, int] = SpellChecker(language="en", distance=1).word_frequency.dictionary
        self._zipf: dict[str, float] = wordfreq_zipf("en")
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self._bucket_sets: dict[tuple[str, int], list[tuple[str, frozenset[str]]]] = {}

    def zipf(self, word: str) -> float:
        return self._zipf.get(word, 0.0)

    def zipf_items(self):
        """(word, Zipf frequency) for every word wordfreq knows."""
        return self._zipf.items()

    def in_curated(self, word: str) -> bool:
        return word in self.curated

    @lru_cache(maxsize=200_000)
    def best_neighbour(self, word: str, inflections: bool = False, same_first: bool = False) -> tuple[str, float]:
        """The most frequent curated word one edit away. Unless `inflections`, a neighbour
        that only adds or drops an ending ('olds'/'old') does not count; with `same_first`,
        only neighbours that keep the first letter count."""
        best, best_z = "", 0.0
        for cand in edits1(word):
            if cand not in self.curated or len(cand) < 2 or (not inflections and _inflection(word, cand)):
                continue
            if same_first and cand[0] != word[0]:
                continue
            z = self.zipf(cand)
            if z > best_z:
                best, best_z = cand, z
        return best, best_z

    def _bucket_index(self) -> dict[tuple[str, int], list[str]]:
        """Curated words of Zipf 2.0 or more by (first letter, length)."""
        if self._buckets is None:
            idx: dict[tuple[str, int], list[str]] = {}
            zipf = self._zipf
            for w in self.curated:
                if zipf.get(w, 0.0) < 2.0 or len(w) < 3 or not w.isalpha():
                    continue
                idx.setdefault((w[0], len(w)), []).append(w)
            self._buckets = idx
        return self._buckets

    def _bucket(self, key: tuple[str, int]) -> list[tuple[str, frozenset[str]]]:
        """One bucket's words with their letter sets, built on first use."""
        got = self._bucket_sets.get(key)
        if got is None:
            got = self._bucket_sets[key] = [(w, frozenset(w)) for w in self._bucket_index().get(key, ())]
        return got

    @lru_cache(maxsize=50_000)
    def suggestions(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """Curated words close to `word`, nearest and most frequent first. Bounded work:
        all single edits, then a scan of same-initial words of similar length for distance 2."""
        w = word.lower()
        scored: dict[str, float] = {}
        for cand in edits1(w):
            if cand in self.curated and len(cand) > 1:
                scored[cand] = 10.0 - self.zipf(cand)  # distance 1
        if len(scored) < limit and len(w) >= 4:
            letters = frozenset(w)
            for n in range(len(w) - 2, len(w) + 3):
                for cand, cand_letters in self._bucket((w[0], n)):
                    # each distinct letter one word lacks costs at least one edit: a cheap
                    # lower bound that spares most distance computations
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


def lexicon() -> Lexicon:
    global _LEX
    if _LEX is None:
        with _LOCK:
            if _LEX is None:
                _LEX = Lexicon()
    return _LEX
