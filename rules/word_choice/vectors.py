"""Static word vectors for topic fit: 40,000 frequent English words, 80 dimensions, int8.

Built by ``scripts/build_word_vectors.py`` from the sentence-embedding model
all-MiniLM-L6-v2 (Apache-2.0; see ``rules/data/SOURCES.md``). Loads in about 50 ms.
"""
from __future__ import annotations

import threading
from importlib import resources

import numpy as np

_LOCK = threading.Lock()
_TABLE: "Vectors | None" = None


class Vectors:
    """Unit vectors kept as int8 rows and one float scale per row (3.4 MB, not 13 MB)."""

    def __init__(self, words: list[str], matrix: np.ndarray) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        self._q = np.ascontiguousarray(matrix, dtype=np.int8)
        norms = np.linalg.norm(self._q.astype(np.float32), axis=1)
        self._inv = (1.0 / np.maximum(norms, 1e-9)).astype(np.float32)

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def row(self, word: str) -> np.ndarray:
        i = self.index[word]
        return self._q[i].astype(np.float32) * self._inv[i]

    def of(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, self._q.shape[1]), np.float32)
        idx = [self.index[w] for w in words]
        return self._q[idx].astype(np.float32) * self._inv[idx, None]

    def similarity(self, a: str, b: str) -> float:
        if a not in self.index or b not in self.index:
            return 0.0
        return float(self.row(a) @ self.row(b))


def load() -> Vectors:
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                with resources.files("newslint.rules").joinpath("data/word_vectors.npz").open("rb") as fh:
                    data = np.load(fh)
                    words = str(data["words"]).split("\n")
                    matrix = data["vectors"]
                _TABLE = Vectors(words, matrix)
    return _TABLE
