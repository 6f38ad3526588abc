"""Document model: the original source, its prose projection and the map between them.

A markup parser (see ``linter.markup``) builds the prose text piece by piece with a
``ProseBuilder``: every piece is either a verbatim copy of a source range, a replacement
that stands for a source range (an HTML entity, say), or a synthetic gap (the blank line
between two blocks). The resulting ``SourceMap`` turns any prose offset back into the
exact offset in the original file; positions are never recovered by searching text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TypeVar

from .diagnostic import Applicability, Category, Diagnostic, Edit, Fix, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .rule import Rule

COPY, REPLACED, GAP = 0, 1, 2
T = TypeVar("T")


@dataclass(frozen=True)
class Segment:
    prose_start: int
    prose_end: int
    src_start: int
    src_end: int
    kind: int


class SourceMap:
    """Sorted prose segments, looked up by bisection."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = list(segments)
        self._starts = [s.prose_start for s in self.segments]

    def _segment(self, offset: int, is_end: bool) -> Segment | None:
        if not self.segments:
            return None
        # an end offset belongs to the segment it closes, a start offset to the one it opens
        key = offset - 1 if is_end and offset > 0 else offset
        i = bisect_right(self._starts, key) - 1
        return self.segments[max(i, 0)]

    def to_source(self, offset: int, is_end: bool = False) -> int:
        seg = self._segment(offset, is_end)
        if seg is None:
            return offset
        if seg.kind == COPY:
            delta = min(max(offset - seg.prose_start, 0), seg.src_end - seg.src_start)
            return seg.src_start + delta
        if seg.kind == REPLACED:
            if offset <= seg.prose_start:
                return seg.src_start
            return seg.src_end if is_end or offset >= seg.prose_end else seg.src_start
        return seg.src_start  # GAP: a point in the source

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when prose[start:end] is one unbroken copy of the source."""
        seg = self._segment(start, False)
        return bool(seg and seg.kind == COPY and seg.prose_start <= start and end <= seg.prose_end)


class ProseBuilder:
    """`masks` (see ``linter.markup.masks``), when given, says which parts of a copied range
    are markup: ``masks.pieces(start, end)`` yields ``(start, end, stand_in)`` runs, stand_in
    None for prose and otherwise the text (often empty) that replaces the run."""

    def __init__(self, source: str, masks: Any = None) -> None:
        self.source = source
        self.masks = masks or None
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._len = 0

    @property
    def length(self) -> int:
        return self._len

    def prose_since(self, start: int) -> str:
        out = []
        n = self._len
        for part in reversed(self._parts):
            if n <= start:
                break
            out.append(part[max(0, start - (n - len(part))):])
            n -= len(part)
        return "".join(reversed(out))

    def _add(self, text: str, src_start: int, src_end: int, kind: int) -> None:
        if not text:
            return
        prev = self._segments[-1] if self._segments else None
        if (kind == COPY and prev is not None and prev.kind == COPY
                and prev.src_end == src_start and prev.prose_end == self._len):
            self._segments[-1] = Segment(prev.prose_start, self._len + len(text), prev.src_start, src_end, COPY)
        else:
            self._segments.append(Segment(self._len, self._len + len(text), src_start, src_end, kind))
        self._parts.append(text)
        self._len += len(text)

    def copy(self, start: int, end: int, raw: bool = False) -> None:
        """Copy source[start:end]; `raw` ignores the masks (prose inside markup, such as a
        caption parameter inside a shortcode)."""
        if end <= start:
            return
        if self.masks is None or raw:
            self._add(self.source[start:end], start, end, COPY)
            return
        for s, e, stand_in in self.masks.pieces(start, end):
            if stand_in is None:
                self._add(self.source[s:e], s, e, COPY)
            else:
                self._add(stand_in, s, e, REPLACED)

    def replace(self, text: str, start: int, end: int) -> None:
        self._add(text, start, end, REPLACED)

    def gap(self, text: str, at: int) -> None:
        self._add(text, at, at, GAP)

    def build(self) -> tuple[str, SourceMap]:
        return "".join(self._parts), SourceMap(self._segments)


# --- blocks, sentences, words ------------------------------------------------------------

SCOPES = ("headline", "standfirst", "paragraph", "blockquote", "list", "caption", "table", "quote")


@dataclass(frozen=True)
class Block:
    """A run of prose (prose offsets) with a scope such as paragraph or headline."""

    start: int
    end: int
    scope: str = "paragraph"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Word(Span):
    index: int = 0  # position in doc.words

    # computed once per word (several rules ask for every word's form)
    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def norm(self) -> str:
        """Lower case with curly apostrophes straightened."""
        return self.text.lower().replace("\u2019", "'")


@dataclass(frozen=True)
class Sentence(Span):
    block: Block = field(default_factory=lambda: Block(0, 0))


WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., p.m.
    r"|[^\W\d_][^\W_]*(?:['\u2019][^\W\d_]+)*(?:-[^\W_]+(?:['\u2019][^\W\d_]+)*)*"
    # a number, with a unit or ordinal suffix only when no letter follows it: "£54.7million"
    # is a number and "million", not "54.7m" and "illion"
    r"|\d(?:[\d,.]*\d)?(?:(?:st|nd|rd|th|s|am|pm|m|bn|k|km|kg|mph)(?![^\W\d_])|%)?",
)

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep gen col lt sgt capt cmdr adm maj rev hon pres supt det
    st jr sr inc ltd co corp bros vs etc al approx dept est fig no nos vol ave blvd rd mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.g i.e a.m p.m d.c u.s.a""".split()
)
_STARTERS = frozenset("""the a an he she it they we i you but and so yet in on at for this that these
those there his her their its our my some many most police officials no not if when while after before
as since however meanwhile""".split())
# from the start of a run of marks only: "a....b" is read once, not from each of its dots
_SENT_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)")
_QUOTE_PAIR = re.compile(r"\u201c[^\u201c\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)", re.S)


