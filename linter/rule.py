"""The Rule base class every built-in and third-party rule derives from."""
from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, ClassVar, Iterable, Mapping, Sequence

from .diagnostic import Category, Diagnostic, Severity
from .document import Block, Document
from .options import build_options, option_fields


@dataclass(frozen=True)
class NoOptions:
    pass


def _no_notice(message: str) -> None:
    return None


def _every_id(emitted_id: str) -> bool:
    return True


@dataclass(frozen=True)
class RunSettings:
    """What every rule may read, from the effective configuration of the file it checks."""

    dialect: str = "en-US"
    dictionary: frozenset[str] = frozenset()  # accepted words, as written (case kept)
    # family sections (``[grammar]``...) by name, validated into the declaring rule's dataclass
    sections: Mapping[str, Any] = field(default_factory=dict)
    # the run context's notice sink: one line on stderr, once per run
    notify: Callable[[str], None] = field(default=_no_notice, compare=False)
    # would a finding with this id be reported (the run's selection, before per-file ignores)?
    # A rule may skip the work of findings nobody will see; by default every id is
    reported: Callable[[str], bool] = field(default=_every_id, compare=False)

    @cached_property
    def dictionary_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.dictionary)

    def section(self, name: str) -> Any:
        return self.sections[name]


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``.

    A rule reports spans of prose through ``self.report(doc, start, end, message)``; the
    document maps them to the original file, and the engine applies selection, severity
    overrides and suppressions afterwards (a rule never reads those settings).
    """

    id: ClassVar[str] = ""
    category: ClassVar[Category] = Category.STYLE
    default_severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    enabled_by_default: ClassVar[bool] = True
    # scopes (see newslint.document.SCOPES) whose text this rule leaves alone
    skip_scopes: ClassVar[frozenset[str]] = frozenset()
    # a finding about the whole story (its grade level): with --only-changed-lines it is kept
    # whenever the story changed
    story_level: ClassVar[bool] = False
    Options: ClassVar[type] = NoOptions
    # a family's top-level configuration table: (name, frozen dataclass with defaults);
    # rules that share a section declare the same class
    config_section: ClassVar[tuple[str, type] | None] = None
    # when findings of two rules on one span merge, the higher precedence keeps its rule id,
    # category and message; wrappers of external checkers sit below newslint's own rules
    precedence: ClassVar[int] = 0
    # a rule that reports under sub-ids (``grammar/harper/AnA``) and accepts any sub-id in
    # configuration, because the set depends on something outside newslint (a server)
    open_subrules: ClassVar[bool] = False

    def __init__(self, options: Any = None, settings: RunSettings | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.settings = settings or RunSettings()

    # -- to implement ----------------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Diagnostic]:  # pragma: no cover - abstract
        raise NotImplementedError

    def warm_up(self) -> None:
        """Load heavy resources before the first story arrives. The engine calls it in a
        background thread when the rule is built, so a resource that loads outside the GIL
        (Harper's Rust linter) overlaps the loading of the others; a rule that does not
        override it loads lazily in ``check``."""

    def prepare(self, doc: Document) -> bool:
        """Start work on `doc` that runs outside the GIL (a native checker, a request to a
        server) and return True. The engine calls every rule's ``prepare`` first, then the
        checks of the rules that started nothing, then the others, so that the work overlaps
        the other rules' checks; ``check`` collects it. Most rules do not override it."""
        return False

    def look_ahead(self, doc: Document) -> None:
        """Start the work ``prepare`` would start on `doc`, a story the run checks next, so
        that it runs while the story before is checked (a run of many stories in one process,
        ``runner.lint_paths``). The document is a copy: ``prepare`` and ``check`` later get
        another, and must find the work by its content. Most rules do not override it."""

    def file_stats(self, doc: Document) -> dict[str, Any] | None:
        """Optional per-file numbers for the report (``files[]`` in JSON)."""
        return None

    @classmethod
    def subrules(cls) -> Mapping[str, str]:
        """Sub-ids this rule reports under (``AnA`` for ``grammar/harper/AnA``) -> description."""
        return {}

    @classmethod
    def on_by_default(cls, emitted_id: str) -> bool:
        """Is a finding with this id (the rule's own or a sub-id) reported when the
        configuration does not select it? A rule whose sub-rules measured too noisy to report
        by default (``grammar/harper/WrongNegative``) overrides it; ``select`` or
        ``extend-select`` naming the sub-id still turns it on."""
        return cls.enabled_by_default

    # -- helpers ---------------------------------------------------------------------------------
    def report(self, doc: Document, start: int, end: int, message: str,
               suggestions: Sequence[str] = (), *, fix: str | None = None,
               severity: Severity | None = None, category: Category | None = None,
               rule_id: str | None = None, safe: bool = True) -> Diagnostic:
        """A finding on the prose span [start, end); `fix` replaces the span when it is
        verbatim source text (safe fixes are applied by ``--fix``)."""
        return doc.diagnostic(self, start, end, message, suggestions, severity=severity,
                              category=category, fix_text=fix, rule_id=rule_id, safe=safe)

    def notice(self, message: str) -> None:
        """Tell the user something about the run (once per run), e.g. a backend not configured."""
        self.settings.notify(message)

    def blocks(self, doc: Document) -> list[Block]:
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
        return plain_text(textwrap.dedent("\n".join(lines)).strip()) + "\n"

    @classmethod
    def make_options(cls, raw: dict[str, Any]) -> Any:
        return build_options(cls.Options, raw, f'[rules."{cls.id}"]')


def plain_text(text: str) -> str:
    """Docstring markup (``code``, `code`) as plain prose for the terminal."""
    return text.replace("``", "'").replace("`", "'")


def match_case(template: str, word: str) -> str:
    """`word` capitalised like `template` ("In order to" -> "To")."""
    return word[:1].upper() + word[1:] if template[:1].isupper() else word
