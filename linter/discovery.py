"""Which files a run checks: the paths given, folders walked recursively for supported
extensions, ``exclude`` from configuration applied to both (unless ``force_exclude`` is
off, for files named explicitly), and ``.gitignore`` files respected inside folders.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from .markup import SUPPORTED_EXTENSIONS

if TYPE_CHECKING:
    import pathspec

# folders a site generator or a toolchain owns, never stories
SKIPPED_DIRS = frozenset({"node_modules", "_site", "__pycache__"})


class UsageError(Exception):
    """Bad paths or options: exit code 2."""


def _gitignore(directory: str) -> pathspec.PathSpec | None:
    path = os.path.join(directory, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            import pathspec  # only where a folder has a .gitignore

            return pathspec.GitIgnoreSpec.from_lines(fh)
    except OSError:
        return None


def _ignored(specs: list[tuple[str, pathspec.PathSpec]], path: str, is_dir: bool) -> bool:
    """Git's rule: the deepest .gitignore with a matching pattern decides."""
    for base, spec in reversed(specs):
        rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
        result = spec.check_file(rel)
        if result.include is not None:
            return bool(result.include)
    return False


def checked_tree(path: str) -> str:
    """The tree a path is checked as part of, as a real path: the git work tree around it
    (never one a link leads to), else the folder given (or the folder of the file given)."""
    here = os.path.abspath(path)
    start = here if os.path.isdir(here) and not os.path.islink(here) else os.path.dirname(here)
    for d in (start, *Path(start).parents):
        if not os.path.islink(d) and os.path.exists(os.path.join(d, ".git")):
            return os.path.realpath(d)
    return os.path.realpath(start)


def _outside(path: str, tree: str) -> str | None:
    """The target of a link that leads out of `tree`, or None."""
    real = os.path.realpath(path)
    return None if real == tree or real.startswith(tree.rstrip(os.sep) + os.sep) else real


def collect_files(paths: Iterable[str], is_excluded: Callable[[str], bool],
                  force_exclude: bool = True, follow_links: bool = False) -> tuple[list[str], list[str]]:
    """Files to check under `paths`, and notices about what was passed over. A story that is
    a link to a file outside the checked tree (see ``checked_tree``) is passed over unless
    `follow_links`: a repository must not make newslint publish a file from elsewhere."""
    files: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()

    def leaves(fp: str, tree: str) -> bool:
        target = None if follow_links else _outside(fp, tree)
        if target is not None:
            skipped.append(f"{fp}: skipped, a link to {target}, outside the checked tree (--follow-links reads it)")
        return target is not None

    for p in paths:
        path = Path(p)
        if not os.path.lexists(p):
            raise UsageError(f"{p}: no such file or directory")
        tree = checked_tree(p)
        if not path.is_dir():
            if str(path) not in seen and not (force_exclude and is_excluded(str(path))) and not leaves(p, tree):
                seen.add(str(path))
                files.append(str(path))
            continue
        if leaves(p, tree):
            continue
        before = len(files)
        specs: list[tuple[str, pathspec.PathSpec]] = []
        for root, dirs, names in os.walk(path, onerror=lambda e: skipped.append(
                f"{e.filename}: skipped, {e.strerror}")):
            while specs and not (root + os.sep).startswith(specs[-1][0] + os.sep):
                specs.pop()
            spec = _gitignore(root)
            if spec is not None:
                specs.append((root, spec))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                             and not _ignored(specs, os.path.join(root, d), True))
            for name in sorted(names):
                if not name.lower().endswith(SUPPORTED_EXTENSIONS):
                    continue
                fp = os.path.join(root, name)
                if fp in seen or _ignored(specs, fp, False) or is_excluded(fp):
                    continue
                if os.path.islink(fp) and leaves(fp, tree):
                    continue
                seen.add(fp)
                files.append(fp)
        if len(files) == before:
            skipped.append(f"warning: {p}: no stories to check in this folder "
                           f"(newslint reads {', '.join(SUPPORTED_EXTENSIONS)})")
    return files, skipped
