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
from array import array

from .masks import EXPR, HIDDEN, Extra, Mask

PROSE_PROPS = ("alt", "caption", "title")
_ESM = re.compile(r"(?:import|export)(?=[\s{*])")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_COLONS = re.compile(r"[ \t]*:{3,}")
_WORD = re.compile(r"[\w-]*")
_TAG_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:][\w.:-]*")
_CODE_ELEMENTS = {"pre": HIDDEN, "script": HIDDEN, "style": HIDDEN, "svg": HIDDEN, "math": HIDDEN,
                  "code": EXPR, "kbd": EXPR, "samp": EXPR, "var": EXPR}


def _js_end(s: str, i: int, memo: array) -> int:
    """`s[i]` is "{": the index after its matching "}", reading JavaScript; -1 if none.

    Every brace the reading meets is matched on the way (a stack) and remembered in `memo`
    (by offset: 0 unknown, -1 never closes), so a brace is read once however many expressions
    contain it: a flood of "{" that never close takes linear time, not quadratic."""
    if memo[i]:
        return memo[i]
    stack = [i]
    n = len(s)
    j = i + 1
    while j < n:
        c = s[j]
        if c in "\"'":
            k = j + 1
            while k < n and s[k] != c and s[k] != "\n":
                k += 2 if s[k] == "\\" else 1
            j = k + 1
            continue
        if c == "`":
            k = j + 1
            while k < n and s[k] != "`":
                if s.startswith("${", k):
                    k = _js_end(s, k + 1, memo)
                    if k == -1:
                        break
                    continue
                k += 2 if s[k] == "\\" else 1
            if k == -1:
                break
            j = k + 1
            continue
        if s.startswith("/*", j):
            k = s.find("*/", j + 2)
            if k == -1:
                break
            j = k + 2
            continue
        if s.startswith("//", j):
            k = s.find("\n", j)
            j = n if k == -1 else k
            continue
        if c == "<" and _TAG_NAME.match(s, j + 1):  # JSX inside an expression
            k = _tag_end(s, j, memo)
            if k != -1:
                j = k
                continue
        if c == "{":
            if memo[j] == -1:
                break
            if memo[j]:
                j = memo[j]
                continue
            stack.append(j)
        elif c == "}":
            memo[stack.pop()] = j + 1
            if not stack:
                return j + 1
        j += 1
    for p in stack:  # none of the braces still open closes
        memo[p] = -1
    return -1


def _tag_end(s: str, i: int, memo: array, props: list[tuple[str, int, int]] | None = None) -> int:
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
            k = _js_end(s, j, memo)
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
                    k = _js_end(s, j, memo)
                    if k == -1:
                        return -1
                    j = k
                elif j < n and s[j] == "<":
                    k = _tag_end(s, j, memo)
                    if k == -1:
                        return -1
                    j = k
                else:
                    return -1
    return -1


def _directive(s: str, i: int, eol: int) -> tuple[int, int] | None:
    """The line [i, eol) is a directive fence, ``:::name[Title]{attrs}``: the span of its title
    (empty when it has none), or None. Read by hand: the pattern with a run of optional blanks
    between optional parts backtracks for minutes on a line of spaces."""
    m = _COLONS.match(s, i, eol)
    if not m:
        return None

    def blanks(j: int) -> int:
        while j < eol and s[j] in " \t":
            j += 1
        return j

    j = blanks(_WORD.match(s, blanks(m.end()), eol).end())
    title = (j, j)
    for open_, close in (("[", "]"), ("{", "}")):
        if j < eol and s[j] == open_:
            k = s.find(close, j + 1, eol)
            if k == -1:
                return None
            if open_ == "[":
                title = (j + 1, k)
            j = blanks(k + 1)
    if j < eol and s[j] == "\r":
        j += 1
    return title if j == eol else None


def mdx_masks(source: str, prose_props: tuple[str, ...] = PROSE_PROPS) -> tuple[list[Mask], list[Extra]]:
    masks: list[Mask] = []
    extras: list[Extra] = []
    n = len(source)
    memo = array("i", bytes(4 * (n + 1)))  # "{" -> the index after its "}", see _js_end
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
            d = _directive(source, i, eol)
            if d:
                masks.append(Mask(i, eol, HIDDEN))
                if d[1] > d[0] and source[d[0]:d[1]].strip():
                    extras.append(Extra(d[0], d[1], "headline"))
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
            end = _js_end(source, i, memo)
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
            end = _tag_end(source, i, memo, props)
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
