"""SARIF 2.1.0 for code-scanning services."""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from ..diagnostic import Applicability, Diagnostic
from ..escape import text_of
from ..registry import Registry
from ..results import FileResult, RunResult
from . import Format
from .text import hint

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: Path) -> str:
    """Percent-encoded from the name's bytes, so a name that is not UTF-8 is exact too."""
    return quote(os.fsencode(path.as_posix()))


def _artifact(path: str) -> dict:
    """A path under the current folder as a relative, percent-encoded URI against %SRCROOT%;
    any other as an absolute file: URI with no base id."""
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": "file://" + _uri(absolute)}
    return {"uri": _uri(rel), "uriBaseId": "%SRCROOT%"}


def _region(f: FileResult, start: int, end: int) -> dict | None:
    first, last = f.position(start), f.position(end)
    if first is None or last is None:
        return None
    return {"startLine": first[0], "startColumn": first[1], "endLine": last[0], "endColumn": last[1]}


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False) -> str:
    from .. import __version__

    diags = result.diagnostics
    rule_ids = sorted({d.rule for d in diags} | set(registry.rules))
    index = {rid: i for i, rid in enumerate(rule_ids)}
    rules = []
    for rid in rule_ids:
        cls = registry.rules.get(rid) or registry.rules.get(rid.rsplit("/", 1)[0])
        summary = cls.summary if cls else rid
        entry = {
            "id": rid,
            "name": rid.replace("/", "-"),
            "shortDescription": {"text": summary},
            "fullDescription": {"text": (cls.explain() if cls else summary).strip()},
            "help": {"text": (cls.explain() if cls else summary).strip(),
                     "markdown": f"`newslint explain {rid}`\n\n" + (cls.explain() if cls else summary).strip()},
            "defaultConfiguration": {"level": _LEVEL[cls.default_severity.value] if cls else "warning"},
            "properties": {"category": cls.category.value if cls else "style"},
        }
        rules.append(entry)
    results = []
    for f in result.files:
        location = _artifact(f.path)
        for d in sorted(f.diagnostics, key=Diagnostic.sort_key):
            tail = hint(d, result)
            res = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": _LEVEL[d.severity.value],
                "message": {"text": text_of(d.message) + (f" Suggestion: {tail}." if tail else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": d.end_column},
                }}],
                "properties": {"category": d.category.value},
            }
            safe = d.fix is not None and d.fix.applicability == Applicability.SAFE
            regions = [_region(f, e.start, e.end) for e in d.fix.edits] if safe else []
            if safe and None not in regions:
                res["fixes"] = [{"description": {"text": d.fix.description},
                                 "artifactChanges": [{"artifactLocation": location, "replacements": [
                                     {"deletedRegion": region, "insertedContent": {"text": e.text}}
                                     for e, region in zip(d.fix.edits, regions)]}]}]
            results.append(res)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + _uri(Path.cwd()) + "/"}},
            "results": results,
        }],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


FORMAT = Format(render)
