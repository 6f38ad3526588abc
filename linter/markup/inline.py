"""Markdown inline scanning over source ranges, emitting prose with an exact map.

A block's content is a list of source ranges (one per line, container prefixes such as
``> `` and list markers already removed). The scanner walks that content and tells a
``ProseBuilder`` which characters are prose (copied verbatim), which stand for something
else (entities, escapes) and which are not prose at all (code spans, link destinations,
URLs, HTML tags, template expressions, emphasis markers).
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right

from ..document import ProseBuilder
from .masks import ENTITY, MASK_CHAR as PLACEHOLDER  # stands for a code span, URL or template expression

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\]\[\"'`]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
# Every pattern that is tried at many places stops at the next place it could start again
# (a comment at the next "<!--", a template tag at the next "{{"), so a flood of openers that
# never close is read in linear time.
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--(?:(?!<!--)[\s\S])*?--|"
                       r"\?(?:(?!<\?)[\s\S])*?\?|![A-Z][^<>]*)>")
_TEMPLATE = re.compile(r"\{\{(?:(?!\{\{)[\s\S])*?\}\}|\{%(?:(?!\{%)[\s\S])*?%\}|\{#(?:(?!\{#)[\s\S])*?#\}")
# file names and domains written in text ("astro.config.mjs", ".env", "login.gov"): a name, then
# a dot and a common file extension or top-level domain, with no space anywhere
_EXTENSIONS = ("js|mjs|cjs|ts|tsx|jsx|json|jsonc|md|mdx|markdown|yaml|yml|toml|html|htm|css|scss|sass|less|py|rb|"
               "go|rs|java|php|sh|bash|zsh|ps1|txt|csv|tsv|pdf|png|jpe?g|gif|svg|webp|avif|ico|xml|lock|env|cfg|"
               "ini|conf|log|zip|gz|tgz|tar|sql|vue|svelte|astro|map|wasm|docx?|xlsx?|pptx?|exe|dll|so|dmg|"
               "com|org|net|gov|edu|io|dev")
_FILENAME = re.compile(r"(?:(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*|(?<![\w.])\.[a-z][\w-]*)\.(?:"
                       + _EXTENSIONS
                       + r")(?!\w|\.\w)|(?<![\w.])\.(?:env|gitignore|npmrc|nvmrc|editorconfig|prettierrc|"
                       r"eslintrc|babelrc|htaccess|dockerignore)(?!\w|\.\w)")
# identifiers written in running text, which are code, not words: "pkg::fn", "snake_case",
# "camelCase" (two lower-case letters or more first: "iPhone" and "eBay" are brand names), a
# path of two slashes or more ("src/pages/index"), a path from the root ("/usr/bin") and a
# command-line flag ("--dry-run")
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*(?:::\w+)+|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?![\w])"
                         r"|[a-z]{2,}(?:[A-Z][a-z0-9]+)+(?![\w])|[\w.-]+(?:/[\w.-]+){2,}")
_ROOTED = re.compile(r"/[A-Za-z_.][\w.-]*(?:/[\w.-]+)+|--[a-z][\w-]*")
# template expressions, URLs, e-mail addresses and file names inside plain runs of text (HTML data)
NOT_PROSE_IN_TEXT = re.compile(_TEMPLATE.pattern + "|(?i:" + _URL.pattern + ")|(?<![\\w.+-])" + _EMAIL.pattern + "|"
                               + _FILENAME.pattern + r"|(?<![\w.:/-])(?:" + _IDENTIFIER.pattern + ")"
                               + r"|(?<![\w/])(?:" + _ROOTED.pattern + ")", re.S)
_BREAK = re.compile(r"\r\n?|\n")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class Virtual:
    """Content of a block as one string, with each position's source offset."""

    def __init__(self, source: str, ranges: list[tuple[int, int]]) -> None:
        parts: list[str] = []
        self.pieces: list[tuple[int, int, int]] = []  # (virtual start, source start, length)
        pos = 0
        for i, (s, e) in enumerate(ranges):
            if i:
                # the line break between two content lines: the source's "\n" (of "\r\n"), or a lone "\r"
                m = _BREAK.search(source, ranges[i - 1][1], max(s, ranges[i - 1][1]))
                nl = (m.end() - 1) if m else ranges[i - 1][1]
                parts.append("\n")
                self.pieces.append((pos, min(nl, len(source) - 1) if source else 0, 1))
                pos += 1
            parts.append(source[s:e])
            self.pieces.append((pos, s, e - s))
            pos += e - s
        self.text = "".join(parts)
        self._starts = [v0 for v0, _, _ in self.pieces]

    def copy(self, b: ProseBuilder, vs: int, ve: int) -> None:
        k = max(bisect_right(self._starts, vs) - 1, 0)
        while k < len(self.pieces) and self.pieces[k][0] < ve:
            v0, s0, n = self.pieces[k]
            lo, hi = max(vs, v0), min(ve, v0 + n)
            if lo < hi:
                if n == 1 and self.text[v0] == "\n" and b.source[s0:s0 + 1] != "\n":
                    b.gap("\n", s0)
                else:
                    b.copy(s0 + lo - v0, s0 + hi - v0)
            k += 1

    def src(self, v: int) -> int:
        k = bisect_right(self._starts, v) - 1
        if k < 0:
            return self.pieces[0][1] if self.pieces else 0
        v0, s0, n = self.pieces[k]
        return s0 + min(v - v0, n)


