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


def _scan_to(source: str, i: int, close: str) -> int:
    """Index just after `close`, reading quoted strings whole; -1 when it is not found before
    a blank line or the end."""
    n = len(source)
    while i < n:
        c = source[i]
        if source.startswith(close, i):
            return i + len(close)
        if c in "\"'`":
            j = source.find(c, i + 1)
            while j != -1 and c == '"' and source[j - 1] == "\\":
                j = source.find(c, j + 1)
            if j == -1 or "\n\n" in source[i:j]:
                return -1
            i = j + 1
            continue
        if c == "\n" and re.match(r"[ \t]*\r?\n", source[i + 1:i + 80]):
            return -1
        i += 1
    return -1


def _tags(source: str) -> list[_Tag]:
    tags: list[_Tag] = []
    i = source.find("{")
    while i != -1 and i + 1 < len(source):
        nxt = source[i + 1]
        tag = None
        if nxt == "{" and source.startswith(("{{<", "{{%"), i):
            delim = ">" if source[i + 2] == "<" else "%"
            j = i + 3
            if re.match(r"\s*/\*", source[j:j + 40]):  # {{</* shown literally */>}}
                end = source.find("*/", j)
                end = _scan_to(source, end, delim + "}}") if end != -1 else -1
                if end != -1:
                    tag = _Tag(i, end, "expr")
            else:
                end = _scan_to(source, j, delim + "}}")
                if end != -1:
                    inner = source[j:end - 3]
                    m = _NAME.match(inner)
                    if m:
                        tag = _Tag(i, end, "sc", m.group(2), bool(m.group(1)), inner.rstrip().endswith("/"),
                                   (j, end - 3))
        elif nxt == "{":
            if re.match(r"\{\{-?\s*/\*", source[i:i + 40]):
                end = source.find("*/", i)
                end = source.find("}}", end) + 2 if end != -1 and source.find("}}", end) != -1 else -1
                if end != -1:
                    tag = _Tag(i, end, "comment")
            else:
                end = _scan_to(source, i + 2, "}}")
                if end != -1:
                    tag = _Tag(i, end, "expr")
        elif nxt == "%":
            end = _scan_to(source, i + 2, "%}")
            if end != -1:
                inner = source[i + 2:end - 2].strip("-~ \t\r\n")
                m = _NAME.match(inner)
                tag = _Tag(i, end, "liquid", m.group(2).lower() if m else "", body=(i + 2, end - 2))
        elif nxt == "#":
            end = source.find("#}", i + 2)
            if end != -1 and "\n\n" not in source[i:end]:
                tag = _Tag(i, end + 2, "comment")
                end += 2
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
    stack: list[int] = []
    for k, t in enumerate(tags):
        if t.kind != "sc" or t.self_closing:
            continue
        if not t.closing:
            stack.append(k)
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if tags[stack[depth]].name == t.name:
                partner[stack[depth]] = k
                partner[k] = stack[depth]
                del stack[depth:]
                break
    # Liquid raw-like blocks
    skip_until = -1
    for k, t in enumerate(tags):
        if t.start < skip_until:
            continue
        if t.kind == "liquid" and t.name in _RAW_BLOCKS:
            end_name = _RAW_BLOCKS[t.name]
            close = next((c for c in tags[k + 1:] if c.kind == "liquid" and c.name == end_name), None)
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
