"""Output formats, one small module each, looked up by name (a format's module is imported
when it is first used).

Each module describes its formats with ``Format``: the renderer, and what the format can
show, so the command line asks the format instead of knowing names:

- ``statistics``: it shows ``--statistics`` (text appends a table, json adds a block);
- ``color``: it colours its output when it goes to a terminal that wants colour.

A renderer takes ``(result, registry, color, statistics)`` and returns the whole output as
text. Every name, message and excerpt in it goes through ``newslint.escape`` (see there).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from ..registry import Registry
    from ..results import RunResult


@dataclass(frozen=True)
class Format:
    render: Callable[["RunResult", "Registry", bool, bool], str]
    statistics: bool = False  # shows --statistics
    color: bool = False  # colours its output on a terminal

    def __call__(self, result: "RunResult", registry: "Registry", color: bool = False,
                 statistics: bool = False) -> str:
        return self.render(result, registry, color and self.color, statistics and self.statistics)


# name -> "module:attribute" of this package, the attribute a Format
_FORMATS = {
    "text": "text:TEXT",
    "concise": "text:CONCISE",
    "json": "json_format:FORMAT",
    "sarif": "sarif:FORMAT",
    "github": "github:FORMAT",
    "junit": "junit:FORMAT",
    "gitlab": "gitlab:FORMAT",
}


class _Formatters(Mapping):
    def __getitem__(self, name: str) -> Format:
        module, _, attribute = _FORMATS[name].partition(":")
        return getattr(import_module(f".{module}", __name__), attribute)

    def __iter__(self) -> Iterator[str]:
        return iter(_FORMATS)

    def __len__(self) -> int:
        return len(_FORMATS)


FORMATTERS: Mapping[str, Format] = _Formatters()
