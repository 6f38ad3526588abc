"""Measured precision of the built-in rules on judged published copy (``rules/data/precision.toml``,
written by ``benchmarks/precision.py --write-data``): for each rule id or Harper sub-rule and each
severity level, how many of its findings at that level a copy editor judged and how many were
right. ``newslint rules`` shows it, so a user can see how far each level can be trusted.

What a level promises: error, at least 95% right on judged copy; warning, at least 80%; info,
worth a look."""
from __future__ import annotations

from importlib import resources

from .compat import tomllib
from .resource import Resource

BARS = {"error": 0.95, "warning": 0.80}
MIN_JUDGED = 10  # fewer judged findings than this say too little to hold a level to its bar


def _load() -> dict[str, dict[str, dict[str, int]]]:
    try:
        text = (resources.files("newslint.rules") / "data" / "precision.toml").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return tomllib.loads(text)


measured = Resource("measured-precision", _load)


def describe(rule_id: str, severity: str) -> str:
    """"0.91 of 120" for the level `severity` of `rule_id` (its sub-rules summed for a backend
    listed as a whole), or "-" when nothing was judged."""
    data = measured()
    rows = [v for k, v in data.items() if k == rule_id or k.startswith(rule_id + "/")]
    judged = sum(r.get(severity, {}).get("judged", 0) for r in rows)
    if not judged:
        return "-"
    right = sum(r.get(severity, {}).get("true", 0) for r in rows)
    return f"{right / judged:.2f} of {judged}"
