"""SARIF 2.1.0 for code-scanning services."""
from __future__ import annotations

import json
from pathlib import Path

from ..registry import Registry
from ..runner import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


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
            "help": {"text": (cls.explain() if cls else summary).strip()},
            "defaultConfiguration": {"level": _LEVEL[cls.default_severity.value] if cls else "warning"},
            "properties": {"category": cls.category.value if cls else "style"},
        }
        rules.append(entry)
    results = []
    for d in diags:
        uri = Path(d.path).as_posix()
        results.append({
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": _LEVEL[d.severity.value],
            "message": {"text": d.message + (f" Suggestion: {', '.join(d.suggestions[:3])}." if d.suggestions else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": d.line, "startColumn": d.column,
                           "endLine": d.end_line, "endColumn": d.end_column},
            }}],
            "properties": {"category": d.category.value},
        })
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
