"""Output formats, one small module each, looked up by name."""
from __future__ import annotations

from typing import Callable

from ..registry import Registry
from ..runner import RunResult
from . import github, gitlab, json_format, junit, sarif, text

# formats whose output can carry --statistics (text appends a table, json a block)
WITH_STATISTICS = ("text", "json")


FORMATTERS: dict[str, Callable[[RunResult, Registry, bool], str]] = {
    "text": text.render,
    "concise": text.render_concise,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
}
