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
    def __init__(self, words: list[str], matrix: np.ndarray) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix = (matrix / np.maximum(norms, 1e-9)).astype(np.float32)

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def of(self, words: list[str]) -> np.ndarray:
        return self.matrix[[self.index[w] for w in words]] if words else np.zeros((0, self.matrix.shape[1]), np.float32)

    def similarity(self, a: str, b: str) -> float:
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None:
            return 0.0
        return float(self.matrix[ia] @ self.matrix[ib])


def load() -> Vectors:
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                with resources.files("newslint.rules").joinpath("data/word_vectors.npz").open("rb") as fh:
                    data = np.load(fh)
                    words = str(data["words"]).split("\n")
                    matrix = data["vectors"].astype(np.float32)
                _TABLE = Vectors(words, matrix)
    return _TABLE
