"""newslint: a proofreading linter for news copy.

Library use::

    from newslint import lint_text, lint_paths
    for d in lint_text("Their going to the the game.", dialect="en-US"):
        print(d.line, d.column, d.rule, d.message)

Rule authors import from ``newslint.api``.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .config import ConfigError
from .context import Overrides, RunContext
from .diagnostic import Category, Diagnostic, Edit, Fix, Severity
from .discovery import UsageError
from .rule import Rule
from .runner import RunResult, lint_paths, lint_text

try:
    __version__ = version("newslint")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["Category", "ConfigError", "Diagnostic", "Edit", "Fix", "Overrides", "Rule", "RunContext", "RunResult",
           "Severity", "UsageError", "lint_paths", "lint_text", "__version__"]