_INTERESTING = re.compile(r"[\\`\[\]()]")


def _code_span_end(t: str, i: int, unclosed: dict[int, int]) -> int:
    """`t[i]` starts a run of backticks: the index after the run that closes it (as long and
    not followed by another backtick), or -1. `unclosed` remembers, per run length, the
    offset after which no closing run exists."""
    k = i
    n = len(t)
    while k < n and t[k] == "`":
        k += 1
    ticks = k - i
    if unclosed.get(ticks, n + 1) <= k:
        return -1
    close = t.find("`" * ticks, k)
    while close != -1 and close + ticks < n and t[close + ticks] == "`":
        close = t.find("`" * ticks, close + ticks + 1)
    if close == -1:
        unclosed[ticks] = min(unclosed.get(ticks, n + 1), k)
        return -1
    return close + ticks


def _bracket_pairs(t: str, unclosed: dict[int, int]) -> dict[int, int]:
    """The index of the bracket that closes each "[" and "(" of `t` (escapes and code spans
    skipped), found in one pass with a stack: matching each opener by a scan of its own took
    time quadratic in a flood of "["."""
    pairs: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    n = len(t)
    m = _INTERESTING.search(t)
    while m:
        j = m.start()
        c = t[j]
        if c == "\\":
            j += 2
        elif c == "`":
            end = _code_span_end(t, j, unclosed)
            if end == -1:
                while j < n and t[j] == "`":
                    j += 1
            else:
                j = end
        else:
            if c in "[(":
                stacks[c].append(j)
            else:
                stack = stacks["[" if c == "]" else "("]
                if stack:
                    pairs[stack.pop()] = j
            j += 1
        m = _INTERESTING.search(t, j) if j < n else None
    return pairs


def reference_labels(source: str) -> frozenset[str]:
    """The labels of the link reference definitions (``[label]: url``) of a Markdown source,
    in lower case."""
    return frozenset(m.group(1).lower() for m in _DEFINITION.finditer(source))


_DEFINITION = re.compile(r"^[ \t]{0,3}\[([^\]\r\n]+)\]:", re.M)


