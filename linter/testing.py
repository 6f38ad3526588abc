"""Helpers for testing a rule on its own, as Harper's rule tests do: lint a string with
one rule, and apply its fixes and lint again, expecting nothing."""
from __future__ import annotations

from typing import Any

from .diagnostic import Diagnostic
from .fixes import apply_edits, choose_edits
from .markup import parse
from .rule import Rule, RunSettings


def lint_with(rule: type[Rule] | Rule, text: str, fmt: str = "plain", *, dialect: str = "en-US",
              options: dict[str, Any] | None = None, dictionary: frozenset[str] = frozenset(),
              sections: dict[str, Any] | None = None, path: str = "<text>") -> list[Diagnostic]:
    """The findings of one rule on `text`, sorted; options come as in configuration
    (``{"max-words": 20}``), validated the same way."""
    if isinstance(rule, type):
        settings = RunSettings(dialect=dialect, dictionary=dictionary, sections=dict(sections or {}))
        rule = rule(rule.make_options(options or {}), settings)
    doc = parse(path, text, fmt)
    return sorted(rule.check(doc), key=Diagnostic.sort_key)


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    return apply_edits(text, [e for e, _ in choose_edits(diagnostics, unsafe)])


def assert_fixed(rule: type[Rule] | Rule, text: str, expected: str | None = None, fmt: str = "plain",
                 **kwargs: Any) -> str:
    """Lint, apply the rule's safe fixes, check the result (when `expected` is given) and
    lint it again: the rule must find nothing left to say. Returns the fixed text."""
    found = lint_with(rule, text, fmt, **kwargs)
    assert any(d.fix for d in found), f"no fix offered for {text!r}: {found}"
    fixed = apply_fixes(text, found)
    if expected is not None:
        assert fixed == expected, f"fixed text {fixed!r} != {expected!r}"
    again = lint_with(rule, fixed, fmt, **kwargs)
    assert not again, f"after fixing, {text!r} -> {fixed!r} still gives {again}"
    return fixed
