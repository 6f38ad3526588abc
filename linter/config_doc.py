"""The configuration, written out from its schema (``config.SCHEMA``) and the family sections
the rules declare: the starter file `newslint init` writes, and the table of every key
(`newslint config --format markdown`, kept in docs/configuration.md)."""
from __future__ import annotations

import dataclasses
import textwrap
import types
import typing
from typing import Any, Iterator, Literal

from .config import MERGES, SCHEMA
from .options import option_fields
from .registry import Registry
from .trust import USER_ONLY

USER_CONFIG = "~/.config/newslint/newslint.toml"
_HEAD = """\
# newslint configuration. Every key is optional; the values shown are the defaults.
# Rules: `newslint rules`; one rule's documentation: `newslint explain RULE-ID`.
# A newslint.toml in a sub-folder inherits this file's settings; each key says how
# (`newslint config --format markdown` prints the table of every key).
"""


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (tuple, list, frozenset)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return str(value)


def _kind(hint: Any) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_kind(a) for a in args if a is not type(None)) + " (or not set)"
    if origin in (tuple, list, frozenset):
        return "a list of strings"
    return {bool: "true or false", int: "a number", float: "a number", str: "a string"}.get(hint, "a table")


@dataclasses.dataclass(frozen=True)
class Option:
    table: str
    key: str
    kind: str
    default: str | None  # as TOML; None: not set
    user_only: str = ""  # what it does, if only the user may set it


def _options(table: str, cls: type) -> Iterator[Option]:
    hints = typing.get_type_hints(cls)
    for name, f in option_fields(cls).items():
        key, hint = name.replace("_", "-"), hints[name]
        if dataclasses.is_dataclass(hint):
            yield from _options(f"{table}.{key}", hint)
            continue
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
        yield Option(table, key, _kind(hint), None if default in (None, "") else _toml(default),
                     f.metadata.get(USER_ONLY, ""))


def section_options(registry: Registry) -> list[Option]:
    """Every option of every family section ([grammar], [style])."""
    return [o for name in sorted(registry.sections) for o in _options(name, registry.sections[name])]


def user_only_rule_options(registry: Registry) -> list[Option]:
    return [o for rid in sorted(registry.rules) for o in _options(f'rules."{rid}"', registry.rules[rid].Options)
            if o.user_only]


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, 96, initial_indent="# ", subsequent_indent="# ",
                                   break_on_hyphens=False, break_long_words=False))


def starter(registry: Registry) -> str:
    out = [_HEAD]
    for k in SCHEMA:
        out.append(_wrap(f"{k.help} [{MERGES[k.merge]}]"))
        out.append("\n".join(f"# {line}" for line in k.example.split("\n")) if k.example
                   else f"{k.name} = {k.default}")
        out.append("")
    out.append(_wrap("Family sections. An option marked 'user only' starts a program, loads code or sends copy "
                     f"over the network: only your own configuration ({USER_CONFIG}) may set it."))
    table = None
    for o in section_options(registry) + user_only_rule_options(registry):
        if o.table != table:
            out.append(f"# [{o.table}]")
            table = o.table
        line = f"# {o.key} = {o.default}" if o.default is not None else f"# {o.key} = ...   # not set"
        out.append(line + (f"; user only: {o.user_only}" if o.user_only and o.default is None
                           else f"   # user only: {o.user_only}" if o.user_only else ""))
    return "\n".join(out) + "\n"


def markdown(registry: Registry) -> str:
    """The table of every key, for docs/configuration.md."""
    rows = ["| Key | Default | In a sub-folder's file | What it is |", "|---|---|---|---|"]
    for k in SCHEMA:
        name = f"`[{k.name}]`" if k.example.startswith("[") else f"`{k.name}`"
        default = k.default if k.default.startswith("(") else f"`{k.default}`"
        choices = f" One of {', '.join(f'`{c}`' for c in k.choices)}." if k.choices else ""
        rows.append(f"| {name} | {default} | {MERGES[k.merge]} | {k.help}{choices} |")
    for o in section_options(registry) + user_only_rule_options(registry):
        what = o.kind[0].upper() + o.kind[1:] + "." + (f" **User only**: {o.user_only}." if o.user_only else "")
        default = "(not set)" if o.default is None else f"`{o.default}`"
        rows.append(f"| `[{o.table}] {o.key}` | {default} | {MERGES['per-key']} | {what} |")
    return "\n".join(rows) + "\n"
