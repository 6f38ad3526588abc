"""Markup parsers: source text -> Document, chosen by file extension."""
from __future__ import annotations

from typing import Callable

from ..document import Document
from .html import parse_html
from .markdown import parse_markdown, parse_mdx
from .options import MarkupOptions
from .plain import parse_plain

PARSERS: dict[str, Callable[..., Document]] = {
    ".mdx": parse_mdx,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".mdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".txt": parse_plain,
    ".text": parse_plain,
}
SUPPORTED_EXTENSIONS = tuple(PARSERS)
FORMATS = {"markdown": parse_markdown, "mdx": parse_mdx, "html": parse_html, "plain": parse_plain}


def parse(path: str, source: str, fmt: str | None = None, options: MarkupOptions | None = None) -> Document:
    """Parse `source`; the format comes from `fmt` or the path's extension (plain text otherwise)."""
    parser = FORMATS[fmt] if fmt else next(
        (p for ext, p in PARSERS.items() if path.lower().endswith(ext)), parse_plain)
    return parser(path, source) if options is None else parser(path, source, options)
