"""Output formats, one small module each, looked up by name (a format's module is imported
when it is first used)."""
from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Callable, Iterator

# formats whose output can carry --statistics (text appends a table, json a block)
WITH_STATISTICS = ("text", "json")

# name -> "module:function" of this package; each renders (RunResult, Registry, color) -> str
_RENDERERS = {
    "text": "text:render",
    "concise": "text:render_concise",
    "json": "json_format:render",
    "sarif": "sarif:render",
    "github": "github:render",
    "junit": "junit:render",
    "gitlab": "gitlab:render",
}


class _Formatters(Mapping):
    def __getitem__(self, name: str) -> Callable[..., str]:
        module, _, function = _RENDERERS[name].partition(":")
        return getattr(import_module(f".{module}", __name__), function)

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERERS)

    def __len__(self) -> int:
        return len(_RENDERERS)


FORMATTERS: Mapping[str, Callable[..., str]] = _Formatters()
