"""Helpers for testing a rule on its own, as Harper's rule tests do: lint a string with
one rule, check exactly what it reports, apply its fixes and lint again, expecting nothing.

    from newslint.api import assert_fixed, assert_flags, assert_clean

    assert_flags(Shouting, "They said NOTHING.", "NOTHING")            # exactly this span
    assert_flags(Harper, "This is an test.", ("grammar/harper/AnA", "an"))  # a sub-id too
    assert_clean(Shouting, "They said nothing.")
    assert_fixed(Shouting, "They said NOTHING.", "They said Nothing.")

Spans are given as the source text they cover; a span given alone is reported under the
rule's own id. Options and family sections come as in configuration (``{"max-words": 20}``,
``sections={"style": {"preset": "british"}}``) and are validated the same way.
"""
from __future__ import annotations

from typing import Any

from .diagnostic import Diagnostic
from .fixes import apply_edits, choose_edits
from .markup import parse
from .options import build_options
from .rule import Rule, RunSettings


def _sections(rule: type[Rule], given: dict[str, Any] | None) -> dict[str, Any]:
    """The rule's family section with its defaults, and whatever `given` sets (raw tables are
    validated as configuration is; dataclass instances are taken as they are)."""
    out: dict[str, Any] = {}
    if rule.config_section:
        name, cls = rule.config_section
        out[name] = cls()
    for name, value in (given or {}).items():
        if isinstance(value, dict):
            cls = rule.config_section[1] if rule.config_section and rule.config_section[0] == name else None
            if cls is None:
                raise ValueError(f"{rule.id} declares no section [{name}]")
            value = build_options(cls, value, f"[{name}]")
        out[name] = value
    return out


def lint_with(rule: type[Rule] | Rule, text: str, fmt: str = "plain", *, dialect: str = "en-US",
              options: dict[str, Any] | None = None, dictionary: frozenset[str] = frozenset(),
              sections: dict[str, Any] | None = None, path: str = "<text>") -> list[Diagnostic]:
    """The findings of one rule on `text`, sorted; options come as in configuration
    (``{"max-words": 20}``), validated the same way."""
    if isinstance(rule, type):
        settings = RunSettings(dialect=dialect, dictionary=dictionary, sections=_sections(rule, sections))
        rule = rule(rule.make_options(options or {}), settings)
    doc = parse(path, text, fmt)
    return sorted(rule.check(doc), key=Diagnostic.sort_key)


def flagged(rule: type[Rule] | Rule, text: str, fmt: str = "plain", **kwargs: Any) -> list[tuple[str, str]]:
    """(id reported, source text of the span) of each finding of `rule` on `text`, in order."""
    return [(d.rule, text[d.start:d.end]) for d in lint_with(rule, text, fmt, **kwargs)]


def assert_flags(rule: type[Rule] | Rule, text: str, *expected: str | tuple[str, str], fmt: str = "plain",
                 **kwargs: Any) -> list[Diagnostic]:
    """`rule` reports exactly `expected` on `text`, in order: each a span's source text (under
    the rule's own id) or an (id, span) pair. Returns the findings, for further checks."""
    found = lint_with(rule, text, fmt, **kwargs)
    want = [e if isinstance(e, tuple) else (rule.id, e) for e in expected]
    got = [(d.rule, text[d.start:d.end]) for d in found]
    assert got == want, f"{rule.id} on {text!r}: reported {got}, expected {want}"
    return found


def assert_clean(rule: type[Rule] | Rule, text: str, fmt: str = "plain", **kwargs: Any) -> None:
    """`rule` reports nothing on `text`."""
    got = flagged(rule, text, fmt, **kwargs)
    assert got == [], f"{rule.id} on {text!r}: reported {got}, expected nothing"


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    return apply_edits(text, [e for e, _ in choose_edits(diagnostics, unsafe)])


def assert_fixed(rule: type[Rule] | Rule, text: str, expected: str | None = None, fmt: str = "plain",
                 *, unsafe: bool = False, **kwargs: Any) -> str:
    """Lint, apply the rule's fixes (safe ones; with `unsafe`, all), check the result (when
    `expected` is given) and lint it again: the rule must find nothing left to say. Returns
    the fixed text."""
    found = lint_with(rule, text, fmt, **kwargs)
    assert any(d.fix for d in found), f"no fix offered for {text!r}: {found}"
    fixed = apply_fixes(text, found, unsafe)
    if expected is not None:
        assert fixed == expected, f"fixed text {fixed!r} != {expected!r}"
    again = lint_with(rule, fixed, fmt, **kwargs)
    assert not again, f"after fixing, {text!r} -> {fixed!r} still gives {again}"
    return fixed