class Document:
    """Source text, prose projection, map, blocks and lazily computed tokens."""

    def __init__(self, path: str, source: str, prose: str, smap: SourceMap, blocks: Sequence[Block],
                 fmt: str = "plain", front_matter: dict[str, Any] | None = None,
                 notices: Iterable[tuple[int, str]] = (), limits: Iterable[str] = (),
                 _line_starts: list[int] | None = None) -> None:
        self.path = path
        self.source = source
        self.prose = prose
        self.smap = smap
        self.blocks = list(blocks)
        self.format = fmt
        self.front_matter = front_matter or {}
        # (source offset, message) problems found while parsing, e.g. malformed front matter
        self.notices = list(notices)
        # limits the story reached (``newslint.limits``): what was not read, said to the user
        self.limits = list(limits)
        self._memo: dict[Callable[[Document], Any], Any] = {}
        # the language the story declares (front matter lang/locale, <html lang>), if any
        self.language: str | None = _declared_language(self.front_matter)
        if _line_starts is not None:
            self.__dict__["line_starts"] = _line_starts  # shared by the sections of one story

    def sections(self, max_chars: int) -> list["Document"]:
        """This document as views of consecutive blocks of at most `max_chars` of prose each
        (a longer block is cut, at a sentence end where it can be). Views share the source,
        prose and map; words, sentences and memos are per view, so a long story is held a
        section at a time. A story of `max_chars` or less is its own single section."""
        if not self.blocks or self.blocks[-1].end - self.blocks[0].start <= max_chars:
            return [self]
        groups: list[list[Block]] = []
        for block in self.blocks:
            for s, e in pieces(self.prose, block.start, block.end, max_chars):
                b = block if (s, e) == (block.start, block.end) else Block(s, e, block.scope)
                if groups and b.end - groups[-1][0].start <= max_chars:
                    groups[-1].append(b)
                else:
                    groups.append([b])
        return [self.view(g, with_notices=i == 0) for i, g in enumerate(groups)]

    def view(self, blocks: list[Block], with_notices: bool = True) -> "Document":
        """This document restricted to `blocks`: the same source, prose and map, its own
        words, sentences and memos."""
        return Document(self.path, self.source, self.prose, self.smap, blocks, self.format, self.front_matter,
                        self.notices if with_notices else (), _line_starts=self.line_starts)

    def memo(self, compute: "Callable[[Document], T]") -> T:
        """``compute(self)``, computed once for this document and shared by the rules that
        ask for it (the readability numbers, say). The function is the key, so pass a
        module-level function, not a lambda: two rules cannot collide on a name."""
        try:
            return self._memo[compute]
        except KeyError:
            value = self._memo[compute] = compute(self)
            return value

    # -- positions ---------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.source)

    def line_col(self, src_offset: int) -> tuple[int, int]:
        i = bisect_right(self.line_starts, src_offset) - 1
        return i + 1, src_offset - self.line_starts[i] + 1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        s = self.smap.to_source(start)
        e = self.smap.to_source(end, is_end=True)
        return s, max(e, s)

    # -- tokens --------------------------------------------------------------------------------
    @cached_property
    def words(self) -> list[Word]:
        out: list[Word] = []
        for block in self.blocks:
            for m in WORD_RE.finditer(self.prose, block.start, block.end):
                out.append(Word(m.start(), m.end(), m.group(0), len(out)))
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for block in self.blocks:
            out.extend(split_sentences(self.prose, block))
        return out

    @cached_property
    def quote_spans(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for block in self.blocks:
            text = self.prose[block.start:block.end]
            for m in _QUOTE_PAIR.finditer(text):
                spans.append((block.start + m.start(), block.start + m.end()))
        return spans

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quote_spans]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        i = bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quote_spans[i][0] <= start and end <= self.quote_spans[i][1]

    @cached_property
    def word_count(self) -> int:
        return sum(1 for w in self.words if not w.text[0].isdigit())

    # -- reporting -----------------------------------------------------------------------------
    def diagnostic(self, rule: "Rule", start: int, end: int, message: str,
                   suggestions: Sequence[str] = (), severity: Severity | None = None,
                   category: Category | None = None, fix_text: str | None = None,
                   rule_id: str | None = None, safe: bool = True) -> Diagnostic:
        """Build a diagnostic for the prose span [start, end)."""
        s, e = self.source_span(start, end)
        return self.diagnostic_at_source(rule, s, e, message, suggestions, severity, category,
                                         fix_text if self.smap.is_verbatim(start, end) else None,
                                         rule_id, safe)

    def diagnostic_at_source(self, rule: "Rule", s: int, e: int, message: str,
                             suggestions: Sequence[str] = (), severity: Severity | None = None,
                             category: Category | None = None, fix_text: str | None = None,
                             rule_id: str | None = None, safe: bool = True) -> Diagnostic:
        line, col = self.line_col(s)
        end_line, end_col = self.line_col(e)
        fix = None
        if fix_text is not None:
            fix = Fix((Edit(s, e, fix_text),),
                      Applicability.SAFE if safe else Applicability.UNSAFE,
                      f"replace with {fix_text!r}" if fix_text else "delete")
        return Diagnostic(
            path=self.path, line=line, column=col, end_line=end_line, end_column=end_col,
            rule=rule_id or rule.id, category=category or rule.category,
            severity=severity or rule.default_severity, message=message,
            suggestions=tuple(suggestions), fix=fix, start=s, end=e, precedence=rule.precedence,
        )


