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

VERSION = 1
_CONTEXT = 24  # characters each side


class BaselineError(Exception):
    """The baseline file cannot be read."""


def _norm(text: str) -> str:
    return " ".join(text.split())


def _key(path: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
    except ValueError:  # another drive
        return Path(path).as_posix()


def fingerprints(diags: Iterable[Diagnostic], source: str, path_key: str) -> list[tuple[Diagnostic, str]]:
    """Each diagnostic of one file with its fingerprint."""
    out = []
    seen: Counter[str] = Counter()
    for d in diags:
        line_start = source.rfind("\n", 0, d.start) + 1
        line_end = source.find("\n", d.end)
        line_end = len(source) if line_end == -1 else line_end
        before = _norm(source[max(line_start, d.start - _CONTEXT):d.start])
        after = _norm(source[d.end:min(line_end, d.end + _CONTEXT)])
        base = "\x1f".join((path_key, d.rule, _norm(source[d.start:d.end]), before, after))
        seen[base] += 1
        digest = hashlib.sha256(f"{base}\x1f{seen[base]}".encode("utf-8")).hexdigest()[:20]
        out.append((d, digest))
    return out


@dataclass
class Comparison:
    new: list[Diagnostic]
    matched: int
    gone: int


def entries(files, root: Path) -> list[dict]:
    """Baseline entries for a run's files (FileResult with source)."""
    out = []
    for f in files:
        if f.source is None:
            continue
        key = _key(f.path, root)
        for d, fp in fingerprints(f.diagnostics, f.source, key):
            out.append({"path": key, "rule": d.rule, "text": f.source[d.start:d.end][:80], "fingerprint": fp})
    out.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return out


def write(path: Path, files) -> int:
    data = {"newslint-baseline": VERSION, "findings": entries(files, path.resolve().parent)}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return len(data["findings"])


def read(path: Path) -> Counter[tuple[str, str]]:
    """(path, fingerprint) of every baseline entry, counted."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("newslint-baseline") != VERSION:
            raise ValueError("not a newslint baseline file")
        return Counter((e["path"], e["fingerprint"]) for e in data["findings"])
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a valid baseline file ({exc})") from None


def compare(files, baseline: Path) -> Comparison:
    """Drop the findings the baseline holds from each FileResult; count the rest."""
    known = read(baseline)
    root = baseline.resolve().parent
    matched = 0
    checked: set[str] = set()
    new: list[Diagnostic] = []
    for f in files:
        if f.source is None:
            continue
        key = _key(f.path, root)
        checked.add(key)
        keep = []
        for d, fp in fingerprints(f.diagnostics, f.source, key):
            if known[(key, fp)] > 0 and not d.rule.startswith("newslint/"):
                known[(key, fp)] -= 1
                matched += 1
            else:
                keep.append(d)
        f.diagnostics = keep
        new.extend(keep)
    # entries of stories not checked in this run (--changed-since) are not "gone"
    gone = sum(n for (key, _), n in known.items() if key in checked)
    return Comparison(new, matched, gone)
