"""HTML to Document with the standard library's tokenizer and exact offsets.

Text between tags is copied verbatim; entities and character references become the
characters they stand for, mapped to their whole source span. Scripts, styles, code,
comments and attribute values are never prose.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

from ..document import Block, Document, ProseBuilder
from .inline import NOT_PROSE_IN_TEXT, PLACEHOLDER

_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "figure", "figcaption", "caption", "table", "tr", "td", "th",
    "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "title", "body", "html", "head", "form",
    "address", "hr", "details", "summary", "fieldset", "legend", "option", "select",
}
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "var", "template", "noscript", "svg", "math",
         "textarea", "head"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_SCOPE = {"h1": "headline", "h2": "headline", "h3": "headline", "h4": "headline", "h5": "headline",
          "h6": "headline", "title": "headline", "figcaption": "caption", "caption": "caption",
          "blockquote": "blockquote", "li": "list", "td": "table", "th": "table"}


class _Parser(HTMLParser):
    def __init__(self, source: str, builder: ProseBuilder | None = None, blocks: list[Block] | None = None,
                 base: int = 0) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source  # the whole file
        self.b = builder or ProseBuilder(source)
        self.blocks: list[Block] = blocks if blocks is not None else []
        self.base = base  # offset in the file of the first character fed
        self.line_starts = [base]
        for i in range(base, len(source)):
            if source[i] == "\n":
                self.line_starts.append(i + 1)
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.code_start = 0  # where an inline code element being skipped began
        self.scopes: list[str] = []
        self.block_start = self.b.length
        self.block_scope = "paragraph"

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _break(self, at: int) -> None:
        if self.b.length > self.block_start:
            if self.b.prose_since(self.block_start).strip():
                self.blocks.append(Block(self.block_start, self.b.length, self.block_scope))
            self.b.gap("\n\n", at)
            self.block_start = self.b.length
        self.block_scope = self.scopes[-1] if self.scopes else "paragraph"

    def handle_starttag(self, tag: str, attrs: list) -> None:
        at = self._offset()
        if tag == "br" and not self.skip_depth:
            self.b.gap("\n", at)
            return
        if self.skip_depth and tag not in _SKIP:
            return
        if tag in _SKIP and tag not in _VOID:
            if self.skip_depth == 0 and tag in ("code", "kbd", "samp", "var"):
                self.code_start = at
            self.skip_depth += 1
            self.skip_stack.append(tag)
            return
        if tag in _BLOCK:
            if tag in _SCOPE and tag not in _VOID:
                self.scopes.append(_SCOPE[tag])
            self._break(at)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if self.skip_depth:
            return
        if tag == "br":
            self.b.gap("\n", self._offset())
        elif tag in _BLOCK:
            self._break(self._offset())

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        if self.skip_stack and tag == self.skip_stack[-1]:
            self.skip_stack.pop()
            self.skip_depth -= 1
            if self.skip_depth == 0 and tag in ("code", "kbd", "samp", "var"):
                end = self.source.find(">", at) + 1 or at
                self.b.replace(PLACEHOLDER, self.code_start, end)
            return
        if self.skip_depth:
            return
        if tag in _BLOCK:
            self._break(at)
            if tag in _SCOPE and self.scopes and self.scopes[-1] == _SCOPE[tag]:
                self.scopes.pop()
            self.block_scope = self.scopes[-1] if self.scopes else "paragraph"

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        at = self._offset()
        # template expressions ({{ x }}, {% tag %}), URLs and e-mail addresses in text are not prose
        pos = 0
        for m in NOT_PROSE_IN_TEXT.finditer(data):
            self.b.copy(at + pos, at + m.start())
            self.b.replace(PLACEHOLDER, at + m.start(), at + m.end())
            pos = m.end()
        self.b.copy(at + pos, at + len(data))

    def handle_entityref(self, name: str) -> None:
        self._ref("&" + name)

    def handle_charref(self, name: str) -> None:
        self._ref("&#" + name)

    def _ref(self, raw: str) -> None:
        if self.skip_depth:
            return
        at = self._offset()
        end = at + len(raw)
        if self.source.startswith(";", end):
            end += 1
        self.b.replace(html.unescape(self.source[at:end]) or " ", at, end)

    def close_doc(self) -> tuple[str, object, list[Block]]:
        self.close()
        self._break(len(self.source))
        prose, smap = self.b.build()
        return prose, smap, self.blocks


def html_fragment(builder: ProseBuilder, blocks: list[Block], source: str, start: int, end: int) -> None:
    """Prose of raw HTML inside another format (a Markdown HTML block), into its builder."""
    p = _Parser(source, builder, blocks, start)
    p.feed(source[start:end])
    p.close()
    p._break(end)


def parse_html(path: str, source: str) -> Document:
    p = _Parser(source)
    p.feed(source)
    prose, smap, blocks = p.close_doc()
    return Document(path, source, prose, smap, blocks, fmt="html")  # type: ignore[arg-type]
