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

from ..document import ProseBuilder
from .masks import ENTITY, MASK_CHAR as PLACEHOLDER  # stands for a code span, URL or template expression

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\]\[\"'`]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--|\?.*?\?|![A-Z][^>]*)>", re.S)
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# file names and domains written in text ("astro.config.mjs", ".env", "login.gov"): a name, then
# a dot and a common file extension or top-level domain, with no space anywhere
_EXTENSIONS = ("js|mjs|cjs|ts|tsx|jsx|json|jsonc|md|mdx|markdown|yaml|yml|toml|html|htm|css|scss|sass|less|py|rb|"
               "go|rs|java|php|sh|bash|zsh|ps1|txt|csv|tsv|pdf|png|jpe?g|gif|svg|webp|avif|ico|xml|lock|env|cfg|"
               "ini|conf|log|zip|gz|tgz|tar|sql|vue|svelte|astro|map|wasm|docx?|xlsx?|pptx?|exe|dll|so|dmg|"
               "com|org|net|gov|edu|io|dev")
_FILENAME = re.compile(r"(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*|(?<![\w.])\.[a-z][\w-]*)\.(?:" + _EXTENSIONS
                       + r")(?!\w|\.\w)|(?<![\w.])\.(?:env|gitignore|npmrc|nvmrc|editorconfig|prettierrc|"
                       r"eslintrc|babelrc|htaccess|dockerignore)(?!\w|\.\w)")
# template expressions, URLs, e-mail addresses and file names inside plain runs of text (HTML data)
NOT_PROSE_IN_TEXT = re.compile(_TEMPLATE.pattern + "|(?i:" + _URL.pattern + ")|" + _EMAIL.pattern + "|"
                               + _FILENAME.pattern, re.S)
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
                m = _BREAK.search(source, ranges[i - 1][1])
                nl = (m.end() - 1) if m else len(source) - 1
                parts.append("\n")
                self.pieces.append((pos, max(nl, 0), 1))
                pos += 1
            parts.append(source[s:e])
            self.pieces.append((pos, s, e - s))
            pos += e - s
        self.text = "".join(parts)

    def copy(self, b: ProseBuilder, vs: int, ve: int) -> None:
        for v0, s0, n in self.pieces:
            lo, hi = max(vs, v0), min(ve, v0 + n)
            if lo < hi:
                if n == 1 and self.text[v0] == "\n" and b.source[s0:s0 + 1] != "\n":
                    b.gap("\n", s0)
                else:
                    b.copy(s0 + lo - v0, s0 + hi - v0)

    def src(self, v: int) -> int:
        for v0, s0, n in reversed(self.pieces):
            if v >= v0:
                return s0 + min(v - v0, n)
        return self.pieces[0][1] if self.pieces else 0


def _match_bracket(t: str, i: int, open_: str, close: str) -> int:
    """Index of the bracket closing t[i], or -1."""
    depth = 0
    j = i
    while j < len(t):
        c = t[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            run = len(t[j:]) - len(t[j:].lstrip("`"))
            k = t.find("`" * run, j + run)
            j = (k + run) if k != -1 else j + run
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def scan_inline(b: ProseBuilder, source: str, ranges: list[tuple[int, int]],
                alt_texts: list[tuple[int, int]] | None = None) -> None:
    """Emit the prose of one Markdown inline block into the builder; the source ranges of the
    alt text of inline HTML images go to `alt_texts`."""
    if not ranges:
        return
    v = Virtual(source, ranges)
    t = v.text
    n = len(t)
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
            k = i
            while k < n and t[k] == "`":
                k += 1
            ticks = k - i
            close = t.find("`" * ticks, k)
            while close != -1 and close + ticks < n and t[close + ticks] == "`":
                close = t.find("`" * ticks, close + ticks + 1)
            if close == -1:
                i = k
                continue
            flush(i)
            placeholder(i, close + ticks)
            i = run = close + ticks
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
            close = _match_bracket(t, i + 1, "[", "]")
            if close != -1:
                end = _link_tail(t, close + 1)
                if end != -1:
                    # alt text is published copy (screen readers read it); the source is not
                    flush(i)
                    run = i + 2
                    skip_at[close] = end
                    i += 2
                    continue
        if c == "[":
            close = _match_bracket(t, i, "[", "]")
            if close != -1:
                if t.startswith("[^", i):  # footnote reference
                    flush(i)
                    placeholder(i, close + 1)
                    i = run = close + 1
                    continue
                end = _link_tail(t, close + 1)
                if end == -1 and not _is_reference(source, t[i + 1:close]):
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
            m = _FILENAME.match(t, i)
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


def _is_reference(source: str, label: str) -> bool:
    """`[label]` is a shortcut reference link: the document defines `[label]: url`."""
    return bool(label.strip()) and re.search(r"^[ \t]{0,3}\[" + re.escape(label) + r"\]:", source, re.M | re.I) is not None


def _link_tail(t: str, j: int) -> int:
    """After a link's "]": the end of "(destination)" or "[ref]", or -1."""
    if j < len(t) and t[j] == "(":
        close = _match_bracket(t, j, "(", ")")
        return close + 1 if close != -1 else -1
    if j < len(t) and t[j] == "[":
        close = t.find("]", j)
        return close + 1 if close != -1 else -1
    return -1
