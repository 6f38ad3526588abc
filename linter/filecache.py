"""Values derived from files, cached by path, modification time and size.

A long-lived process (a CMS plugin, the editor server) sees an edited dictionary or a
deleted configuration file on its next call, while a run over thousands of stories reads
each configuration file once.
"""
from __future__ import annotations

import os
import threading
from typing import Any, Callable, TypeVar

T = TypeVar("T")

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, str], tuple[tuple[int, int], Any]] = {}
_LIMIT = 512


def stamp(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(mtime in ns, size), or None when the file does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def cached(kind: str, path: str | os.PathLike[str], load: Callable[[str], T]) -> T:
    """``load(path)``, reused while the file's stamp is unchanged. Errors are not cached."""
    key = (kind, os.fspath(path))
    now = stamp(key[1])
    hit = _CACHE.get(key)
    if hit is not None and now is not None and hit[0] == now:
        return hit[1]
    value = load(key[1])
    if now is not None:
        with _LOCK:
            if len(_CACHE) >= _LIMIT:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = (now, value)
    return value
