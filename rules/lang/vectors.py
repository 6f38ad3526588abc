"""Static word vectors for topic fit: 40,000 frequent English words, 80 dimensions, int8.

Built by ``scripts/build_word_vectors.py`` from the sentence-embedding model
all-MiniLM-L6-v2 (Apache-2.0; see ``rules/data/SOURCES.md``). The matrix (memory-mapped) and
the word -> row index are compiled once into the data cache, so a story reads only the rows of
its own words.

No numpy: the ``.npz`` file is a zip of ``.npy`` arrays, read here (``_npy``), and a cosine is
computed in C by ``math.dist`` on unit vectors (a.b = 1 - |a - b|^2 / 2). Importing numpy cost
15 MB of every run's memory for a few thousand similarities per story; without it, real-word and
unusual-word took 10.4 s of CPU over the 189 clean dev stories against 9.8 s (2026-12-02).
"""
from __future__ import annotations

import ast
import math
import struct
import zipfile
from importlib import resources
from typing import BinaryIO

from newslint.api import Resource, datacache

Vector = tuple[float, ...]


def _file():
    return resources.files("newslint.rules").joinpath("data/word_vectors.npz")


def _npy(fh: BinaryIO) -> tuple[str, tuple[int, ...], bytes]:
    """(dtype, shape, raw data) of an array in numpy's ``.npy`` format (versions 1-3: a magic
    string, the version, the header's length and a header that is a Python literal)."""
    if fh.read(6) != b"\x93NUMPY":
        raise ValueError("not a .npy array")
    major = fh.read(2)[0]
    size = 2 if major == 1 else 4
    (length,) = struct.unpack("<H" if size == 2 else "<I", fh.read(size))
    header = ast.literal_eval(fh.read(length).decode("utf-8" if major >= 3 else "latin-1"))
    if header["fortran_order"]:
        raise ValueError("a Fortran-ordered array")
    return header["descr"], tuple(header["shape"]), fh.read()


def _member(name: str) -> tuple[str, tuple[int, ...], bytes]:
    with _file().open("rb") as fh, zipfile.ZipFile(fh) as archive, archive.open(f"{name}.npy") as member:
        return _npy(member)


def _words() -> list[str]:
    """The words, row by row (the file's order: most frequent first): one string of UTF-32 code units."""
    descr, shape, data = _member("words")
    if not descr.startswith("<U") or shape != ():
        raise ValueError(f"word_vectors.npz: words are {descr} {shape}, not one string")
    return data.decode("utf-32-le").rstrip("\0").split("\n")


def _matrix() -> bytes:
    """The int8 rows, row-major."""
    descr, shape, data = _member("vectors")
    if descr not in ("|i1", "<i1", "i1") or len(shape) != 2:
        raise ValueError(f"word_vectors.npz: vectors are {descr} {shape}, not an int8 matrix")
    return data


def _build_index() -> dict[str, int]:
    return {w: i for i, w in enumerate(_words())}


def words_by_frequency(limit: int) -> list[str]:
    return datacache.data(f"word-vectors-top{limit}", [str(_file())], lambda: _words()[:limit])


def cosines(rows: list[Vector], v: Vector) -> list[float]:
    """The cosine of each unit vector of `rows` with the unit vector `v`."""
    dist = math.dist
    return [1.0 - dist(r, v) ** 2 / 2 for r in rows]


class Vectors:
    """Unit vectors kept as int8 rows (3.2 MB, mapped from the data cache)."""

    def __init__(self, index, matrix: memoryview) -> None:
        self.index = index  # word -> row (a dict, or a datacache.WordTable)
        self._q = matrix.cast("b") if matrix.format != "b" else matrix
        self.dims = len(self._q) // len(index)

    def __len__(self) -> int:
        return len(self._q) // self.dims

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def _unit(self, i: int) -> Vector:
        """Row `i` scaled to unit length."""
        q = self._q[i * self.dims:(i + 1) * self.dims].tolist()
        inv = 1.0 / max(math.hypot(*q), 1e-9)
        return tuple([x * inv for x in q])

    def row(self, word: str) -> Vector:
        return self._unit(self.index.get(word))

    def of(self, words: list[str]) -> list[Vector]:
        return [self._unit(self.index.get(w)) for w in words]

    def similarity(self, a: str, b: str) -> float:
        if a not in self.index or b not in self.index:
            return 0.0
        return cosines([self.row(a)], self.row(b))[0]


def _load() -> Vectors:
    index = datacache.word_table("word-vectors", [str(_file())], _build_index)
    return Vectors(index, datacache.buffer("word-vectors", [str(_file())], _matrix))


load = Resource("word-vectors", _load)
