"""Output formats, one small module each, looked up by name."""
from __future__ import annotations

from typing import Callable

from ..registry import Registry
from ..runner import RunResult
from . import github, json_format, junit, sarif, text


FORMATTERS: dict[str, Callable[[RunResult, Registry, bool], str]] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}
