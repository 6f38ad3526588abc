"""Word tables built once per install and mapped from disk, as Python caches bytecode.

Several rules build tables from the word lists their packages ship: the lexicon from
pyspellchecker's and wordfreq's lists, the census names, the syllable counts. Built as Python
dicts on every run, they cost about half a second and 70 MB of a one-story check; compiled once
into a marisa trie (``marisa-trie``, MIT / BSD-2-Clause) they are mapped from the file in a
fraction of a millisecond and take a few MB, shared by every process that maps them.

An entry's name carries a hash of what it was built from: the source files (path, size,
modification time), the module that builds it, the versions of Python and marisa-trie. An
upgraded package, an edited data file or an edited builder builds it again; an entry of another
key is deleted when the new one is written. Entries live in ``$NEWSLINT_DATA_CACHE`` if set
(``0`` or ``off``: no cache), else ``$XDG_CACHE_HOME/newslint``, else ``~/.cache/newslint``.
Writes go to a temporary file renamed into place, so processes building at once never see
half an entry. A directory that cannot be written or an entry that cannot be read means the
table is built in memory, as a dict, for this run: never an error.
"""
from __future__ import annotations

import hashlib
import io
import marshal
import mmap
import os
import sys
from array import array
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from .textio import atomic_write


_FORMAT = 1
_KEY_CHARS = 20
OFF = ("", "0", "off", "false", "no")


def user_cache_home() -> Path:
    """newslint's folder in the user's cache: ``$XDG_CACHE_HOME/newslint`` or ``~/.cache/newslint``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def cache_dir() -> Path | None:
    env = os.environ.get("NEWSLINT_DATA_CACHE")
    if env is not None:
        return None if env.strip().lower() in OFF else Path(env)
    return user_cache_home()


class WordTable:
    """A fixed map of words to integers 0-65535: a marisa trie and an array of values indexed
    by the trie's key ids when mapped from the cache, a dict otherwise."""

    def __init__(self, mapping: dict[str, int] | None = None, trie: Any = None,
                 values: "array | memoryview | None" = None) -> None:
        self._dict = mapping
        self._trie = trie
        self._values = values

    def get(self, word: str, default: int | None = None) -> int | None:
        if self._dict is not None:
            return self._dict.get(word, default)
        i = self._trie.get(word)
        return default if i is None else self._values[i]

    def __contains__(self, word: str) -> bool:
        return (word in self._dict) if self._dict is not None else (word in self._trie)

    def __len__(self) -> int:
        return len(self._dict) if self._dict is not None else len(self._values)

    def items(self) -> Iterator[tuple[str, int]]:
        if self._dict is not None:
            yield from self._dict.items()
            return
        values = self._values
        for word, i in self._trie.iteritems():
            yield word, values[i]


def _stamp(path: str | os.PathLike[str]) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{os.fspath(path)}:missing"
    return f"{os.fspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def _key(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable) -> str:
    import marisa_trie

    builder = getattr(sys.modules.get(build.__module__), "__file__", None) or build.__module__
    parts = [f"format={_FORMAT}", name, sys.version, getattr(marisa_trie, "__version__", "") or _dist("marisa-trie"),
             _stamp(builder), *(_stamp(s) for s in sources)]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:_KEY_CHARS]


def _dist(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # pragma: no cover - a required dependency
        return "?"


def _write(directory: Path, final: str, payload: bytes, name: str) -> None:
    """Atomically write one entry and drop the stale entries of the same name."""
    directory.mkdir(parents=True, exist_ok=True)
    atomic_write(directory / final, payload)
    suffix = final.rsplit(".", 1)[-1]
    for old in directory.glob(f"{name}-*.{suffix}"):
        key = old.name[len(name) + 1:-len(suffix) - 1]
        if old.name != final and len(key) == _KEY_CHARS and all(c in "0123456789abcdef" for c in key):
            try:
                old.unlink()
            except OSError:
                pass


def word_table(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Mapping[str, int]]) -> WordTable:
    """The table `build()` returns, from the cache when an entry of this key is there."""
    import marisa_trie

    directory = cache_dir()
    if directory is None:
        return WordTable(dict(build()))
    key = _key(name, sources, build)
    trie_file = directory / f"{name}-{key}.trie"
    values_file = directory / f"{name}-{key}.u16"
    try:
        trie = marisa_trie.Trie().mmap(os.fspath(trie_file))
        with open(values_file, "rb") as fh:
            values = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)).cast("H")
        if len(values) == len(trie):
            return WordTable(trie=trie, values=values)
    except Exception:  # noqa: BLE001 - a missing or damaged entry is a miss
        pass
    table = dict(build())
    try:
        trie = marisa_trie.Trie(table)
        values = array("H", bytes(2 * len(trie)))
        for word, value in table.items():
            values[trie[word]] = value
        _write(directory, values_file.name, values.tobytes(), name)
        _write(directory, trie_file.name, trie.tobytes(), name)
    except (OSError, OverflowError):
        return WordTable(table)
    return WordTable(trie=trie, values=values)


def _entry(name: str, suffix: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Any],
           load: Callable[[Path], Any], dump: Callable[[Any], bytes]) -> Any:
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{_key(name, sources, build)}.{suffix}"
    try:
        return load(path)
    except Exception:  # noqa: BLE001 - a missing or damaged entry is a miss
        pass
    value = build()
    try:
        _write(directory, path.name, dump(value), name)
    except (OSError, ValueError):
        pass
    return value


def data(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Any]) -> Any:
    """A value of core types (what ``marshal`` writes: str, int, float, tuple, list, dict,
    set, frozenset), from the cache when an entry of this key is there."""
    return _entry(name, "marshal", sources, build, lambda p: marshal.loads(p.read_bytes()), marshal.dumps)


def matrix(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Any]) -> Any:
    """The numpy array `build()` returns, memory-mapped read-only from the cache when an entry
    of this key is there (only the pages of the rows a run reads are loaded)."""
    import numpy as np

    def dump(value: Any) -> bytes:
        buf = io.BytesIO()
        np.save(buf, np.ascontiguousarray(value), allow_pickle=False)
        return buf.getvalue()

    return _entry(name, "npy", sources, build, lambda p: np.load(p, mmap_mode="r"), dump)
