"""The command's start: work that must begin before newslint loads, then the command line.

A distribution's entry point (the built-in one is ``newslint.rules.launch``) calls ``main``
with its early work: a function of the command line that may start threads (``start``) before
the engine, the configuration and the rules are imported. The engine waits for them before it
forks workers (``wait``). ``python -m newslint`` runs the command line without early work.

On glibc, the process keeps two malloc arenas instead of one per thread (``two_malloc_arenas``)
and a thread can give back what it freed (``give_back_freed_memory``).
"""
from __future__ import annotations

import sys
import threading
from typing import Callable

from .resource import Resource

# the threads started before the engine loaded (per process: a forked worker has none)
_threads = Resource("early-threads", list, fork_safe=False, example=None)


def start(name: str, work: Callable[[], None]) -> None:
    """Run `work` in a background thread from now on."""
    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()
    _threads().append(thread)


def wait() -> None:
    """Wait for the early threads (before forking workers: never fork while a thread holds a
    lock; before loading a large resource, see ``Resource``). An early thread does not wait for
    itself."""
    if _threads.loaded():
        for thread in _threads():
            if thread is not threading.current_thread():
                thread.join()


def _glibc():
    """The C library, when it is glibc (Linux): None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def two_malloc_arenas() -> None:
    """Let glibc keep two malloc arenas, the main thread's and one for the background threads
    (Harper's dictionary, its linting, the rules' warm-up). By default each thread gets its own,
    and memory a thread freed (Harper's build leaves 13 MB) stays resident in that thread's
    arena while the rules allocate anew in the main one: 17 MB more peak memory in a
    one-story run, for no time gained (benchmarks/startup.py, 2026-12-02)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(-8, 2)  # M_ARENA_MAX (malloc.h)


def give_back_freed_memory() -> None:
    """Return the memory the process freed to the system (glibc's malloc_trim)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def main(early: Callable[[list[str]], None] | None = None) -> None:
    two_malloc_arenas()
    if early is not None:
        early(sys.argv[1:])
    from .cli import main as cli_main

    cli_main()