_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def scan_inline(b: ProseBuilder, source: str, ranges: list[tuple[int, int]],
                alt_texts: list[tuple[int, int]] | None = None, references: frozenset[str] | None = None) -> None:
    """Emit the prose of one Markdown inline block into the builder; the source ranges of the
    alt text of inline HTML images go to `alt_texts`. `references` are the document's link
    reference labels (``reference_labels``), found here when not given."""
    if not ranges:
        return
    if references is None:
        references = reference_labels(source)
    v = Virtual(source, ranges)
    t = v.text
    n = len(t)
    unclosed: dict[int, int] = {}  # see _code_span_end
    pairs = _bracket_pairs(t, unclosed)
    skip_at: dict[int, int] = {}  # link text closing "]" -> index after the destination
    run = 0  # start of the pending verbatim run
    i = 0

    def flush(upto: int) -> None:
        if upto > run:
            v.copy(b, run, upto)

    def placeholder(s: int, e: int) -> None:
        b.replace(PLACEHOLDER, v.src(s), v.src(e))

    while i < n:
        c = t[i]
        if i in skip_at:
            flush(i)
            i = run = skip_at.pop(i)
            continue
        if c == "\\" and i + 1 < n and t[i + 1] in _ASCII_PUNCT:
            flush(i)
            b.replace(t[i + 1], v.src(i), v.src(i + 2))
            i = run = i + 2
            continue
        if c == "`":
            end = _code_span_end(t, i, unclosed)
            if end == -1:
                while i < n and t[i] == "`":
                    i += 1
                continue
            flush(i)
            placeholder(i, end)
            i = run = end
            continue
        if c == "<":
            m = _AUTOLINK.match(t, i)
            if m:
                flush(i)
                placeholder(i, m.end())
                i = run = m.end()
                continue
            m = _HTML_TAG.match(t, i)
            if m:
                flush(i)
                name = m.group(0)[1:].lstrip("/").split(None, 1)[0].rstrip(">/").lower() if len(m.group(0)) > 2 else ""
                if name in ("br", "hr"):
                    b.gap(" ", v.src(i))
                elif name == "img" and alt_texts is not None:
                    a = _ALT.search(m.group(0))
                    g = 1 if a and a.group(1) is not None else 2
                    if a and a.group(g).strip():
                        alt_texts.append((v.src(i + a.start(g)), v.src(i + a.end(g))))
                i = run = m.end()
                continue
        if c == "{" and i + 1 < n and t[i + 1] in "{%#":
            m = _TEMPLATE.match(t, i)
            if m:
                flush(i)
                placeholder(i, m.end())
                i = run = m.end()
                continue
        if c == "!" and i + 1 < n and t[i + 1] == "[":
            close = pairs.get(i + 1, -1)
            if close != -1:
                end = _link_tail(t, close + 1, pairs)
                if end != -1:
                    # alt text is published copy (screen readers read it); the source is not
                    flush(i)
                    run = i + 2
                    skip_at[close] = end
                    i += 2
                    continue
        if c == "[":
            close = pairs.get(i, -1)
            if close != -1:
                if t.startswith("[^", i):  # footnote reference
                    flush(i)
                    placeholder(i, close + 1)
                    i = run = close + 1
                    continue
                end = _link_tail(t, close + 1, pairs)
                if end == -1 and not (t[i + 1:close].strip() and t[i + 1:close].lower() in references):
                    i += 1  # brackets with no link after them and no definition: literal text
                    continue
                flush(i)
                run = i + 1
                skip_at[close] = end if end != -1 else close + 1
                i += 1
                continue
        if c in "*_~":
            k = i
            while k < n and t[k] == c:
                k += 1
            before = t[i - 1] if i > 0 else " "
            after = t[k] if k < n else " "
            if c == "_" and before.isalnum() and after.isalnum():
                i = k  # intraword underscore is literal
                continue
            if c == "~" and k - i < 2:
                i = k
                continue
            if before.isspace() and after.isspace():
                i = k  # a lone "*" between spaces is literal
                continue
            flush(i)
            i = run = k
            continue
        if c == "&":
            m = ENTITY.match(t, i)
            if m:
                flush(i)
                b.replace(html.unescape(m.group(0)), v.src(i), v.src(m.end()))
                i = run = m.end()
                continue
        if (c.isalnum() or c == ".") and (i == 0 or not (t[i - 1].isalnum() or t[i - 1] in "._-")):
            m = _FILENAME.match(t, i) or _IDENTIFIER.match(t, i)
            if m:
                flush(i)
                placeholder(i, m.end())
                i = run = m.end()
                continue
        if c in "/-" and (i == 0 or not (t[i - 1].isalnum() or t[i - 1] in "/_-")):
            m = _ROOTED.match(t, i)
            if m:
                flush(i)
                placeholder(i, m.end())
                i = run = m.end()
                continue
        if c in "hHfFwW" and (i == 0 or not t[i - 1].isalnum()):
            m = _URL.match(t, i)
            if m:
                end = m.end()
                while end > i and t[end - 1] in ".,;:!?)":
                    end -= 1
                flush(i)
                placeholder(i, end)
                i = run = end
                continue
        if c == "@" and i > 0 and t[i - 1].isalnum():
            # an e-mail address: back up over the local part already in the run
            s = i
            while s > run and (t[s - 1].isalnum() or t[s - 1] in "._+-"):
                s -= 1
            m = _EMAIL.match(t, s)
            if m and m.end() > i:
                flush(s)
                placeholder(s, m.end())
                i = run = m.end()
                continue
        i += 1
    flush(n)


def _link_tail(t: str, j: int, pairs: dict[int, int]) -> int:
    """After a link's "]": the end of "(destination)" or "[ref]", or -1."""
    if j < len(t) and t[j] == "(":
        close = pairs.get(j, -1)
        return close + 1 if close != -1 else -1
    if j < len(t) and t[j] == "[":
        close = t.find("]", j)
        return close + 1 if close != -1 else -1
    return -1
