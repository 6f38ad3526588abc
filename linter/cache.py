"""Results cached per file, so a re-run checks only what changed.

An entry's key is a hash of the file's path and bytes and of everything that decides its findings:
the newslint version, the effective configuration (rules, options, dialect, markup), the
accepted words of the dictionaries and the rules that run, with their plugin versions.
Entries are written to a temporary file and renamed into place, so two runs sharing the
cache never see half an entry; an entry that cannot be read is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .resource import Resource

_FORMAT = 1
DEFAULT_DIR = ".newslint_cache"


def engine_key(engine, version: str) -> str:
    """What, besides the file, decides a file's findings under this engine."""
    parts = [f"format={_FORMAT}", f"newslint={version}", _code_stamp(), repr(engine.config), repr(engine.markup)]
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


def _dist_version(module: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(module)
    except metadata.PackageNotFoundError:
        return "?"


class ResultCache:
    def __init__(self, directory: Path) -> None:
        self.dir = directory

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    @staticmethod
    def key(path: str, data: bytes, engine_key: str) -> str:
        head = f"{engine_key}\0{path}\0".encode("utf-8", "surrogateescape")
        return hashlib.sha256(head + data).hexdigest()

    def get(self, key: str):
        try:
            with open(self._path(key), "rb") as fh:
                return pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing, truncated or foreign: a miss
            return None

    def put(self, key: str, value) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not (self.dir / ".gitignore").exists():
                (self.dir / ".gitignore").write_text("# created by newslint\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk: the run goes on without caching
