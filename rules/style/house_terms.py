"""style/house-terms: the newsroom's own terms as regular expressions in configuration."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from newslint.api import Category, Diagnostic, Document, OptionError, Rule, Severity, compile_user_pattern


@dataclass(frozen=True)
class HouseTermsOptions:
    # regular expression -> the house form to use instead (RE2 syntax; (?i) for any case)
    patterns: dict[str, str] | None = None


class HouseTerms(Rule):
    """What it does: reports text matching the newsroom's own patterns and suggests the
    house form, e.g. ``[rules."style/house-terms".patterns]`` with ``"(?i)\\\\bkiev\\\\b" = "Kyiv"``.

    Why: every newsroom has terms of its own (place names, brand names, its own name).

    Example: with ``"(?i)\\\\bkiev\\\\b" = "Kyiv"``, "Troops left Kiev" -> "Kyiv".

    Patterns run with RE2: no pattern can backtrack catastrophically, and patterns RE2
    cannot run (lookaround, backreferences) are refused at start-up with the option named.
    Direct quotes are left alone.
    """

    id = "style/house-terms"
    category = Category.STYLE
    default_severity = Severity.WARNING
    summary = "The newsroom's own terms, as regular expressions (RE2, linear time) in configuration."
    Options = HouseTermsOptions

    @classmethod
    def make_options(cls, raw: dict[str, Any]) -> Any:
        opts = super().make_options(raw)
        for pattern, form in (opts.patterns or {}).items():
            if not isinstance(form, str):
                raise OptionError(f"option {cls.id}.patterns.{pattern!r} must be a string (the house form)")
            compile_user_pattern(pattern, f"option {cls.id}.patterns")
        return opts

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled = [(compile_user_pattern(p, self.id), form) for p, form in (self.options.patterns or {}).items()]

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for block in self.blocks(doc) if self._compiled else ():
            text = doc.prose[block.start:block.end]
            for regex, form in self._compiled:
                for m in regex.finditer(text):
                    s, e = block.start + m.start(), block.start + m.end()
                    if e == s or doc.in_quote(s, e) or m.group(0) == form:
                        continue
                    yield self.report(doc, s, e, f"House style: '{form}', not '{m.group(0)}'", [form])
