"""rules/lang/vectors: static word vectors for topic fit."""
from __future__ import annotations

import io
import struct

import pytest

from newslint.rules.lang import vectors


def test_word_vectors_know_related_words():
    v = vectors.load()
    assert len(v) == len(v.index) == 40_000
    assert v.similarity("storm", "rain") > v.similarity("storm", "tax") + 0.2
    assert v.similarity("budget", "deficit") > v.similarity("budget", "pajama") + 0.2


def test_the_file_is_read_as_numpy_reads_it():
    np = pytest.importorskip("numpy")  # the [test] extra installs it; newslint itself does not
    with vectors._file().open("rb") as fh:
        arrays = np.load(fh)
        words, matrix = str(arrays["words"]).split("\n"), arrays["vectors"]
    assert vectors._words() == words
    assert vectors._matrix() == matrix.tobytes()
    v = vectors.load()
    unit = matrix.astype(np.float64) / np.linalg.norm(matrix.astype(np.float64), axis=1, keepdims=True)
    rows = [words.index(w) for w in ("storm", "rain", "tax", "budget")]
    assert np.allclose(v.of(["storm", "rain", "tax", "budget"]), unit[rows], atol=1e-12)
    expected = unit[rows] @ unit[rows[0]]
    assert np.allclose(vectors.cosines(v.of(["storm", "rain", "tax", "budget"]), v.row("storm")), expected, atol=1e-9)
    assert abs(v.similarity("budget", "tax") - float(unit[rows[3]] @ unit[rows[2]])) < 1e-9


def test_an_npy_header_of_each_version_is_read():
    for major, size in ((1, "<H"), (2, "<I"), (3, "<I")):
        header = b"{'descr': '|i1', 'fortran_order': False, 'shape': (2, 3), }".ljust(61) + b"\n"
        raw = b"\x93NUMPY" + bytes([major, 0]) + struct.pack(size, len(header)) + header + bytes([1, 2, 3, 255, 0, 7])
        assert vectors._npy(io.BytesIO(raw)) == ("|i1", (2, 3), bytes([1, 2, 3, 255, 0, 7]))
    with pytest.raises(ValueError):
        vectors._npy(io.BytesIO(b"PK\x03\x04 not an array"))
