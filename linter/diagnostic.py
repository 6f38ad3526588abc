"""Diagnostics: what a rule reports, anchored to the original file."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(str, enum.Enum):
    SPELLING = "spelling"
    GRAMMAR = "grammar"
    WORD_CHOICE = "word-choice"
    READABILITY = "readability"
    STYLE = "style"
    PUNCTUATION = "punctuation"
    CONSISTENCY = "consistency"


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] (code-point offsets into the original text) with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    description: str = ""

    def to_json(self) -> dict:
        return {
            "applicability": self.applicability.value,
            "description": self.description,
            "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in self.edits],
        }


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Positions are 1-based, columns in code points, end exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: Category
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # code-point offsets into the original source text (not part of the JSON contract)
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    # the reporting rule's precedence (Rule.precedence) when findings on one span merge
    precedence: int = field(default=0, compare=False)
    # a word this finding takes for a slip only while fewer than `term_stories` stories of the
    # run use it: a word that many stories use is the publication's name or term
    # (``newslint.vocabulary``)
    term: str = field(default="", compare=False)
    term_stories: int = field(default=0, compare=False)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fix": self.fix.to_json() if self.fix else None,
        }
