"""Static word vectors for topic fit: 40,000 frequent English words, 80 dimensions, int8.

Built by ``scripts/build_word_vectors.py`` from the sentence-embedding model
all-MiniLM-L6-v2 (Apache-2.0; see ``rules/data/SOURCES.md``). The matrix loads in a few
milliseconds; the matrix (memory-mapped) and the word -> row index are compiled once into
the data cache.
"""
from __future__ import annotations

from importlib import resources

import numpy as np

from newslint.api import Resource, datacache


def _file():
    return resources.files("newslint.rules").joinpath("data/word_vectors.npz")


def _words() -> list[str]:
    """The words, row by row (the file's order: most frequent first)."""
    with _file().open("rb") as fh:
        return str(np.load(fh)["words"]).split("\n")


def _build_matrix() -> np.ndarray:
    with _file().open("rb") as fh:
        return np.load(fh)["vectors"]


def _build_index() -> dict[str, int]:
    return {w: i for i, w in enumerate(_words())}


def words_by_frequency(limit: int) -> list[str]:
    return datacache.data(f"word-vectors-top{limit}", [str(_file())], lambda: _words()[:limit])


class Vectors:
    """Unit vectors kept as int8 rows and one float scale per row (3.4 MB, not 13 MB; mapped
    from the data cache, so a story reads only the rows of its own words)."""

    def __init__(self, index, matrix: np.ndarray) -> None:
        self.index = index  # word -> row (a dict, or a datacache.WordTable)
        self._q = matrix if matrix.dtype == np.int8 else matrix.astype(np.int8)

    def __len__(self) -> int:
        return len(self._q)

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def _unit(self, rows) -> np.ndarray:
        """Rows scaled to unit length, in float32. Squared norms are summed exactly in int32
        (80 x 127^2 fits), so the numbers equal np.linalg.norm's on a float32 copy; only the
        rows asked for are read (the matrix is memory-mapped)."""
        q = np.asarray(self._q[rows])
        squares = np.einsum("...j,...j->...", q, q, dtype=np.int32)
        inv = (1.0 / np.maximum(np.sqrt(squares.astype(np.float32)), np.float32(1e-9))).astype(np.float32)
        return q.astype(np.float32) * (inv[..., None] if q.ndim == 2 else inv)

    def row(self, word: str) -> np.ndarray:
        return self._unit(self.index.get(word))

    def of(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, self._q.shape[1]), np.float32)
        return self._unit([self.index.get(w) for w in words])

    def similarity(self, a: str, b: str) -> float:
        if a not in self.index or b not in self.index:
            return 0.0
        return float(self.row(a) @ self.row(b))


def _load() -> Vectors:
    index = datacache.word_table("word-vectors", [str(_file())], _build_index)
    return Vectors(index, datacache.matrix("word-vectors", [str(_file())], _build_matrix))


load = Resource("word-vectors", _load)
