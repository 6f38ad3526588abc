"""Run-level notices from rules and backends (e.g. "LanguageTool not configured").

Rules call ``emit``; the runner drains the list after each file and prints each distinct
notice once per run on stderr.
"""
from __future__ import annotations

_pending: list[str] = []


def emit(message: str) -> None:
    if message not in _pending:
        _pending.append(message)


def drain() -> list[str]:
    out = list(_pending)
    _pending.clear()
    return out
