"""Word tables built once per install and mapped from disk, as Python caches bytecode.

Several rules build tables from the word lists their packages ship: the lexicon from
pyspellchecker's and wordfreq's lists, the census names, the syllable counts. Built as Python
dicts on every run, they cost about half a second and 70 MB of a one-story check; compiled once
into a marisa trie (``marisa-trie``, MIT / BSD-2-Clause) they are mapped from the file in a
fraction of a millisecond and take a few MB, shared by every process that maps them.

An entry's name carries a hash of what it was built from: the bytes of the source files and of
the module that builds it, the versions of Python and marisa-trie; never an install's path or
its files' times, so a project's virtualenv, the pre-commit environment and an editor's install
share their entries. An upgraded package, an edited data file or an edited builder builds it
again. Nothing deletes an entry another install still uses: entries are touched when used (at
most daily), and a write prunes only those unused for ``PRUNE_DAYS`` days. Entries live in
``$NEWSLINT_DATA_CACHE`` if set (``0`` or ``off``: no cache), else ``$XDG_CACHE_HOME/newslint``,
else ``~/.cache/newslint``.
Writes go to a temporary file renamed into place, so processes building at once never see
half an entry. A directory that cannot be written or an entry that cannot be read means the
table is built in memory, as a dict, for this run: never an error.
"""
from __future__ import annotations

import functools
import hashlib
import json
import marshal
import mmap
import os
import sys
import time
from array import array
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .textio import atomic_write


_FORMAT = 2
_KEY_CHARS = 20
_SOURCES = "sources.json"  # digests of source files by path, size and time (see _digest)
PRUNE_DAYS = 30
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


def _digest(directory: Path, path: str | os.PathLike[str]) -> str:
    """The sha256 of a source file's bytes. Hashing a 27 MB language model takes a tenth of a
    second, so digests are remembered in ``sources.json`` by path, size and modification time:
    each install hashes its files once, and every install's key is the same for the same bytes."""
    path = os.path.abspath(path)
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    memo = _sources(directory)
    stamp = [st.st_size, st.st_mtime_ns]
    hit = memo.get(path)
    if hit is not None and hit[:2] == stamp:
        return hit[2]
    with open(path, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    memo[path] = [*stamp, digest]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(directory / _SOURCES, json.dumps({p: v for p, v in memo.items() if os.path.exists(p)}).encode())
    except OSError:
        pass
    return digest


_MEMO: dict[Path, dict[str, list]] = {}


def _sources(directory: Path) -> dict[str, list]:
    memo = _MEMO.get(directory)
    if memo is None:
        try:
            memo = json.loads((directory / _SOURCES).read_bytes())
            assert isinstance(memo, dict)
        except Exception:  # noqa: BLE001 - missing or damaged: hash again
            memo = {}
        memo = _MEMO[directory] = memo
    return memo


def _key(directory: Path, name: str, sources: Sequence[str | os.PathLike[str]], build: Callable) -> str:
    """What an entry is built from: the sources' bytes, the builder module's source, the
    versions of Python and marisa-trie. Never where an install is or when it was made."""
    import marisa_trie

    builder = getattr(sys.modules.get(build.__module__), "__file__", None)
    parts = [f"format={_FORMAT}", name, sys.version, getattr(marisa_trie, "__version__", "") or _dist("marisa-trie"),
             _digest(directory, builder) if builder else build.__module__,
             *(_digest(directory, s) for s in sources)]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:_KEY_CHARS]


@functools.lru_cache(maxsize=None)
def _dist(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # pragma: no cover - a required dependency
        return "?"


def _write(directory: Path, final: str, payload: bytes) -> None:
    """Atomically write one entry, then drop entries no install has used for PRUNE_DAYS days
    (another install's live entries stay: they are touched when used)."""
    directory.mkdir(parents=True, exist_ok=True)
    atomic_write(directory / final, payload)
    cutoff = time.time() - PRUNE_DAYS * 86400
    for old in directory.iterdir():
        try:
            if old.name != _SOURCES and old.is_file() and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def _used(*paths: Path) -> None:
    """Mark entries as in use (their modification time, renewed at most once a day)."""
    now = time.time()
    for p in paths:
        try:
            if now - os.stat(p).st_mtime > 86400:
                os.utime(p)
        except OSError:
            pass


def word_table(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Mapping[str, int]]) -> WordTable:
    """The table `build()` returns, from the cache when an entry of this key is there."""
    import marisa_trie

    directory = cache_dir()
    if directory is None:
        return WordTable(dict(build()))
    key = _key(directory, name, sources, build)
    trie_file = directory / f"{name}-{key}.trie"
    values_file = directory / f"{name}-{key}.u16"
    try:
        trie = marisa_trie.Trie().mmap(os.fspath(trie_file))
        with open(values_file, "rb") as fh:
            values = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)).cast("H")
        if len(values) == len(trie):
            _used(trie_file, values_file)
            return WordTable(trie=trie, values=values)
    except Exception:  # noqa: BLE001 - a missing or damaged entry is a miss
        pass
    table = dict(build())
    try:
        trie = marisa_trie.Trie(table)
        values = array("H", bytes(2 * len(trie)))
        for word, value in table.items():
            values[trie[word]] = value
        _write(directory, values_file.name, values.tobytes())
        _write(directory, trie_file.name, trie.tobytes())
    except (OSError, OverflowError):
        return WordTable(table)
    return WordTable(trie=trie, values=values)


def _entry(name: str, suffix: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Any],
           load: Callable[[Path], Any], dump: Callable[[Any], bytes]) -> Any:
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{_key(directory, name, sources, build)}.{suffix}"
    try:
        value = load(path)
        _used(path)
        return value
    except Exception:  # noqa: BLE001 - a missing or damaged entry is a miss
        pass
    value = build()
    try:
        _write(directory, path.name, dump(value))
    except (OSError, ValueError):
        pass
    return value


def data(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Any]) -> Any:
    """A value of core types (what ``marshal`` writes: str, int, float, tuple, list, dict,
    set, frozenset), from the cache when an entry of this key is there."""
    return _entry(name, "marshal", sources, build, lambda p: marshal.loads(p.read_bytes()), marshal.dumps)


def buffer(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], bytes]) -> memoryview:
    """The bytes `build()` returns (a matrix's rows, say), memory-mapped read-only from the cache
    when an entry of this key is there: a run reads only the pages it touches."""
    def load(path: Path) -> memoryview:
        with open(path, "rb") as fh:
            return memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))

    return memoryview(_entry(name, "bin", sources, build, load, bytes))


def keys(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Iterable[str]]) -> Any:
    """A fixed set of strings as a marisa trie (``marisa_trie.Trie``: membership and prefix
    searches in C), mapped from the cache when an entry of this key is there, else built
    (and, when the cache can be written, written for the next run)."""
    import marisa_trie

    def load(path: Path) -> Any:
        return marisa_trie.Trie().mmap(os.fspath(path))

    def built() -> Any:
        return marisa_trie.Trie(build())

    built.__module__ = build.__module__  # the entry's key covers the module that builds it
    return _entry(name, "keys", sources, built, load, lambda t: t.tobytes())
