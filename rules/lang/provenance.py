"""What the fitted and built files of ``rules/data`` were made from, so they can be made again
and so an install whose packages no longer match them can say so.

Each fitted or built file records its provenance: the fitted weights (``real_word.toml``,
``unusual_word.toml``) in a ``[provenance]`` table, the built word lists
(``homophones.txt``, ``syllables.txt.gz``) in header lines, the word vectors
(``word_vectors.npz``) in a ``provenance`` entry. A provenance names the script that wrote
the file and when, the hash of the data it was made from (``dataset_sha256``: the benchmark
sets for fitted weights, the source files for built lists), and the versions of the packages
its numbers come from (``[provenance.packages]``) and the hashes of newslint's own data
files it read (``[provenance.files]``).

The scripts in ``benchmarks/`` and ``scripts/`` that write these files call ``record``.
"""
from __future__ import annotations

import datetime
import hashlib
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable


def package_version(name: str) -> str:
    """The installed version of a distribution ("wordfreq"), or "not installed"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def data_sha256(name: str) -> str:
    """The sha256 of a file of ``rules/data`` ("homophones.txt") as shipped."""
    return hashlib.sha256(resources.files("newslint.rules").joinpath(f"data/{name}").read_bytes()).hexdigest()


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sources_sha256(*paths: str | Path) -> str:
    """One hash of the source files a list was built from (name and content, in order)."""
    h = hashlib.sha256()
    for p in map(Path, paths):
        h.update(f"{p.name}\0".encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def dataset_sha256(*directories: str | Path) -> str:
    """One hash of every file under `directories` (relative path and content, in path order):
    the benchmark sets weights were fitted on, wherever they are copied."""
    h = hashlib.sha256()
    for d in directories:
        d = Path(d)
        for p in sorted(q for q in d.rglob("*") if q.is_file()):
            h.update(f"{d.name}/{p.relative_to(d).as_posix()}\0".encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def record(script: str, dataset: str, dataset_hash: str, sources: Iterable[str] = (), note: str = "") -> dict:
    """A provenance table for a file written today by `script`. `sources`: the packages
    (distribution names) and the files of ``rules/data`` (file names) its numbers come from."""
    out: dict = {"written_by": script, "date": datetime.date.today().isoformat(), "dataset": dataset,
                 "dataset_sha256": dataset_hash}
    if note:
        out["note"] = note
    out["packages"] = {s: package_version(s) for s in sources if "." not in s}
    out["files"] = {s: data_sha256(s) for s in sources if "." in s}
    return out


def toml_table(provenance: dict) -> str:
    """A provenance as the ``[provenance]`` table of a TOML data file."""
    def value(v: str) -> str:
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["[provenance]"] + [f"{k} = {value(v)}" for k, v in provenance.items() if not isinstance(v, dict)]
    for table in ("packages", "files"):
        lines += ["", f"[provenance.{table}]"] + [f'"{k}" = {value(v)}' for k, v in provenance.get(table, {}).items()]
    return "\n".join(lines) + "\n"


def stale_packages(provenance: dict) -> list[tuple[str, str, str]]:
    """(package, recorded version, installed version) for each package whose installed
    version is not the one the file was made with."""
    out = []
    for name, version in sorted((provenance.get("packages") or {}).items()):
        installed = package_version(name)
        if installed != version:
            out.append((name, version, installed))
    return out


def header_lines(provenance: dict) -> list[str]:
    """A provenance as ``provenance key: value`` lines, for the comment header of a text file."""
    lines = [f"{k}: {v}" for k, v in provenance.items() if not isinstance(v, dict)]
    lines += [f"package {k}: {v}" for k, v in provenance.get("packages", {}).items()]
    lines += [f"file {k}: {v}" for k, v in provenance.get("files", {}).items()]
    return [f"provenance {line}" for line in lines]


def from_header(lines: Iterable[str]) -> dict:
    """The provenance that ``header_lines`` wrote, read back from a file's comment lines."""
    out: dict = {"packages": {}, "files": {}}
    for line in lines:
        line = line.lstrip("#").strip()
        if not line.startswith("provenance "):
            continue
        key, _, value = line[len("provenance "):].partition(": ")
        kind, _, name = key.partition(" ")
        if kind in ("package", "file") and name:
            out["packages" if kind == "package" else "files"][name] = value
        else:
            out[key] = value
    return out
