"""MDX: Markdown with ESM, JSX and JavaScript expressions (the MDX 2/3 grammar).

What is not prose, found by its own grammar rather than by patterns that break on nesting:

- ``import`` / ``export`` statements at the start of a line (an ESM block runs to the next
  blank line);
- ``{expressions}``, read as JavaScript (strings, template literals, comments, nested braces),
  and ``{/* comments */}``;
- JSX tags ``<Aside type="tip" title="...">``, ``</Aside>``, ``<Image src={img} />``, read
  attribute by attribute; the children of a component are Markdown and stay prose; the
  content of ``<pre>``, ``<code>``, ``<script>``, ``<style>`` does not;
- fenced code, whatever its indentation inside components (MDX has no indented code);
- directive fences of asides, ``:::tip[Title]`` ... ``:::``: the title is a headline.

Prose-bearing props (``title``, ``alt``, ``caption`` by default) become caption blocks.
"""
from __future__ import annotations

import re

from .masks import EXPR, HIDDEN, Extra, Mask

PROSE_PROPS = ("alt", "caption", "title")
_ESM = re.compile(r"(?:import|export)(?=[\s{*])")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_DIRECTIVE = re.compile(r"[ \t]*:{3,}[ \t]*([\w-]*)[ \t]*(?:\[([^\]\n]*)\])?[ \t]*(?:\{[^}\n]*\})?[ \t]*\r?$")
_TAG_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:][\w.:-]*")
_CODE_ELEMENTS = {"pre": HIDDEN, "script": HIDDEN, "style": HIDDEN, "svg": HIDDEN, "math": HIDDEN,
                  "code": EXPR, "kbd": EXPR, "samp": EXPR, "var": EXPR}


def _js_end(s: str, i: int) -> int:
    """`s[i]` is "{": the index after its matching "}", reading JavaScript; -1 if none."""
    depth = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in "\"'":
            j = i + 1
            while j < n and s[j] != c and s[j] != "\n":
                j += 2 if s[j] == "\\" else 1
            i = j + 1
            continue
        if c == "`":
            j = i + 1
            while j < n and s[j] != "`":
                if s.startswith("${", j):
                    k = _js_end(s, j + 1)
                    if k == -1:
                        return -1
                    j = k
                    continue
                j += 2 if s[j] == "\\" else 1
            i = j + 1
            continue
        if s.startswith("/*", i):
            k = s.find("*/", i + 2)
            if k == -1:
                return -1
            i = k + 2
            continue
        if s.startswith("//", i) and depth:
            k = s.find("\n", i)
            i = n if k == -1 else k
            continue
        if c == "<" and depth and _TAG_NAME.match(s, i + 1):  # JSX inside an expression
            k = _tag_end(s, i)
            if k != -1:
                i = k
                continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _tag_end(s: str, i: int, props: list[tuple[str, int, int]] | None = None) -> int:
    """`s[i]` is "<": the index after the JSX tag that starts there, or -1. String-valued
    attributes are appended to `props` as (name, start, end)."""
    j = i + 1
    n = len(s)
    if j < n and s[j] == ">":
        return j + 1  # fragment <>
    if j < n and s[j] == "/":
        j += 1
    m = _TAG_NAME.match(s, j)
    if not m:
        return -1 if not s.startswith("</>", i) else i + 3
    j = m.end()
    while j < n:
        c = s[j]
        if c in " \t\r\n":
            j += 1
        elif c == ">":
            return j + 1
        elif s.startswith("/>", j):
            return j + 2
        elif c == "{":
            k = _js_end(s, j)
            if k == -1:
                return -1
            j = k
        else:
            a = _ATTR_NAME.match(s, j)
            if not a:
                return -1
            j = a.end()
            while j < n and s[j] in " \t":
                j += 1
            if j < n and s[j] == "=":
                j += 1
                while j < n and s[j] in " \t\r\n":
                    j += 1
                if j < n and s[j] in "\"'":
                    k = s.find(s[j], j + 1)
                    if k == -1:
                        return -1
                    if props is not None:
                        props.append((a.group(0), j + 1, k))
                    j = k + 1
                elif j < n and s[j] == "{":
                    k = _js_end(s, j)
                    if k == -1:
                        return -1
                    j = k
                elif j < n and s[j] == "<":
                    k = _tag_end(s, j)
                    if k == -1:
                        return -1
                    j = k
                else:
                    return -1
    return -1


def mdx_masks(source: str, prose_props: tuple[str, ...] = PROSE_PROPS) -> tuple[list[Mask], list[Extra]]:
    masks: list[Mask] = []
    extras: list[Extra] = []
    n = len(source)
    i = 0
    line_start = True
    while i < n:
        if line_start:
            line_start = False
            eol = source.find("\n", i)
            eol = n if eol == -1 else eol
            fence = _FENCE.match(source, i, eol)
            if fence:
                marker = fence.group(1)
                close = re.compile(r"^[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*\r?$", re.M)
                c = close.search(source, eol + 1)
                end = c.end() if c else n
                masks.append(Mask(i, end, HIDDEN))
                i = end
                continue
            if _ESM.match(source, i):
                blank = re.compile(r"\n[ \t]*\r?(?:\n|$)").search(source, i)
                end = blank.start() if blank else n
                masks.append(Mask(i, end, HIDDEN))
                i = end
                continue
            d = _DIRECTIVE.match(source, i, eol)
            if d:
                masks.append(Mask(i, eol, HIDDEN))
                if d.group(2) and d.group(2).strip():
                    extras.append(Extra(d.start(2), d.end(2), "headline"))
                i = eol
                continue
        c = source[i]
        if c == "\n":
            line_start = True
            i += 1
        elif c == "\\":
            i += 2
        elif c == "`":
            run = len(source[i:i + 20]) - len(source[i:i + 20].lstrip("`"))
            close = source.find("`" * run, i + run)
            i = close + run if close != -1 and "\n\n" not in source[i:close] else i + run
        elif c == "{":
            end = _js_end(source, i)
            if end == -1:
                i += 1
                continue
            inner = source[i + 1:end - 1].strip()
            masks.append(Mask(i, end, HIDDEN if inner.startswith("/*") and inner.endswith("*/") else EXPR))
            i = end
        elif c == "<" and source.startswith("<!--", i):
            end = source.find("-->", i)
            end = n if end == -1 else end + 3
            masks.append(Mask(i, end, HIDDEN))
            i = end
        elif c == "<" and (i + 1 < n and (source[i + 1] in "/>" or source[i + 1].isalpha())):
            props: list[tuple[str, int, int]] = []
            end = _tag_end(source, i, props)
            if end == -1:
                i += 1
                continue
            name_m = _TAG_NAME.match(source, i + 1)
            name = name_m.group(0).lower() if name_m else ""
            closing = source.startswith("</", i)
            for pname, ps, pe in props:
                if pname.lower() in prose_props and source[ps:pe].strip():
                    extras.append(Extra(ps, pe, "caption"))
            if name in _CODE_ELEMENTS and not closing and not source[:end].endswith("/>"):
                close = source.find(f"</{name_m.group(0)}>", end)
                if close != -1:
                    end = close + len(name) + 3
                    masks.append(Mask(i, end, _CODE_ELEMENTS[name]))
                    i = end
                    continue
            masks.append(Mask(i, end, HIDDEN))
            i = end
        else:
            i += 1
    return masks, extras
