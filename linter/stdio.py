"""The one place that guards standard output.

newslint's stdout is a data channel: JSON, SARIF, a patch, the language server's JSON-RPC.
Native libraries write to file descriptor 1 directly, past ``sys.stdout`` (harper-py 0.2
prints debug lines such as ``gerund_form: ...``). So a process that owns its stdout (the
``newslint`` command, the language server) calls ``guard()`` first: descriptor 1 is copied
to a private descriptor that only ``sys.stdout`` writes to, and descriptor 1 itself then
points at stderr, for whatever else writes there, in this process and in every process it
starts (``--jobs`` workers, a local Dask cluster, LanguageTool).

While rules run, ``diverted()`` points ``sys.stdout`` at stderr too, so that a ``print`` in a
rule or a library cannot reach the output either. Worker processes call ``worker()``: they
own no output at all.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import Iterator, TextIO

_OUT: TextIO | None = None


def guard() -> TextIO:
    """Keep descriptor 1 for newslint's output (``sys.stdout``, returned); everything else
    that writes to descriptor 1 goes to stderr."""
    global _OUT
    if _OUT is None:
        old = sys.stdout
        if old is not None:
            old.flush()
        try:
            fd = os.dup(1)  # not inherited by the programs this process starts
            os.dup2(2, 1)
        except OSError:  # no stdout or no stderr to begin with: nothing to guard
            return sys.stdout
        _OUT = os.fdopen(fd, "w", encoding=getattr(old, "encoding", None) or "utf-8",
                         errors=getattr(old, "errors", None) or "strict",
                         buffering=1 if getattr(old, "line_buffering", False) else -1)
        sys.stdout = _OUT
        atexit.register(_flush)
    return _OUT


@contextlib.contextmanager
def diverted() -> Iterator[None]:
    """``sys.stdout`` is stderr inside the block (while rules and libraries run)."""
    saved = sys.stdout
    sys.stdout = sys.stderr
    try:
        yield
    finally:
        sys.stdout = saved


def worker() -> None:
    """In a worker process: descriptor 1 and ``sys.stdout`` go to stderr (a worker's results
    travel back through the pool, never through stdout)."""
    os.dup2(2, 1)
    sys.stdout = sys.stderr


def _flush() -> None:
    with contextlib.suppress(BrokenPipeError, ValueError):  # `newslint ... | head`
        if _OUT is not None:
            _OUT.flush()
