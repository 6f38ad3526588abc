"""Typed options: a frozen dataclass per rule (``[rules."<id>"]``) or per rule family
(a top-level section such as ``[grammar]``), filled from TOML and checked the same way.

Supported field types: bool, int, float, str, ``str | None``, ``Literal[...]`` choices,
tuples/lists/frozensets of strings, dicts, and nested option dataclasses (sub-tables).
Keys are written with hyphens in TOML (``allow-remote``) and underscores in Python.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal


class OptionError(ValueError):
    """An option value from configuration does not fit its declared type."""


def option_fields(options_cls: type) -> dict[str, dataclasses.Field]:
    if not dataclasses.is_dataclass(options_cls):
        return {}
    return {f.name: f for f in dataclasses.fields(options_cls)}


def build_options(options_cls: type, raw: dict[str, Any], where: str) -> Any:
    """An instance of `options_cls` from a TOML table; `where` names the table in errors."""
    if not isinstance(raw, dict):
        raise OptionError(f"{where} must be a table")
    fields = option_fields(options_cls)
    hints = typing.get_type_hints(options_cls) if fields else {}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(k.replace("_", "-") for k in fields) or "none"
            raise OptionError(f"unknown option '{key}' in {where} (known: {known})")
        values[name] = coerce(value, hints.get(name, Any), f"{where}.{key}")
    return options_cls(**values)


def merge_tables(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`, sub-tables merged key by key."""
    out = dict(base)
    for k, v in over.items():
        out[k] = merge_tables(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def describe(hint: Any) -> str:
    if typing.get_origin(hint) is Literal:
        return " or ".join(repr(a) for a in typing.get_args(hint))
    return getattr(hint, "__name__", str(hint))


def coerce(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if hint is Any:
        return value
    if dataclasses.is_dataclass(hint):
        return build_options(hint, value, where)
    if origin is Literal:
        if value in typing.get_args(hint):
            return value
    elif origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return coerce(value, arg, where)
            except OptionError:
                pass
        hint = next(a for a in args if a is not type(None))
    elif hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif hint is str:
        if isinstance(value, str):
            return value
    elif origin in (tuple, list, frozenset):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value) if origin is tuple else origin(value)
    elif origin is dict or hint is dict:
        if isinstance(value, dict):
            return dict(value)
    else:
        return value
    raise OptionError(f"{where} must be {describe(hint)}, got {value!r}")
