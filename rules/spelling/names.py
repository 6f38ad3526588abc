"""Personal names from the US Census 1990 name lists (public domain), as shipped by the
``names`` package (MIT): 5,494 first names and 88,799 surnames.

A capitalised word on these lists is a name, never a slip; a first name next to a
capitalised word marks a person's name, not an institution's.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _read(name: str) -> frozenset[str]:
    text = resources.files("names").joinpath(name).read_text(encoding="ascii", errors="ignore")
    return frozenset(line.split(None, 1)[0].lower() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _read("dist.male.first") | _read("dist.female.first")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _read("dist.all.last")


def is_census_name(word: str) -> bool:
    w = word.lower()
    return w in first_names() or w in surnames()
