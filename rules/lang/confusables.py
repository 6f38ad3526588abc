"""Words writers confuse with one another.

- ``confusion_sets()``: the commonly confused words of ``rules/data/confusables.toml``
  (their/there/they're, its/it's, affect/effect...), each set with its source there;
- ``homophones()``: words that sound the same, from ``rules/data/homophones.txt`` (built by
  ``scripts/build_homophones.py`` from the CMU Pronouncing Dictionary pocketsphinx ships).

Each maps a lower-case word to the other members of its groups, sorted.
"""
from __future__ import annotations

from importlib import resources
from typing import Iterable

from newslint.api import Resource, datacache, tomllib


def _others(groups: Iterable[list[str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {}
    for group in groups:
        for w in group:
            out.setdefault(w, set()).update(x for x in group if x != w)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _data_text(name: str) -> str:
    return resources.files("newslint.rules").joinpath(f"data/{name}").read_text(encoding="utf-8")


confusion_sets = Resource("confusion-sets", lambda: _others(tomllib.loads(_data_text("confusables.toml"))["sets"]))


def _build_homophones() -> dict[str, tuple[str, ...]]:
    return _others(line.split() for line in _data_text("homophones.txt").splitlines()
                   if line and not line.startswith("#"))


# parsed once into the data cache (a third of a second of every run's start-up)
homophones = Resource("homophones", lambda: datacache.data(
    "homophones", [str(resources.files("newslint.rules").joinpath("data/homophones.txt"))], _build_homophones))
