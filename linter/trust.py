"""The one place that decides whether a setting may come from the checked repository.

A repository's configuration (``newslint.toml``, ``.newslint.toml``, ``pyproject.toml``, the
files they ``extend``, a file named with ``--config``) is written by whoever opens a pull
request, and newslint reads it in CI and in an editor that opens the repository. So options
that start a program, load code or send copy over the network are the user's alone. An option
declares itself so with ``user_only(...)``; today these are:

- ``[grammar.languagetool] path``: starts ``java`` on the install it names;
- ``[grammar.languagetool] url`` and ``allow-remote``: send the story's text to a server;
- ``masked-model`` of word-choice/unusual-word and word-choice/real-word: loads model weights
  with transformers, and weights saved as PyTorch pickles can run code when loaded.

They are read from the user configuration file (``$NEWSLINT_USER_CONFIG``, else
``$XDG_CONFIG_HOME/newslint/newslint.toml``, else ``~/.config/newslint/newslint.toml``), which
lies under every repository's configuration, and from the environment (``LTP_PATH``). In a
repository's file they are left out, with a notice saying where to set them, unless the user
trusts the repository's configuration: ``--trust-config`` or ``NEWSLINT_TRUST_CONFIG=1``.

Everything else a repository may set: it only reads (dictionaries and ``extend`` files: regular
files, size-limited) or matches text (house-term patterns run on RE2, which cannot backtrack).
"""
from __future__ import annotations

import dataclasses
import os
import typing
from pathlib import Path
from typing import Any

from .options import option_fields

USER_ONLY = "newslint.user-only"
_TRUE = ("1", "true", "yes", "on")


def user_only(default: Any, does: str) -> Any:
    """A dataclass field for an option only the user may set; `does` says why ("starts a
    program", "sends the story's text to a server")."""
    return dataclasses.field(default=default, metadata={USER_ONLY: does})


def user_config_path() -> Path:
    env = os.environ.get("NEWSLINT_USER_CONFIG")
    if env:
        return Path(os.path.abspath(os.path.expanduser(env)))
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(os.path.abspath(base)) / "newslint" / "newslint.toml"


def trusted_by_environment() -> bool:
    return os.environ.get("NEWSLINT_TRUST_CONFIG", "").strip().lower() in _TRUE


def _withhold(options_cls: type, table: Any, where: str, out: list[str]) -> Any:
    """`table` (the TOML table `where`) without the user-only options of `options_cls`, in
    sub-tables too; each one left out is added to `out` ("[grammar.languagetool] path (...)")."""
    fields = option_fields(options_cls)
    if not fields or not isinstance(table, dict):
        return table
    hints = typing.get_type_hints(options_cls)
    kept = {}
    for key, value in table.items():
        f = fields.get(key.replace("-", "_"))
        if f is not None and USER_ONLY in f.metadata:
            out.append(f"[{where}] {key} ({f.metadata[USER_ONLY]})")
            continue
        hint = hints.get(f.name) if f is not None else None
        kept[key] = _withhold(hint, value, f"{where}.{key}", out) if dataclasses.is_dataclass(hint) else value
    return kept


def withhold(data: dict[str, Any], registry) -> tuple[dict[str, Any], list[str]]:
    """A repository file's table without the options only the user may set, and what was left out."""
    out: list[str] = []
    data = dict(data)
    for name, cls in registry.sections.items():
        if name in data:
            data[name] = _withhold(cls, data[name], name, out)
    rules = data.get("rules")
    if isinstance(rules, dict):
        data["rules"] = {rid: _withhold(registry.rules[rid].Options, table, f'rules."{rid}"', out)
                         if rid in registry.rules else table for rid, table in rules.items()}
    return data, out


def withheld_notice(path: Path, what: str) -> str:
    return (f"{path}: {what} ignored: a repository's configuration may not set it. Set it in "
            f"{user_config_path()}, or trust this repository's configuration with --trust-config")
