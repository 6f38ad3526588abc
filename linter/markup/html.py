"""HTML to Document with exact offsets, through a linear tokenizer (``html_tokens.py``).

Text between tags is copied verbatim; entities and character references become the
characters they stand for, mapped to their whole source span. Scripts, styles, code,
comments (WordPress block comments among them) and attribute values are not prose, except
the ones that are published copy: ``alt`` text (a caption block after the paragraph that
holds the image) and, in the head, ``<title>`` (headline) and ``<meta name="description">``
(standfirst). Template syntax is masked first, as in Markdown.
"""
from __future__ import annotations

from ..document import Block, Document, ProseBuilder
from .html_tokens import tokens
from .inline import NOT_PROSE_IN_TEXT, PLACEHOLDER
from .masks import Masks, emit_ranges
from .options import MarkupOptions
from .templates import template_masks

_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "figure", "figcaption", "caption", "table", "tr", "td", "th",
    "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "title", "body", "html", "head", "form",
    "address", "hr", "details", "summary", "fieldset", "legend", "option", "select",
}
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "var", "template", "noscript", "svg", "math",
         "textarea"}
_DESCRIPTION = {"description", "og:description", "twitter:description"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_SCOPE = {"h1": "headline", "h2": "headline", "h3": "headline", "h4": "headline", "h5": "headline",
          "h6": "headline", "title": "headline", "figcaption": "caption", "caption": "caption",
          "blockquote": "blockquote", "li": "list", "td": "table", "th": "table"}


class _Parser:
    def __init__(self, source: str, builder: ProseBuilder | None = None, blocks: list[Block] | None = None) -> None:
        self.source = source  # the whole file (masked)
        self.b = builder or ProseBuilder(source)
        self.blocks: list[Block] = blocks if blocks is not None else []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.code_start = 0  # where an inline code element being skipped began
        self.scopes: list[str] = []
        self.block_start = self.b.length
        self.block_scope = "paragraph"
        self.in_head = False
        self.language: str | None = None
        self.described = False  # one description per page: og: and twitter: copies repeat it
        self.pending: list[tuple[int, int, str]] = []  # alt texts, read after the current block

    def feed(self, start: int, end: int) -> None:
        """Read source[start:end]."""
        for tok in tokens(self.source, start, end):
            kind = tok[0]
            if kind == "text":
                self.handle_data(tok[1], tok[2])
            elif kind == "ref":
                self.handle_ref(tok[1], tok[2], tok[3])
            elif kind == "start":
                _, tag, attrs, at, _end, self_closing = tok
                if self_closing:
                    self.handle_startendtag(tag, attrs, at)
                else:
                    self.handle_starttag(tag, attrs, at)
            else:
                self.handle_endtag(tok[1], tok[2], tok[3])

    @staticmethod
    def _attr(attrs: list, name: str) -> tuple[int, int] | None:
        """Source range of the quoted, non-blank value of attribute `name`."""
        for a, value, vs, ve, quoted in attrs:
            if a == name and quoted and value is not None and value.strip():
                return vs, ve
        return None

    def _prose_attrs(self, tag: str, attrs: list, at: int) -> None:
        values = {a: (v or "") for a, v, *_ in reversed(attrs)}  # the first of a repeated name wins
        if tag in ("img", "area") or (tag == "input" and values.get("type") == "image"):
            span = self._attr(attrs, "alt")
            if span:
                self.pending.append((*span, "caption"))
        elif tag == "meta" and self.in_head and not self.described:
            if (values.get("name") or values.get("property") or "").lower() in _DESCRIPTION:
                span = self._attr(attrs, "content")
                if span:
                    self.described = True
                    self.pending.append((*span, "standfirst"))
                    self._break(at)

    def _break(self, at: int) -> None:
        if self.b.length > self.block_start:
            if self.b.prose_since(self.block_start).strip(" \t\r\n" + PLACEHOLDER):
                self.blocks.append(Block(self.block_start, self.b.length, self.block_scope))
            self.b.gap("\n\n", at)
            self.block_start = self.b.length
        for s, e, scope in self.pending:
            emit_ranges(self.b, self.blocks, [(s, e)], scope)
        if self.pending:
            self.pending = []
            self.block_start = self.b.length
        self.block_scope = self.scopes[-1] if self.scopes else "paragraph"

    def handle_starttag(self, tag: str, attrs: list, at: int) -> None:
        if tag == "html" and self.language is None:
            self.language = next((v for a, v, *_ in attrs if a == "lang"), None)
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        if tag == "br" and not self.skip_depth:
            self.b.gap("\n", at)
            return
        if self.skip_depth and tag not in _SKIP:
            return
        self._prose_attrs(tag, attrs, at)
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

    def handle_startendtag(self, tag: str, attrs: list, at: int) -> None:
        if self.skip_depth:
            return
        self._prose_attrs(tag, attrs, at)
        if tag == "br":
            self.b.gap("\n", at)
        elif tag in _BLOCK:
            self._break(at)

    def handle_endtag(self, tag: str, at: int, end: int) -> None:
        if tag == "head":
            self.in_head = False
        if self.skip_stack and tag == self.skip_stack[-1]:
            self.skip_stack.pop()
            self.skip_depth -= 1
            if self.skip_depth == 0 and tag in ("code", "kbd", "samp", "var"):
                self.b.replace(PLACEHOLDER, self.code_start, end)
            return
        if self.skip_depth:
            return
        if tag in _BLOCK:
            self._break(at)
            if tag in _SCOPE and self.scopes and self.scopes[-1] == _SCOPE[tag]:
                self.scopes.pop()
            self.block_scope = self.scopes[-1] if self.scopes else "paragraph"

    def handle_data(self, at: int, end: int) -> None:
        if self.skip_depth or (self.in_head and "headline" not in self.scopes):
            return
        # template expressions ({{ x }}, {% tag %}), URLs and e-mail addresses in text are not prose
        pos = at
        for m in NOT_PROSE_IN_TEXT.finditer(self.source, at, end):
            self.b.copy(pos, m.start())
            self.b.replace(PLACEHOLDER, m.start(), m.end())
            pos = m.end()
        self.b.copy(pos, end)

    def handle_ref(self, at: int, end: int, text: str) -> None:
        if self.skip_depth or (self.in_head and "headline" not in self.scopes):
            return
        self.b.replace(text, at, end)

    def close_doc(self) -> tuple[str, object, list[Block]]:
        self._break(len(self.source))
        prose, smap = self.b.build()
        return prose, smap, self.blocks


def html_fragment(builder: ProseBuilder, blocks: list[Block], source: str, start: int, end: int) -> None:
    """Prose of raw HTML inside another format (a Markdown HTML block), into its builder."""
    p = _Parser(source, builder, blocks)
    p.feed(start, end)
    p._break(end)


def parse_html(path: str, source: str, options: MarkupOptions = MarkupOptions()) -> Document:
    spans, _ = template_masks(source, options.syntax)
    masks = Masks(spans)
    masked = masks.apply(source)
    p = _Parser(masked, ProseBuilder(source, masks))
    p.feed(0, len(masked))
    prose, smap, blocks = p.close_doc()
    doc = Document(path, source, prose, smap, blocks, fmt="html")  # type: ignore[arg-type]
    doc.language = doc.language or p.language
    return doc
