"""Markup parsers: source text -> Document, chosen by file extension.

A parser's module is imported when a story of its format first arrives (markdown-it and the
HTML tokenizer are a tenth of a second of a one-story run that may need neither).
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable

from ..document import Document
from .options import MarkupOptions

# extension -> "module:function" of this package
PARSERS: dict[str, str] = {
    ".mdx": "markdown:parse_mdx",
    ".md": "markdown:parse_markdown",
    ".markdown": "markdown:parse_markdown",
    ".mdown": "markdown:parse_markdown",
    ".html": "html:parse_html",
    ".htm": "html:parse_html",
    ".txt": "plain:parse_plain",
    ".text": "plain:parse_plain",
}
SUPPORTED_EXTENSIONS = tuple(PARSERS)
FORMATS = {"markdown": "markdown:parse_markdown", "mdx": "markdown:parse_mdx", "html": "html:parse_html",
           "plain": "plain:parse_plain"}


def _load(name: str) -> Callable[..., Document]:
    module, _, function = name.partition(":")
    return getattr(import_module(f".{module}", __name__), function)


def parse(path: str, source: str, fmt: str | None = None, options: MarkupOptions | None = None) -> Document:
    """Parse `source`; the format comes from `fmt` or the path's extension (plain text otherwise)."""
    name = FORMATS[fmt] if fmt else next(
        (p for ext, p in PARSERS.items() if path.lower().endswith(ext)), PARSERS[".txt"])
    parser = _load(name)
    return parser(path, source) if options is None else parser(path, source, options)
