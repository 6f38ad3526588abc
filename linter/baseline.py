"""Baselines: accept today's findings, fail only on new ones.

A finding's fingerprint is its rule, the text it covers and a little of the text around it
on its line (whitespace collapsed), plus its rank among identical ones in the file; never a
line number, so an edit elsewhere in the story does not make old findings look new. The
baseline file is sorted JSON, one entry per finding, diff-friendly.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .diagnostic import Diagnostic
from .escape import text_of
from .registry import INTERNAL_ERROR
from .results import FileResult
from .safeio import read_regular, write_output

VERSION = 1
MAX_BYTES = 256 << 20  # a baseline of a million findings is about 200 MB
_CONTEXT = 24  # characters each side


class BaselineError(Exception):
    """The baseline file cannot be read."""


def _norm(text: str) -> str:
    return " ".join(text.split())


def _key(path: str, root: Path) -> str:
    try:
        key = Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
    except ValueError:  # another drive
        key = Path(path).as_posix()
    return text_of(key)


def fingerprints(f: FileResult, path_key: str) -> list[tuple[Diagnostic, str]]:
    """Each diagnostic of one file with its fingerprint."""
    out = []
    seen: Counter[str] = Counter()
    for d in f.diagnostics:
        start, end = f.offset(d.line, d.column), f.offset(d.end_line, d.end_column)
        first, last = f.line_bounds(d.line), f.line_bounds(d.end_line)
        if start is None or end is None or first is None or last is None:
            parts = (d.message, "", "")  # the text is not known: the message stands for it
        else:
            parts = (f.text(start, end) or "", f.text(max(first[0], start - _CONTEXT), start) or "",
                     f.text(end, min(last[1], end + _CONTEXT)) or "")
        base = "\x1f".join((path_key, d.rule, *(_norm(p) for p in parts)))
        seen[base] += 1
        digest = hashlib.sha256(f"{base}\x1f{seen[base]}".encode("utf-8", "backslashreplace")).hexdigest()[:20]
        out.append((d, digest))
    return out


@dataclass
class Comparison:
    new: list[Diagnostic]
    matched: int
    gone: int


def _recorded(d: Diagnostic) -> bool:
    """A crash of a rule is never accepted into a baseline: it says nothing about the story."""
    return d.rule != INTERNAL_ERROR


def entries(files: Iterable[FileResult], root: Path) -> list[dict]:
    """Baseline entries for a run's files."""
    out = []
    for f in files:
        key = _key(f.path, root)
        for d, fp in fingerprints(f, key):
            if _recorded(d):
                start, end = f.offset(d.line, d.column), f.offset(d.end_line, d.end_column)
                text = f.text(start, end) if start is not None and end is not None else None
                out.append({"path": key, "rule": d.rule, "text": (text or "")[:80], "fingerprint": fp})
    out.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return out


def write(path: Path, files: Iterable[FileResult]) -> int:
    """Write the baseline (``safeio.write_output``: an OutputError names what failed)."""
    data = {"newslint-baseline": VERSION, "findings": entries(files, Path(os.path.abspath(path)).parent)}
    write_output(path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return len(data["findings"])


def read(path: Path) -> Counter[tuple[str, str]]:
    """(path, fingerprint) of every baseline entry, counted."""
    try:
        data = json.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
        if not isinstance(data, dict) or data.get("newslint-baseline") != VERSION:
            raise ValueError("not a newslint baseline file")
        return Counter((e["path"], e["fingerprint"]) for e in data["findings"])
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a valid baseline file (nested too deeply)") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a valid baseline file ({str(exc)[:200]})") from None


def compare(files: Iterable[FileResult], baseline: Path) -> Comparison:
    """Drop the findings the baseline holds from each FileResult; count the rest."""
    known = read(baseline)
    root = Path(os.path.abspath(baseline)).parent
    matched = 0
    checked: set[str] = set()
    new: list[Diagnostic] = []
    for f in files:
        if f.skipped:
            continue
        key = _key(f.path, root)
        checked.add(key)
        keep = []
        for d, fp in fingerprints(f, key):
            if _recorded(d) and known[(key, fp)] > 0:
                known[(key, fp)] -= 1
                matched += 1
            else:
                keep.append(d)
        f.diagnostics = keep
        new.extend(keep)
    # entries of stories not checked in this run (--changed-since) are not "gone"
    gone = sum(n for (key, _), n in known.items() if key in checked)
    return Comparison(new, matched, gone)
