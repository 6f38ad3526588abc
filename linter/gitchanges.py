"""What a branch changed, from real git: the stories changed since the merge-base with a ref,
and the lines changed in each.

`git merge-base REF HEAD` gives the base; `git diff` between the base and the working tree
gives the added, modified and renamed files (``-z``, so any file name works) and, with
``-U0``, the new line numbers of every hunk. Untracked files count when asked (all their
lines are new).
"""
from __future__ import annotations

import codecs
import os
import re
import subprocess
from dataclasses import dataclass, field

from .discovery import UsageError
from .registry import INTERNAL_ERROR

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def _git(args: list[str], cwd: str) -> str:
    if not os.path.isdir(cwd):
        raise UsageError(f"{cwd}: no such directory")
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="surrogateescape")
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and git is not installed") from None
    if proc.returncode != 0:
        raise _GitFailed(proc.stderr.strip())
    return proc.stdout


class _GitFailed(Exception):
    pass


@dataclass
class Changes:
    root: str                      # the repository's top folder
    base: str                      # the merge-base commit
    files: list[str] = field(default_factory=list)     # absolute paths, sorted
    untracked: set[str] = field(default_factory=set)
    _lines: dict[str, set[int] | None] | None = None

    def lines(self, path: str) -> set[int] | None:
        """The new line numbers changed in `path`; None means every line (a new file)."""
        path = git_path(path)
        if path in self.untracked:
            return None
        if self._lines is None:
            self._lines = self._hunks()
        return self._lines.get(path, set())

    def _hunks(self) -> dict[str, set[int] | None]:
        """One `git diff -U0` of the whole tree against the base, renames detected."""
        diff = _git(["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "-M",
                     "--src-prefix=a/", "--dst-prefix=b/", self.base], self.root)
        out: dict[str, set[int] | None] = {}
        current: str | None = None
        new_file = False
        for line in diff.split("\n"):
            if line.startswith("diff --git "):
                current, new_file = None, False
            elif line.startswith("new file mode"):
                new_file = True
            elif line.startswith("+++ "):
                name = _unquote(line[4:].rstrip("\t"))
                current = os.path.join(self.root, name[2:]) if name.startswith("b/") else None
                if current is not None:
                    out[current] = None if new_file else set()
            elif line.startswith("@@") and current is not None and out.get(current) is not None:
                m = _HUNK.match(line)
                if m:
                    start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                    out[current].update(range(start, start + count))  # type: ignore[union-attr]
        return out


def _unquote(name: str) -> str:
    """A name as a patch header prints it: C-quoted ("b/a\\tb.md") when it holds a quote, a
    backslash or a control character (core.quotePath=false keeps other bytes as they are)."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        raw = codecs.escape_decode(name[1:-1].encode("utf-8", "surrogateescape"))[0]
        return raw.decode("utf-8", "surrogateescape")
    return name


def git_path(path: str) -> str:
    """`path` as git names it: absolute, the folders' links resolved, not a link to the file."""
    path = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


def _fetch_command(ref: str, root: str) -> str:
    """A command that makes `ref` known: a remote-tracking name (origin/main) is fetched from
    its remote into itself (whatever the clone's refspec, single-branch in CI); another name is
    fetched into a branch of that name."""
    remote, _, branch = ref.partition("/")
    if branch and remote in _git(["remote"], root).split():
        return f"git fetch {remote} refs/heads/{branch}:refs/remotes/{ref}"
    if re.fullmatch(r"[0-9a-f]{7,40}", ref):
        return f"git fetch origin {ref}"
    return f"git fetch origin {ref}:{ref}"


def changed_since(ref: str, cwd: str = ".", untracked: bool = False) -> Changes:
    """The stories changed between the merge-base of `ref` and HEAD, and the working tree."""
    try:
        root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except _GitFailed:
        raise UsageError(f"--changed-since: {os.path.abspath(cwd)} is not in a git repository") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], root)
    except _GitFailed:
        raise UsageError(f"--changed-since: git knows no commit {ref!r} (in CI, fetch it first: "
                         f"{_fetch_command(ref, root)})") from None
    try:
        base = _git(["merge-base", ref, "HEAD"], root).strip()
    except _GitFailed:
        shallow = _git(["rev-parse", "--is-shallow-repository"], root).strip() == "true"
        hint = (" This is a shallow clone: fetch more history (actions/checkout with fetch-depth: 0, "
                "or git fetch --unshallow)." if shallow else "")
        raise UsageError(f"--changed-since: no common history between {ref!r} and HEAD.{hint}") from None
    names = _git(["diff", "--name-only", "-z", "--diff-filter=AMR", "-M", base], root).split("\0")
    changes = Changes(root, base)
    files = {os.path.join(root, n) for n in names if n}
    if untracked:
        extra = _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
        changes.untracked = {os.path.join(root, n) for n in extra if n}
        files |= changes.untracked
    changes.files = sorted(f for f in files if os.path.isfile(f))
    return changes


def head_commit(path: str) -> str | None:
    """The commit checked out where `path` is ("1a2b3c4 on main"; "1a2b3c4" on a detached
    head), or None outside a git repository or without git."""
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    try:
        commit = _git(["rev-parse", "--short", "HEAD"], folder).strip()
        branch = _git(["rev-parse", "--abbrev-ref", "HEAD"], folder).strip()
    except (_GitFailed, UsageError):
        return None
    return f"{commit} on {branch}" if branch and branch != "HEAD" else commit


def only_changed_lines(files, changes: Changes, story_level: frozenset[str]) -> None:
    """Keep, in each FileResult, the findings that touch a changed line; story-level findings
    (rule ids in `story_level`) stay whenever the story changed, and so does a rule that
    failed (it says nothing about a line). The engine's own findings on a line (an unused
    suppression, a markup error) are judged by their line like any other."""
    for f in files:
        lines = changes.lines(f.path)
        if lines is None:
            continue
        f.diagnostics = [d for d in f.diagnostics
                         if d.rule in story_level or d.rule == INTERNAL_ERROR
                         or any(n in lines for n in range(d.line, d.end_line + 1))]
