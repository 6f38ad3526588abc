"""Template and shortcode syntax of the site generators: Hugo shortcodes (``{{< name >}}``,
``{{% name %}}``, paired or self-closing) and template actions, and the Liquid / Jekyll /
Nunjucks / Jinja / Eleventy tags (``{{ expr }}``, ``{% tag %}``, ``{# comment #}``,
``{% raw %}``, ``{% comment %}``, ``{% highlight %}``).

Each construct is found by its own delimiters, with quoted parameters read as strings (a
``>`` inside ``caption="a > b"`` does not close a shortcode) and no construct running across
a blank line. What it becomes:

- an expression or a shortcode that renders something (``{{ page.title }}``,
  ``{{< ref "x" >}}``, ``{% include x.html %}``): one placeholder in the prose;
- a control tag (``{% if %}``), a comment, or the tags of a paired shortcode whose inner
  content is prose (``{{% notice %}}...{{% /notice %}}``): nothing;
- a paired shortcode whose content is code (``{{< highlight >}}``, ``{{< code-toggle >}}``,
  ``{% highlight %}``, ``{% raw %}``) or a comment block (``{% comment %}``): nothing, content
  included;
- a prose-bearing parameter of a figure-like shortcode or include (``caption="..."``): a
  caption block of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .masks import EXPR, HIDDEN, Extra, Mask

# Shortcodes whose inner content is code or raw markup, not prose. Sources: Hugo's embedded
# highlight shortcode; the code shortcodes of Hugo's own documentation (code-toggle, hl) and
# of widely used themes (code, codeblock, mermaid, katex, rawhtml).
CODE_SHORTCODES = frozenset({
    "highlight", "hl", "code", "code-toggle", "codeblock", "code-block", "prism", "chroma",
    "mermaid", "math", "katex", "tex", "latex", "plantuml", "diagram", "rawhtml", "raw", "html",
})
# Liquid / Nunjucks block tags whose body is not prose: tag -> its end tag.
_RAW_BLOCKS = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight",
               "verbatim": "endverbatim", "codeblock": "endcodeblock"}
# Control-flow and assignment tags: they render nothing themselves.
_CONTROL = frozenset("""if elsif elif else endif unless endunless for endfor case when endcase
assign capture endcapture increment decrement set endset block endblock extends macro endmacro
call endcall filter endfilter with endwith break continue cycle tablerow endtablerow liquid
layout import from do trans endtrans pluralize autoescape endautoescape""".split())
# Figure-like shortcodes and includes, and their prose parameters (Hugo's embedded figure
# shortcode: alt, caption, title, attr; the common image and video shortcodes of themes).
PROSE_PARAMS: dict[str, tuple[str, ...]] = {
    "figure": ("alt", "caption", "title", "attr"),
    "img": ("alt", "caption", "title"),
    "image": ("alt", "caption", "title"),
    "picture": ("alt", "caption", "title"),
    "photo": ("alt", "caption", "title"),
    "youtube": ("title",),
    "vimeo": ("title",),
    "details": ("summary",),
}

_PARAM = re.compile(r"""([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`]*)`)""")
_NAME = re.compile(r"\s*(/)?\s*([\w./-]+)")


@dataclass(frozen=True)
class Syntax:
    code_shortcodes: frozenset[str] = CODE_SHORTCODES
    prose_params: tuple[tuple[str, tuple[str, ...]], ...] = tuple(PROSE_PARAMS.items())

    def params_for(self, name: str) -> tuple[str, ...]:
        for n, params in self.prose_params:
            if n == name:
                return params
        return ()


@dataclass
class _Tag:
    start: int
    end: int
    kind: str          # "sc" (Hugo shortcode), "liquid" ({% %}), "expr", "comment"
    name: str = ""
    closing: bool = False
    self_closing: bool = False
    body: tuple[int, int] = (0, 0)  # source range inside the delimiters


# a line break that ends a paragraph (a blank line follows): no construct runs across one
_BARRIER = re.compile(r"(?:\r?\n|\r)(?=[ \t]*(?:\r?\n|\r))")
_QUOTES = "\"'`"


class _Find:
    """``source.find(sub, i)`` for positions that mostly grow: an answer stands for every
    position from its question up to it, so a sweep costs one pass over the source."""

    def __init__(self, source: str, sub: str) -> None:
        self.source, self.sub = source, sub
        self.asked, self.found = -1, -1

    def __call__(self, i: int) -> int:
        if not (0 <= self.asked <= i and (self.found == -1 or i <= self.found)):
            self.asked, self.found = i, self.source.find(self.sub, i)
        return self.found


class _Scanner:
    """Finds where a template construct closes, reading quoted strings whole, in linear time
    over all the constructs of a source.

    A scan that fails (it meets a blank line, the end, or a string that never closes) reads
    the same characters as any later scan that reaches one of them outside a string: those
    positions are remembered (`dead`) and the later scan stops there. A string is remembered
    too: one that starts inside it (at an escaped quote) ends where it ends."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.barriers = [m.start() for m in _BARRIER.finditer(source)]
        self.dead: dict[str, _Spans] = {}
        self.stops: dict[str, re.Pattern] = {}
        # per quote character: sorted starts of the strings read, and (end of the span, result)
        self.strings: dict[str, tuple[list[int], list[tuple[int, int]]]] = {c: ([], []) for c in _QUOTES}

    def barrier_in(self, a: int, b: int) -> bool:
        k = bisect_left(self.barriers, a)
        return k < len(self.barriers) and self.barriers[k] < b

    def is_barrier(self, i: int) -> bool:
        k = bisect_left(self.barriers, i)
        return k < len(self.barriers) and self.barriers[k] == i

    def string_end(self, q: int) -> int:
        """`source[q]` is a quote: the index after the quote that closes it, or -1 when it
        does not close before a blank line or the end."""
        source, c = self.source, self.source[q]
        starts, spans = self.strings[c]
        k = bisect_right(starts, q) - 1
        if k >= 0 and q < spans[k][0]:
            return spans[k][1]
        j = source.find(c, q + 1)
        while j != -1 and c == '"' and source[j - 1] == "\\":
            j = source.find(c, j + 1)
        if j == -1 or self.barrier_in(q, j):
            k = bisect_left(self.barriers, q)
            span, result = (self.barriers[k] if k < len(self.barriers) else len(source)), -1
        else:
            span, result = j, j + 1
        at = bisect_right(starts, q)
        starts.insert(at, q)
        spans.insert(at, (span, result))
        return result

    def scan_to(self, i: int, close: str) -> int:
        """Index just after `close`, reading quoted strings whole; -1 when it is not found
        before a blank line or the end."""
        source = self.source
        n = len(source)
        dead = self.dead.get(close)
        if dead is None:
            dead = self.dead[close] = _Spans()
            self.stops[close] = re.compile("[" + re.escape(close[0] + _QUOTES) + "\r\n]")
        stop = self.stops[close]
        visited: list[tuple[int, int]] = []  # runs read outside strings
        while True:
            limit = dead.next_from(i)
            if limit == i:
                break
            m = stop.search(source, i, n if limit == -1 else limit)
            if m is None:
                visited.append((i, n if limit == -1 else limit))
                break
            k = m.start()
            visited.append((i, k + 1))
            if source.startswith(close, k):
                return k + len(close)
            if source[k] in _QUOTES:
                i = self.string_end(k)
                if i == -1:
                    break
            elif source[k] in "\r\n" and self.is_barrier(k):
                break
            else:
                i = k + 1
        for a, b in visited:
            dead.add(a, b)
        return -1


class _Spans:
    """Sorted, disjoint [start, end) spans of a source."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def next_from(self, i: int) -> int:
        """`i` when it lies in a span, else the start of the next span, or -1."""
        k = bisect_right(self.starts, i) - 1
        if k >= 0 and i < self.ends[k]:
            return i
        return self.starts[k + 1] if k + 1 < len(self.starts) else -1

    def add(self, a: int, b: int) -> None:
        k = bisect_right(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)


def _tags(source: str) -> list[_Tag]:
    tags: list[_Tag] = []
    scan = _Scanner(source)
    comment_end, braces_end, hash_end = _Find(source, "*/"), _Find(source, "}}"), _Find(source, "#}")
    i = source.find("{")
    while i != -1 and i + 1 < len(source):
        nxt = source[i + 1]
        tag = None
        if nxt == "{" and source.startswith(("{{<", "{{%"), i):
            delim = ">" if source[i + 2] == "<" else "%"
            j = i + 3
            if re.match(r"\s*/\*", source[j:j + 40]):  # {{</* shown literally */>}}
                end = comment_end(j)
                end = scan.scan_to(end, delim + "}}") if end != -1 else -1
                if end != -1:
                    tag = _Tag(i, end, "expr")
            else:
                end = scan.scan_to(j, delim + "}}")
                if end != -1:
                    inner = source[j:end - 3]
                    m = _NAME.match(inner)
                    if m:
                        tag = _Tag(i, end, "sc", m.group(2), bool(m.group(1)), inner.rstrip().endswith("/"),
                                   (j, end - 3))
        elif nxt == "{":
            if re.match(r"\{\{-?\s*/\*", source[i:i + 40]):
                end = comment_end(i)
                end = braces_end(end) if end != -1 else -1
                if end != -1:
                    tag = _Tag(i, end + 2, "comment")
            else:
                end = scan.scan_to(i + 2, "}}")
                if end != -1:
                    tag = _Tag(i, end, "expr")
        elif nxt == "%":
            end = scan.scan_to(i + 2, "%}")
            if end != -1:
                inner = source[i + 2:end - 2].strip("-~ \t\r\n")
                m = _NAME.match(inner)
                tag = _Tag(i, end, "liquid", m.group(2).lower() if m else "", body=(i + 2, end - 2))
        elif nxt == "#":
            end = hash_end(i + 2)
            if end != -1 and not scan.barrier_in(i, end):
                tag = _Tag(i, end + 2, "comment")
        if tag is not None:
            tags.append(tag)
            i = source.find("{", tag.end)
        else:
            i = source.find("{", i + 1)
    return tags


def _prose_params(source: str, body: tuple[int, int], params: tuple[str, ...]) -> list[Extra]:
    out = []
    for m in _PARAM.finditer(source, body[0], body[1]):
        if m.group(1).lower() in params:
            g = next(k for k in (2, 3, 4) if m.group(k) is not None)
            if m.group(g).strip():
                out.append(Extra(m.start(g), m.end(g), "caption"))
    return out


def template_masks(source: str, syntax: Syntax = Syntax()) -> tuple[list[Mask], list[Extra]]:
    """Masks for every template construct in `source`, and the prose of their parameters."""
    if "{" not in source:
        return [], []
    tags = _tags(source)
    masks: list[Mask] = []
    extras: list[Extra] = []
    # paired Hugo shortcodes: a closing tag pairs with the nearest open tag of its name
    partner: dict[int, int] = {}
    stack: list[int] = []  # open tags
    by_name: dict[str, list[int]] = {}  # name -> heights in `stack` of its open tags
    for k, t in enumerate(tags):
        if t.kind != "sc" or t.self_closing:
            continue
        if not t.closing:
            by_name.setdefault(t.name, []).append(len(stack))
            stack.append(k)
            continue
        if by_name.get(t.name):
            depth = by_name[t.name][-1]
            partner[stack[depth]] = k
            partner[k] = stack[depth]
            while len(stack) > depth:  # the tags left open inside the pair are closed with it
                by_name[tags[stack.pop()].name].pop()
    # Liquid raw-like blocks
    skip_until = -1
    ends: dict[str, list[int]] = {}  # end tag name -> its indexes in `tags`
    for k, t in enumerate(tags):
        if t.start < skip_until:
            continue
        if t.kind == "liquid" and t.name in _RAW_BLOCKS:
            end_name = _RAW_BLOCKS[t.name]
            later = ends.setdefault(end_name, [j for j, c in enumerate(tags) if c.kind == "liquid" and c.name == end_name])
            at = bisect_right(later, k)
            close = tags[later[at]] if at < len(later) else None
            if close is not None:
                masks.append(Mask(t.start, close.end, HIDDEN))
                skip_until = close.end
                continue
        if t.kind == "sc":
            name = t.name.lower()
            if t.closing:
                masks.append(Mask(t.start, t.end, HIDDEN))
                continue
            if k in partner:
                close = tags[partner[k]]
                if name in syntax.code_shortcodes:
                    masks.append(Mask(t.start, close.end, HIDDEN))
                    skip_until = close.end
                else:
                    masks.append(Mask(t.start, t.end, HIDDEN))
            else:
                masks.append(Mask(t.start, t.end, EXPR))
            extras += _prose_params(source, t.body, syntax.params_for(name))
        elif t.kind == "liquid":
            if t.name in ("include", "render", "include_relative", "partial"):
                arg = re.match(r"\s*[\"']?([\w./-]+)", source[t.body[0]:t.body[1]].strip("-~ ")[len(t.name):])
                if arg:
                    base = arg.group(1).rsplit("/", 1)[-1].split(".", 1)[0].lower()
                    extras += _prose_params(source, t.body, syntax.params_for(base))
            masks.append(Mask(t.start, t.end, HIDDEN if t.name in _CONTROL or t.name.startswith("end") else EXPR))
        elif t.kind == "comment":
            masks.append(Mask(t.start, t.end, HIDDEN))
        else:
            masks.append(Mask(t.start, t.end, EXPR))
    return _with_brackets(source, masks), extras


def _with_brackets(source: str, masks: list[Mask]) -> list[Mask]:
    """An expression wrapped in angle brackets (an autolink, ``<{{% eturl x %}}>``) takes
    them along."""
    out = []
    for m in masks:
        if m.start > 0 and source[m.start - 1] == "<" and source.startswith(">", m.end):
            m = Mask(m.start - 1, m.end + 1, m.kind)
        out.append(m)
    return out
