"""Personal names from the US Census 1990 name lists (public domain), as shipped by the
``names`` package (MIT): 5,494 first names and 88,799 surnames.

A capitalised word on these lists is a name, never a slip; a first name next to a
capitalised word marks a person's name, not an institution's.
"""
from __future__ import annotations

from importlib import resources

from newslint.api import Resource, datacache

FIRST, SURNAME = 1, 2
_FILES = {"dist.male.first": FIRST, "dist.female.first": FIRST, "dist.all.last": SURNAME}


def _build() -> dict[str, int]:
    table: dict[str, int] = {}
    for name, flag in _FILES.items():
        text = resources.files("names").joinpath(name).read_text(encoding="ascii", errors="ignore")
        for line in text.splitlines():
            if line.strip():
                w = line.split(None, 1)[0].lower()
                table[w] = table.get(w, 0) | flag
    return table


class NameList:
    """The census names of one kind: ``"maria" in first_names()``."""

    def __init__(self, table, flag: int) -> None:
        self._table, self._flag = table, flag

    def __contains__(self, word: str) -> bool:
        return bool(self._table.get(word, 0) & self._flag)


def _load_table():
    base = resources.files("names")
    return datacache.word_table("census-names", [str(base.joinpath(n)) for n in _FILES], _build)


_table = Resource("census-names", _load_table)
first_names = Resource("census-first-names", lambda: NameList(_table(), FIRST))
surnames = Resource("census-surnames", lambda: NameList(_table(), SURNAME))


def is_census_name(word: str) -> bool:
    return bool(_table().get(word.lower(), 0))