_LANGUAGE_KEYS = ("lang", "language", "locale", "languagecode", "inlanguage")


def _declared_language(front_matter: dict[str, Any]) -> str | None:
    for key, value in front_matter.items():
        if str(key).lower() in _LANGUAGE_KEYS and isinstance(value, str) and value.strip():
            return value.strip()
    return None


_LINE_BREAK = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts. A line ends at "\n", "\r\n" or a lone
    "\r" (old Mac files), as editors, LSP and markdown-it count them."""
    if "\r" in text:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def line_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, the end before its line break."""
    out = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


_SENTENCE_CUT = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s")
_SPACE = re.compile(r"\s")


def pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """text[start:end] as consecutive pieces of at most `limit` characters, each cut after the
    last sentence end in its second half, else after its last space, else where it must."""
    out = []
    while end - start > limit:
        cut = -1
        for pattern in (_SENTENCE_CUT, _SPACE):
            for m in pattern.finditer(text, start + limit // 2, start + limit):
                cut = m.end()
            if cut != -1:
                break
        cut = cut if cut != -1 else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def split_sentences(text: str, block: Block) -> list[Sentence]:
    """Split one block into sentences, keeping news abbreviations and initials intact."""
    out: list[Sentence] = []
    start = block.start
    # skip leading whitespace
    while start < block.end and text[start].isspace():
        start += 1
    for m in _SENT_END.finditer(text, block.start, block.end):
        end = m.end()
        if end >= block.end:
            break
        if text[m.start()] == "." and m.group(0).startswith(".") and len(m.group(0).rstrip("\"'\u201d\u2019)]")) == 1:
            # the word before the period
            j = m.start()
            k = j
            while k > block.start and not text[k - 1].isspace() and text[k - 1] not in "(\"\u201c":
                k -= 1
            prev = text[k:j].lower().rstrip(".")
            if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()):
                nxt = _next_word(text, end, block.end)
                # "No. 10", "Sept. 5", "Mr. Smith": never a sentence end
                if prev not in {"etc", "a.m", "p.m", "u.s", "inc", "ltd", "co", "corp"}:
                    continue
                # "in the U.S. The ...": an ambiguous abbreviation ends the sentence only
                # before a word that typically starts one
                first = re.match(r"[A-Za-z]+", nxt)
                if not first or first.group(0).lower() not in _STARTERS:
                    continue
        nxt = _next_word(text, end, block.end)
        if nxt and nxt[0].islower():
            continue
        s = start
        if end > s:
            out.append(Sentence(s, end, text[s:end], block))
        start = end
        while start < block.end and text[start].isspace():
            start += 1
    end = block.end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], block))
    return out


def _next_word(text: str, pos: int, limit: int) -> str:
    while pos < limit and text[pos].isspace():
        pos += 1
    while pos < limit and text[pos] in "\"'\u201c\u2018([":
        pos += 1
    return text[pos:pos + 12]
