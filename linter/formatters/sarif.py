"""SARIF 2.1.0 for code-scanning services."""
from __future__ import annotations

import json
import os
from bisect import bisect_right
from pathlib import Path
from urllib.parse import quote

from ..diagnostic import Applicability, Diagnostic
from ..document import line_starts
from ..registry import Registry
from ..runner import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _artifact(path: str) -> dict:
    """A path under the current folder as a relative, percent-encoded URI against %SRCROOT%;
    any other as an absolute file: URI with no base id."""
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(rel.as_posix()), "uriBaseId": "%SRCROOT%"}


def _region(starts: list[int], start: int, end: int) -> dict:
    def line_col(offset: int) -> tuple[int, int]:
        i = bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    (sl, sc), (el, ec) = line_col(start), line_col(end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def render(result: RunResult, registry: Registry, color: bool) -> str:
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
        starts = line_starts(f.source) if f.source is not None else None
        for d in sorted(f.diagnostics, key=Diagnostic.sort_key):
            res = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.message + (f" Suggestion: {', '.join(d.suggestions[:3])}." if d.suggestions else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": d.end_column},
                }}],
                "properties": {"category": d.category.value},
            }
            if d.fix is not None and d.fix.applicability == Applicability.SAFE and starts is not None:
                res["fixes"] = [{"description": {"text": d.fix.description},
                                 "artifactChanges": [{"artifactLocation": location, "replacements": [
                                     {"deletedRegion": _region(starts, e.start, e.end),
                                      "insertedContent": {"text": e.text}} for e in d.fix.edits]}]}]
            results.append(res)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "results": results,
        }],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
