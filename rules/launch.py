"""The ``newslint`` command's entry point: start Harper's dictionary, then load the rest.

Harper spends most of a one-story run building its dictionary (0.8 s, the same for every
dialect and configuration, shared by every ``harper.Linter`` the process makes; Rust code that
releases the GIL). newslint's own imports and configuration take another 0.3 s before the
rules are known. So a command that lints starts the dictionary in a background thread first
(``newslint.launch``), and the imports, the configuration and newslint's own rules run beside
it on the other core. The package's names load on first use, so nothing comes before it.

The thread is a guess made before the configuration is read: a run whose configuration turns
Harper off (the LanguageTool backend, or grammar/harper ignored in a config file) spends that
build on the other core for nothing. A command line that selects other rules, or ignores
Harper, does not start it.
"""
from __future__ import annotations

import importlib.util

from newslint import launch

# the commands that lint stories (the language server warms its rules itself)
LINTING = frozenset({"check", "baseline", "report"})


def _option_values(argv: list[str], name: str) -> list[str]:
    """The values of `name` (``--select X`` or ``--select=X``), comma-separated ones split."""
    out = []
    for i, a in enumerate(argv):
        if a == name and i + 1 < len(argv):
            out += argv[i + 1].split(",")
        elif a.startswith(name + "="):
            out += a[len(name) + 1:].split(",")
    return [v.strip() for v in out]


def _names_harper(ids: list[str]) -> bool:
    return any(v in ("grammar", "grammar/harper") or v.startswith("grammar/harper/") for v in ids)


def _wanted(argv: list[str]) -> bool:
    """Whether `argv` is a command that lints with Harper, as far as the command line tells."""
    if not argv or argv[0] not in LINTING or any(a in ("--help", "-h") for a in argv):
        return False
    if _names_harper(_option_values(argv, "--ignore")):
        return False
    selected = _option_values(argv, "--select")
    return not selected or _names_harper(selected)


def _build() -> None:
    import harper

    harper.Linter()  # the dictionary stays loaded for the linters the run builds next
    launch.give_back_freed_memory()  # what the build used and freed (5 MB more at the peak otherwise)


def start_harper(argv: list[str]) -> None:
    """Start building Harper's dictionary in the background if `argv` lints."""
    if _wanted(argv) and importlib.util.find_spec("harper") is not None:  # absent: the rule reports it
        launch.start("newslint-harper-dictionary", _build)


def main() -> None:
    launch.main(start_harper)
