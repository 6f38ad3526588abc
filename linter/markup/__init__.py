"""Markup parsers: source text -> Document, chosen by file extension."""
from __future__ import annotations

from typing import Callable

from ..document import Document
from .html import parse_html
from .markdown import parse_markdown
from .plain import parse_plain

PARSERS: dict[str, Callable[[str, str], Document]] = {
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".mdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".txt": parse_plain,
    ".text": parse_plain,
}
SUPPORTED_EXTENSIONS = tuple(PARSERS)
FORMATS = {"markdown": parse_markdown, "html": parse_html, "plain": parse_plain}


def parse(path: str, source: str, fmt: str | None = None) -> Document:
    """Parse `source`; the format comes from `fmt` or the path's extension (plain text otherwise)."""
    if fmt:
        return FORMATS[fmt](path, source)
    lower = path.lower()
    for ext, parser in PARSERS.items():
        if lower.endswith(ext):
            return parser(path, source)
    return parse_plain(path, source)
