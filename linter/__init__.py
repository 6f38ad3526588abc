"""newslint: a proofreading linter for news copy.

Library use::

    from newslint import lint_text, lint_paths
    for d in lint_text("Their going to the the game.", dialect="en-US"):
        print(d.line, d.column, d.rule, d.message)

Rule authors import from ``newslint.api``.

The names below load on first use (PEP 562), so that the command can start work before
anything else loads (``newslint.launch``).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import ConfigError
    from .context import Overrides, RunContext
    from .diagnostic import Category, Diagnostic, Edit, Fix, Severity
    from .discovery import UsageError
    from .rule import Rule
    from .runner import RunResult, lint_paths, lint_text

_WHERE = {
    "ConfigError": "config", "Overrides": "context", "RunContext": "context", "Category": "diagnostic",
    "Diagnostic": "diagnostic", "Edit": "diagnostic", "Fix": "diagnostic", "Severity": "diagnostic",
    "UsageError": "discovery", "Rule": "rule", "RunResult": "runner", "lint_paths": "runner", "lint_text": "runner",
}

__all__ = ["Category", "ConfigError", "Diagnostic", "Edit", "Fix", "Overrides", "Rule", "RunContext", "RunResult",
           "Severity", "UsageError", "lint_paths", "lint_text", "__version__"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newslint")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
