"""LanguageTool's public HTTP API, spoken by newslint: what ``POST /v2/check`` and
``GET /v2/languages`` take and answer, so that LanguageTool's own clients (the browser
extensions and office add-ins with a custom server, LTeX, writing-app plugins,
language-tool-python's ``remote_server``) work with newslint unchanged.

- A request gives ``text`` (plain text; newslint's own ``format`` parameter may say it is
  Markdown, MDX or HTML) or ``data``: annotated text, ``{"annotation": [{"text": ...},
  {"markup": ..., "interpretAs": ...}]}``, as LTeX sends it. Markup is not prose; its
  ``interpretAs`` stands for it in the prose (a paragraph break, say). The client's text is
  the concatenation of every part, markup included, and every offset refers to it.
- Offsets and lengths are in UTF-16 code units, as LanguageTool (a Java program) counts:
  an emoji is two, so a client in JavaScript or Java indexes its own string with them
  (language-tool-python converts them back to code points itself).
- newslint's findings map onto LanguageTool's match: the rule id is newslint's
  (``spelling/unknown-word``), the category and ``issueType`` follow newslint's category, and
  the severity: an info note is a LanguageTool "Hint" of issue type ``style``, shown only at
  ``level=picky`` (LanguageTool's level for the checks a formal text wants), as errors and
  warnings are at every level; an unknown word is shown at every level as a misspelling,
  whatever its severity, as LanguageTool's own speller marks every word it does not know. Each match also carries newslint's own view (``newslint``:
  severity, category, line and column) for clients that want it.
- ``enabledRules``, ``disabledRules`` (newslint's ids or families; LanguageTool's own ids,
  which clients send from their settings, are passed over), ``enabledOnly``,
  ``enabledCategories`` and ``disabledCategories`` (the category ids below) choose the rules.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass

from .config import DIALECTS
from .context import Request
from .diagnostic import Category, Diagnostic, Severity
from .document import Document, ProseBuilder
from .formatters.text import clean_message
from .markup.plain import parse_plain
from .registry import Registry


class BadRequest(Exception):
    """The request cannot be answered as given; the message says why (an HTTP 4xx)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


NAMES = {"en-US": "English (US)", "en-GB": "English (GB)", "en-CA": "English (Canadian)",
         "en-AU": "English (Australian)"}
LANGUAGES = [{"name": "English", "code": "en", "longCode": "en"}] + [
    {"name": NAMES[d], "code": "en", "longCode": d} for d in DIALECTS]

# newslint category -> LanguageTool category (id, name) and issue type (of an error or warning)
CATEGORIES = {
    Category.SPELLING: ("TYPOS", "Possible Typo", "misspelling"),
    Category.GRAMMAR: ("GRAMMAR", "Grammar", "grammar"),
    Category.WORD_CHOICE: ("WORD_CHOICE", "Word choice", "grammar"),
    Category.PUNCTUATION: ("PUNCTUATION", "Punctuation", "typographical"),
    Category.READABILITY: ("READABILITY", "Readability", "style"),
    Category.STYLE: ("STYLE", "Style", "style"),
    Category.CONSISTENCY: ("CONSISTENCY", "Consistency", "inconsistency"),
}
FORMATS = ("plain", "markdown", "mdx", "html")
MAX_SUGGESTIONS = 5
CONTEXT = 40  # characters of context on each side of a match, as LanguageTool gives


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split(",") if x.strip())


def dialect_for(language: str | None, preferred: str | None) -> str | None:
    """The dialect a ``language`` parameter asks for; None: the configuration's. Raises
    BadRequest for a language newslint does not check."""
    if not language:
        raise BadRequest("missing 'language' parameter (en-US, en-GB, en-CA, en-AU, en or auto)")
    code = language.strip().replace("_", "-").lower()
    if code == "auto":
        for p in _split(preferred):
            found = next((d for d in DIALECTS if d.lower() == p.replace("_", "-").lower()), None)
            if found:
                return found
        return None
    if code == "en":
        return None
    found = next((d for d in DIALECTS if d.lower() == code), None)
    if found is None:
        raise BadRequest(f"{language!r} is not a language newslint checks: it checks English "
                         f"({', '.join(DIALECTS)}, en for the configured dialect, or auto)")
    return found


