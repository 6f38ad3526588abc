"""The ``newslint`` command's entry point: start Harper's dictionary, then load the rest.

Harper spends most of a one-story run building its dictionary (0.8 s, the same for every
dialect and configuration, shared by every ``harper.Linter`` the process makes; Rust code that
releases the GIL). newslint's own imports and configuration take another 0.3 s before the
rules are known. So a command that lints starts the dictionary in a background thread first,
and the imports, the configuration and newslint's own rules run beside it on the other core.

The thread is a guess made before the configuration is read: a run whose configuration turns
Harper off (the LanguageTool backend, or grammar/harper ignored in a config file) spends that
build on the other core for nothing. A command line that selects other rules, or ignores
Harper, does not start it.
"""
from __future__ import annotations

import importlib.util
import sys
import threading

from .resource import Resource

# the commands that lint stories (the language server warms its rules itself)
LINTING = frozenset({"check", "baseline", "report"})


def _option_values(argv: list[str], name: str) -> list[str]:
    """The values of `name` (``--select X`` or ``--select=X``), comma-separated ones split."""
    out = []
    for i, a in enumerate(argv):
        if a == name and i + 1 < len(argv):
            out += argv[i + 1].split(",")
        elif a.startswith(name + "="):
            out += a[len(name) + 1:].split(",")
    return [v.strip() for v in out]


def _names_harper(ids: list[str]) -> bool:
    return any(v in ("grammar", "grammar/harper") or v.startswith("grammar/harper/") for v in ids)


def _wanted(argv: list[str]) -> bool:
    """Whether `argv` is a command that lints with Harper, as far as the command line tells."""
    if not argv or argv[0] not in LINTING or any(a in ("--help", "-h") for a in argv):
        return False
    if _names_harper(_option_values(argv, "--ignore")):
        return False
    selected = _option_values(argv, "--select")
    return not selected or _names_harper(selected)


def _build() -> None:
    import harper

    harper.Linter()  # the dictionary stays loaded for the linters the run builds next
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)  # what the build used and freed (5 MB more at the peak otherwise)


def _start() -> threading.Thread:
    thread = threading.Thread(target=_build, name="newslint-harper-dictionary", daemon=True)
    thread.start()
    return thread


# the thread building the dictionary (its load is the Harper linter's, measured there)
_dictionary = Resource("harper-dictionary-thread", _start, fork_safe=False, example=None)


def start_harper(argv: list[str]) -> None:
    """Start building Harper's dictionary in the background if `argv` lints."""
    if not _wanted(argv):
        return
    if importlib.util.find_spec("harper") is not None:  # absent: the grammar rule reports it
        _dictionary()


def wait() -> None:
    """Wait for the dictionary (before forking workers: never fork while a thread holds a lock)."""
    if _dictionary.loaded():
        _dictionary().join()


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


def _two_malloc_arenas() -> None:
    """Let glibc keep two malloc arenas, the main thread's and one for the background threads
    (Harper's dictionary, its linting, the rules' warm-up). By default each thread gets its own,
    and memory a thread freed (Harper's build leaves 13 MB) stays resident in that thread's
    arena while the rules allocate anew in the main one: 17 MB more peak memory in a
    one-story run, for no time gained (benchmarks/startup.py, 2026-12-02)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(-8, 2)  # M_ARENA_MAX (malloc.h)


def main() -> None:
    _two_malloc_arenas()
    start_harper(sys.argv[1:])
    from .cli import main as cli_main

    cli_main()
