"""The Rule base class every built-in and third-party rule derives from."""
from __future__ import annotations

import dataclasses
import inspect
import textwrap
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Iterable, Sequence

from .diagnostic import Category, Diagnostic, Severity
from .document import Document


class OptionError(ValueError):
    """An option value from configuration does not fit the rule's Options."""


@dataclass(frozen=True)
class NoOptions:
    pass


@dataclass
class RunSettings:
    """Settings every rule may read: they come from configuration and the command line."""

    dialect: str = "en-US"
    dictionary: frozenset[str] = frozenset()  # accepted words, as written (case kept)
    config_dir: Path | None = None
    section: dict[str, Any] = field(default_factory=dict)  # top-level config tables by name

    @property
    def dictionary_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.dictionary)


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``.

    A rule reports spans of prose through ``self.report(doc, start, end, message)``; the
    document maps them to the original file.
    """

    id: ClassVar[str] = ""
    category: ClassVar[Category] = Category.STYLE
    default_severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    enabled_by_default: ClassVar[bool] = True
    # scopes (see linter.document.SCOPES) whose text this rule leaves alone
    skip_scopes: ClassVar[frozenset[str]] = frozenset()
    Options: ClassVar[type] = NoOptions

    def __init__(self, options: Any = None, severity: Severity | None = None,
                 settings: RunSettings | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.severity = severity or self.default_severity
        self.settings = settings or RunSettings()

    # -- to implement ----------------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Diagnostic]:  # pragma: no cover - abstract
        raise NotImplementedError

    def file_stats(self, doc: Document) -> dict[str, Any] | None:
        """Optional per-file numbers for the report (``files[]`` in JSON)."""
        return None

    # -- helpers ---------------------------------------------------------------------------------
    def report(self, doc: Document, start: int, end: int, message: str,
               suggestions: Sequence[str] = (), *, fix: str | None = None,
               severity: Severity | None = None, category: Category | None = None,
               rule_id: str | None = None, safe: bool = True) -> Diagnostic:
        return doc.diagnostic(self, start, end, message, suggestions, severity=severity,
                              category=category, fix_text=fix, rule_id=rule_id, safe=safe)

    def blocks(self, doc: Document):
        return [b for b in doc.blocks if b.scope not in self.skip_scopes]

    @classmethod
    def explain(cls) -> str:
        doc = inspect.getdoc(cls) or cls.summary
        lines = [f"{cls.id}  ({cls.category.value}, {cls.default_severity.value}"
                 f"{'' if cls.enabled_by_default else ', off by default'})", "", cls.summary, "", doc]
        opts = option_fields(cls.Options)
        if opts:
            lines += ["", "Options:"]
            for name, f in opts.items():
                lines.append(f"  {name.replace('_', '-')} = {f.default!r}")
        return textwrap.dedent("\n".join(lines)).strip() + "\n"

    @classmethod
    def make_options(cls, raw: dict[str, Any]) -> Any:
        return build_options(cls.Options, raw, cls.id)


def match_case(template: str, word: str) -> str:
    """`word` capitalised like `template` ("In order to" -> "To")."""
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


def option_fields(options_cls: type) -> dict[str, dataclasses.Field]:
    if not dataclasses.is_dataclass(options_cls):
        return {}
    return {f.name: f for f in dataclasses.fields(options_cls)}


def build_options(options_cls: type, raw: dict[str, Any], rule_id: str) -> Any:
    fields = option_fields(options_cls)
    hints = typing.get_type_hints(options_cls) if fields else {}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(k.replace("_", "-") for k in fields) or "none"
            raise OptionError(f"unknown option '{key}' for rule {rule_id} (known: {known})")
        values[name] = _coerce(value, hints.get(name, Any), f"{rule_id}.{key}")
    return options_cls(**values)


def _coerce(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if hint is Any:
        return value
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif hint is str:
        if isinstance(value, str):
            return value
    elif origin in (tuple, list, frozenset):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return origin(value) if origin is not tuple else tuple(value)
    elif origin is dict:
        if isinstance(value, dict):
            return dict(value)
    else:
        return value
    name = getattr(hint, "__name__", str(hint))
    raise OptionError(f"option {where} must be {name}, got {value!r}")