@dataclass(frozen=True)
class CheckRequest:
    """One ``/v2/check`` request, checked."""

    text: str | None
    parts: tuple[tuple[str, str | None, bool], ...] | None  # annotated text: (text, interpretAs, is_markup)
    request: Request
    picky: bool
    fmt: str
    enabled_categories: frozenset[str]
    disabled_categories: frozenset[str]

    @property
    def source(self) -> str:
        return self.text if self.text is not None else "".join(t for t, _, _ in self.parts or ())


def read_check(params: dict[str, str], registry: Registry, max_chars: int) -> CheckRequest:
    """A ``/v2/check`` request from its form parameters (each given once)."""
    text, data = params.get("text"), params.get("data")
    if text is None and data is None:
        raise BadRequest("missing 'text' or 'data' parameter")
    if text is not None and data is not None:
        raise BadRequest("give 'text' or 'data', not both")
    parts = annotation(data) if data is not None else None
    size = len(text) if text is not None else sum(len(t) for t, _, _ in parts or ())
    if size > max_chars:
        raise BadRequest(f"the text is {size} characters long; this server checks at most {max_chars}", 413)
    dialect = dialect_for(params.get("language"), params.get("preferredVariants"))
    level = params.get("level", "default") or "default"
    if level not in ("default", "picky"):
        raise BadRequest(f"'level' is 'default' or 'picky', not {level!r}")
    fmt = params.get("format", "plain") or "plain"
    if fmt not in FORMATS:
        raise BadRequest(f"'format' is one of {', '.join(FORMATS)}, not {fmt!r}")
    enabled = tuple(r for r in _split(params.get("enabledRules")) if registry.is_known(r))
    disabled = tuple(r for r in _split(params.get("disabledRules")) if registry.is_known(r))
    only = (params.get("enabledOnly") or "false").lower()
    if only not in ("true", "false"):
        raise BadRequest("'enabledOnly' is true or false")
    enabled_cats = frozenset(_split(params.get("enabledCategories")))
    if only == "true" and not (_split(params.get("enabledRules")) or enabled_cats):
        raise BadRequest("'enabledOnly=true' needs 'enabledRules' or 'enabledCategories'")
    if only == "true":
        request = Request(dialect, enabled if enabled or not enabled_cats else None, (), disabled)
    else:
        request = Request(dialect, None, enabled, disabled)
        enabled_cats = frozenset()
    return CheckRequest(text, parts, request, level == "picky", fmt, enabled_cats,
                        frozenset(_split(params.get("disabledCategories"))))


MAX_PARTS = 200_000


