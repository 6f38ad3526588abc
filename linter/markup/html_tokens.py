"""An HTML tokenizer with exact source offsets, in time linear in its input.

It follows the tokenizer of the HTML standard (https://html.spec.whatwg.org/#tokenization) in
what matters for finding prose: start and end tags with their attributes, text, character
references, comments, bogus comments (``<!doctype>``, ``<?xml?>``, marked sections such as
``<![CDATA[...]]>`` or ``<![if !IE]>``), and the raw text of ``<script>`` and ``<style>``. Like
the standard, it never looks back: a construct left open at the end of the input (``<a href="``,
``<!--``) runs to the end, so every character is read a bounded number of times. The standard
library's ``html.parser`` re-reads an unclosed tag from each ``<`` that follows (20,000 of
``<a `` take minutes) and raises on some marked sections.

Tokens are tuples:

- ``("start", name, attrs, start, end, self_closing)``; `attrs` is a list of
  ``(name, value, value_start, value_end, quoted)`` (names lower-cased, values with character
  references resolved, the span of the raw value in the source);
- ``("end", name, start, end)``;
- ``("text", start, end)``: text without character references;
- ``("ref", start, end, text)``: a character reference and the text it stands for.
"""
from __future__ import annotations

import html
import re
from typing import Iterator

RAW_TEXT = frozenset({"script", "style"})  # their content is not markup (as in html.parser)
_WS = "\t\n\f\r "
_SPECIAL = re.compile(r"[<&]")
_REF = re.compile(r"&(?:#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_SPACE = re.compile(r"[\t\n\f\r /]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r /=>]*")
_EQUALS = re.compile(r"[\t\n\f\r ]*=[\t\n\f\r ]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_COMMENT_END = re.compile(r"--!?>")
_RAW_END: dict[str, re.Pattern] = {}


def unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple]:
    """The tokens of ``text[start:end]``, with offsets into `text`."""
    end = len(text) if end is None else end
    i = start
    while i < end:
        m = _SPECIAL.search(text, i, end)
        if m is None:
            yield ("text", i, end)
            return
        j = m.start()
        if j > i:
            yield ("text", i, j)
        i = j
        if text[i] == "&":
            r = _REF.match(text, i, end)
            if r:
                value = html.unescape(r.group(0))
                if value != r.group(0):
                    yield ("ref", i, r.end(), value or " ")
                else:
                    yield ("text", i, r.end())
                i = r.end()
            else:
                yield ("text", i, i + 1)
                i += 1
            continue
        nxt = text[i + 1] if i + 1 < end else ""
        if nxt.isascii() and nxt.isalpha():
            i = yield from _tag(text, i, end)
        elif nxt == "/":
            after = text[i + 2] if i + 2 < end else ""
            if after.isascii() and after.isalpha():
                i = yield from _tag(text, i, end)
            elif after == ">":
                i += 3  # "</>" is nothing
            else:
                i = _to_gt(text, i + 2, end)  # a bogus comment
        elif nxt == "!":
            if text.startswith("<!--", i):
                if text.startswith(">", i + 4, end) or text.startswith("->", i + 4, end):
                    i = text.index(">", i + 4) + 1  # "<!-->", "<!--->": empty comments
                else:
                    c = _COMMENT_END.search(text, i + 4, end)
                    i = c.end() if c else end
            else:
                i = _to_gt(text, i + 2, end)  # doctype, marked sections, CDATA: bogus comments
        elif nxt == "?":
            i = _to_gt(text, i + 2, end)
        else:
            yield ("text", i, i + 1)  # a "<" that opens nothing is text
            i += 1


def _to_gt(text: str, i: int, end: int) -> int:
    k = text.find(">", i, end)
    return end if k == -1 else k + 1


def _tag(text: str, i: int, end: int):
    """A start or end tag at `i` (a generator that returns the offset after it)."""
    closing = text[i + 1] == "/"
    j = i + (2 if closing else 1)
    name_m = _TAG_NAME.match(text, j, end)
    name = name_m.group(0).lower()
    j = name_m.end()
    attrs: list[tuple[str, str | None, int, int, bool]] = []
    while True:
        j = _SPACE.match(text, j, end).end()
        if j >= end:
            return end  # a tag open at the end of the input is dropped, as the standard says
        if text[j] == ">":
            j += 1
            break
        a = _ATTR_NAME.match(text, j, end)
        j = a.end()
        value: str | None = None
        vs = ve = j
        quoted = False
        eq = _EQUALS.match(text, j, end)
        if eq:
            j = eq.end()
            if j < end and text[j] in "\"'":
                k = text.find(text[j], j + 1, end)
                if k == -1:
                    return end
                vs, ve, quoted = j + 1, k, True
                j = k + 1
            else:
                u = _UNQUOTED.match(text, j, end)
                vs, ve = j, u.end()
                j = u.end()
            value = unescape(text[vs:ve])
        attrs.append((a.group(0).lower(), value, vs, ve, quoted))
    self_closing = j - 2 >= name_m.end() and text[j - 2] == "/"
    if closing:
        yield ("end", name, i, j)
        return j
    yield ("start", name, attrs, i, j, self_closing)
    if name in RAW_TEXT and not self_closing:
        pattern = _RAW_END.get(name)
        if pattern is None:
            pattern = _RAW_END[name] = re.compile(r"</" + re.escape(name) + r"(?=[\t\n\f\r />])", re.I)
        close = pattern.search(text, j, end)
        k = close.start() if close else end
        if k > j:
            yield ("text", j, k)
        return k
    return j
