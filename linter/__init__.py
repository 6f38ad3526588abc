"""newslint: a proofreading linter for news copy.

Library use::

    from linter import lint_text, lint_paths
    for d in lint_text("Their going to the the game.", dialect="en-US"):
        print(d.line, d.column, d.rule, d.message)
"""
from __future__ import annotations

from .config import ConfigError
from .diagnostic import Category, Diagnostic, Edit, Fix, Severity
from .rule import Rule
from .runner import Overrides, RunResult, UsageError, lint_paths, lint_text

__version__ = "0.1.0"
__all__ = ["Category", "ConfigError", "Diagnostic", "Edit", "Fix", "Overrides", "Rule", "RunResult",
           "Severity", "UsageError", "lint_paths", "lint_text", "__version__"]