def annotation(data: str) -> tuple[tuple[str, str | None, bool], ...]:
    """The parts of annotated text: (text, interpretAs, is markup)."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        raise BadRequest("'data' is not JSON (annotated text: {\"annotation\": [{\"text\": ...}, "
                         "{\"markup\": ..., \"interpretAs\": ...}]})") from None
    items = value.get("annotation") if isinstance(value, dict) else None
    if not isinstance(items, list):
        raise BadRequest("'data' needs an 'annotation' list")
    if len(items) > MAX_PARTS:
        raise BadRequest(f"'data' has more than {MAX_PARTS} parts", 413)
    parts = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise BadRequest(f"annotation part {i} is not an object")
        text, markup, interpret = item.get("text"), item.get("markup"), item.get("interpretAs")
        if (text is None) == (markup is None):
            raise BadRequest(f"annotation part {i} needs 'text' or 'markup' (one of them)")
        if not isinstance(text if markup is None else markup, str) or not isinstance(interpret, (str, type(None))):
            raise BadRequest(f"annotation part {i}: 'text', 'markup' and 'interpretAs' are strings")
        if interpret is not None and markup is None:
            raise BadRequest(f"annotation part {i}: 'interpretAs' goes with 'markup'")
        parts.append((text, None, False) if markup is None else (markup, interpret, True))
    return tuple(parts)


def annotated_document(parts: tuple[tuple[str, str | None, bool], ...], path: str) -> Document:
    """The document of annotated text: its source is the client's whole text, its prose the
    text parts with each markup part's ``interpretAs``, paragraphs found in the prose as in
    plain text."""
    source = "".join(t for t, _, _ in parts)
    b = ProseBuilder(source)
    pos = 0
    for text, interpret, markup in parts:
        if not markup:
            b.copy(pos, pos + len(text))
        elif interpret:
            b.replace(interpret, pos, pos + len(text))
        pos += len(text)
    prose, smap = b.build()
    # HTML and JSX comments in the markup are read as suppressions, as in Markdown
    return Document(path, source, prose, smap, parse_plain(path, prose).blocks, fmt="markdown")


class Units:
    """Code-point offsets of one text as UTF-16 code units (characters beyond the Basic
    Multilingual Plane are two)."""

    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def __call__(self, offset: int) -> int:
        return offset + bisect_right(self._wide, offset - 1) if self._wide else offset


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF) if not text.isascii() else len(text)


def _context(text: str, start: int, end: int) -> dict:
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    before = ("..." if lo > 0 else "") + text[lo:start]
    inside = text[start:end]
    after = text[end:hi] + ("..." if hi < len(text) else "")
    flat = str.maketrans("\n\r\t", "   ")
    return {"text": (before + inside + after).translate(flat), "offset": utf16_len(before),
            "length": utf16_len(inside)}


def span_and_replacements(d: Diagnostic) -> tuple[int, int, list[str]]:
    """The source range a match covers and its replacements. A fix that edits more than
    the finding's span (deleting a repeated word with the space before it) becomes the
    match's range and its one replacement, so that applying it is the fix."""
    start, end = d.start, max(d.end, d.start)
    if d.fix is not None and len(d.fix.edits) == 1:
        e = d.fix.edits[0]
        if (e.start, e.end) != (start, end) and e.start <= start and end <= e.end:
            return e.start, e.end, [e.text]
    reps = list(d.suggestions)
    if d.fix is not None and len(d.fix.edits) == 1 and d.fix.edits[0].text not in reps:
        reps.insert(0, d.fix.edits[0].text)
    return start, end, reps[:MAX_SUGGESTIONS]


def shown(d: Diagnostic, req: CheckRequest) -> bool:
    """Does the request's level and categories show this finding?"""
    if d.severity == Severity.INFO and not req.picky and d.category != Category.SPELLING:
        return False
    cat = CATEGORIES[d.category][0]
    if req.enabled_categories and cat not in req.enabled_categories:
        return False
    return cat not in req.disabled_categories


def match(d: Diagnostic, doc: Document, units: Units, sentence: str, description: str) -> dict:
    """One finding as a LanguageTool match."""
    start, end, reps = span_and_replacements(d)
    cat_id, cat_name, issue = CATEGORIES[d.category]
    info = d.severity == Severity.INFO and d.category != Category.SPELLING
    return {
        "message": clean_message(d.message),
        "shortMessage": cat_name,
        "replacements": [{"value": r} for r in reps],
        "offset": units(start),
        "length": units(end) - units(start),
        "context": _context(doc.source, start, end),
        "sentence": sentence,
        "type": {"typeName": "Hint" if info else "UnknownWord" if d.category == Category.SPELLING else "Other"},
        "rule": {"id": d.rule, "description": description, "issueType": "style" if info else issue,
                 "category": {"id": cat_id, "name": cat_name}, "isPremium": False},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "newslint": {"severity": d.severity.value, "category": d.category.value, "line": d.line,
                     "column": d.column},
    }


def language_json(dialect: str) -> dict:
    name = NAMES.get(dialect, "English")
    return {"name": name, "code": dialect,
            "detectedLanguage": {"name": name, "code": dialect, "confidence": 1.0, "source": "newslint"}}


def software(version: str) -> dict:
    return {"name": "newslint", "version": version, "buildDate": "", "apiVersion": 1, "premium": False,
            "premiumHint": "", "status": ""}
