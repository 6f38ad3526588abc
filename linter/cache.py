"""Results cached per file, so a re-run checks only what changed.

An entry's key is a hash of the file's path and bytes and of everything that decides its findings:
the newslint version and files, the versions of the packages its rules read (pyspellchecker's and
wordfreq's word lists, Harper...), the effective configuration (rules, options, dialect, markup),
the accepted words of the dictionaries and the rules that run, with their plugin versions. A file
on which a rule ran degraded (it said so in a notice: LanguageTool unreachable, a model that
would not load) is not cached, so the next run checks it again.

Entries are data only: JSON, read with ``json.loads`` into the result types field by field, so
an entry can at worst be a wrong result, never run code. By default they live outside the
checked tree, in the user's cache folder (``$XDG_CACHE_HOME/newslint/results/<repository>``);
a folder named with ``--cache-dir`` that git tracks files in is refused (a pull request could
plant entries), and so is one that is a symbolic link. Entries are opened without following
links and written to a unique temporary file renamed into place, so two runs sharing the cache
never see half an entry; an entry that cannot be read is a miss, never an error.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .datacache import user_cache_home
from .diagnostic import Applicability, Category, Diagnostic, Edit, Fix, Severity
from .resource import Resource

_FORMAT = 3
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def engine_key(engine, version: str) -> str:
    """What, besides the file, decides a file's findings under this engine."""
    parts = [f"format={_FORMAT}", f"newslint={version}", _code_stamp(), _dependency_versions(),
             repr(engine.config), repr(engine.markup)]
    for rule in engine.rules:
        mod = type(rule).__module__.split(".")[0]
        parts.append(f"{rule.id}={type(rule).__module__}.{type(rule).__qualname__}@{_dist_version(mod)}")
    parts.append(",".join(sorted(engine.rules[0].settings.dictionary)) if engine.rules else "")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _stamp_code() -> str:
    """newslint's own files (code and data) by size and modification time: an edited install
    (pip install -e, a checkout) invalidates the cache as a new version does."""
    root = Path(__file__).resolve().parent
    rules = root.parent / "rules" if (root.parent / "rules").is_dir() else root / "rules"
    stamp = []
    for base in (root, rules):
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in (".py", ".toml", ".txt", ".gz", ".npz", ".json", ".bin", ".msgpack"):
                st = p.stat()
                stamp.append(f"{p.relative_to(base)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamp).encode()).hexdigest()


# stamped once per process: a long-lived host restarts to pick up an upgrade
_code_stamp = Resource("code-stamp", _stamp_code)


def _requirement_versions() -> str:
    """The installed version of every package newslint requires: an upgraded word list
    (pyspellchecker, wordfreq) or checker (harper-py) changes findings."""
    import re
    from importlib import metadata

    try:
        names = sorted({re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0] for r in metadata.requires("newslint") or ()})
    except metadata.PackageNotFoundError:  # pragma: no cover - a source tree
        return ""
    return ",".join(f"{n}={_dist_version(n)}" for n in names)


_dependency_versions = Resource("dependency-versions", _requirement_versions)


def _dist_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


# --- where ---------------------------------------------------------------------------------------------

def default_dir(cwd: str | None = None) -> Path:
    """The user's cache folder for the repository (the folder holding ``.git``) around `cwd`."""
    here = Path(os.path.abspath(cwd or os.getcwd()))
    top = next((d for d in (here, *here.parents) if (d / ".git").exists()), here)
    digest = hashlib.sha256(os.fsencode(top)).hexdigest()[:16]
    return user_cache_home() / "results" / f"{top.name or 'root'}-{digest}"


def refusal(directory: Path) -> str | None:
    """Why a cache folder named on the command line is not used, or None: a symbolic link, or a
    folder git tracks files in (entries there could come from a pull request)."""
    if os.path.islink(directory):
        return f"--cache-dir {directory} is a symbolic link; results are not cached"
    if not os.path.isdir(directory):
        return None
    try:
        tracked = subprocess.run(["git", "ls-files", "-z", "--", "."], cwd=directory, capture_output=True).stdout
    except OSError:  # no git: nothing is tracked
        return None
    if tracked:
        return f"--cache-dir {directory} holds files git tracks; results are not cached"
    return None


# --- entries ---------------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, (Category, Severity, Applicability)):
        return value.value
    raise TypeError(type(value).__name__)


def encode(result) -> bytes:
    """A FileResult as JSON: its fields, the lines it keeps as [number, offset, text]."""
    raw = {f.name: getattr(result, f.name) for f in dataclasses.fields(result) if f.init and f.name != "patch"}
    raw["diagnostics"] = [dataclasses.asdict(d) for d in result.diagnostics]
    raw["fixed"] = [dataclasses.asdict(d) for d in result.fixed]
    raw["lines"] = [[n, off, text] for n, (off, text) in result.lines.items()]
    return json.dumps(raw, default=_plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _diagnostic(d: dict[str, Any]) -> Diagnostic:
    fix = d.get("fix")
    if fix is not None:
        fix = Fix(tuple(Edit(**e) for e in fix["edits"]), Applicability(fix["applicability"]), fix["description"])
    return Diagnostic(**{**d, "category": Category(d["category"]), "severity": Severity(d["severity"]),
                         "suggestions": tuple(d["suggestions"]), "fix": fix})


def decode(data: bytes, result_type: type) -> Any:
    raw = json.loads(data.decode("utf-8", "surrogatepass"))
    return result_type(**{**raw, "diagnostics": [_diagnostic(d) for d in raw["diagnostics"]],
                          "fixed": [_diagnostic(d) for d in raw["fixed"]],
                          "lines": {n: (off, text) for n, off, text in raw["lines"]}})


class ResultCache:
    def __init__(self, directory: Path, result_type: type) -> None:
        self.dir = Path(directory)
        self.result_type = result_type

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    @staticmethod
    def key(path: str, data: bytes, engine_key: str) -> str:
        head = f"{engine_key}\0{path}\0".encode("utf-8", "surrogateescape")
        return hashlib.sha256(head + data).hexdigest()

    def has(self, key: str) -> bool:
        """A cheap guess that ``get`` would hit (the entry may still prove unreadable)."""
        return os.path.isfile(self._path(key))

    def get(self, key: str):
        try:
            fd = os.open(self._path(key), os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return None
                return decode(fh.read(), self.result_type)
        except Exception:  # noqa: BLE001 - missing, truncated, foreign or planted: a miss
            return None

    def put(self, key: str, value) -> None:
        path = self._path(key)
        try:
            new = not os.path.lexists(self.dir)
            for d in (self.dir, path.parent):
                os.makedirs(d, exist_ok=True)
                if not stat.S_ISDIR(os.lstat(d).st_mode):  # a link put in its place
                    return
            if new:
                self._ignore_file()
            data = encode(value)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)  # replaces a link at `path`; never writes through it
            except OSError:
                os.unlink(tmp)
                raise
        except (OSError, TypeError, ValueError):
            pass  # a read-only or full disk: the run goes on without caching

    def _ignore_file(self) -> None:
        """A .gitignore in a folder the cache created, so that git never tracks it."""
        try:
            fd = os.open(self.dir / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
        except OSError:
            return
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("# created by newslint\n*\n")
