"""GitLab Code Quality report (the JSON array GitLab reads from ``artifacts:reports:codequality``):
one issue per finding, with a stable fingerprint (the baseline's: rule, text and context,
never the line number) so GitLab can tell new findings from old ones between pipelines."""
from __future__ import annotations

import json
import os

from ..baseline import fingerprints
from ..registry import Registry
from ..runner import RunResult

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: RunResult, registry: Registry, color: bool) -> str:
    issues = []
    for f in result.files:
        rel = os.path.relpath(os.path.abspath(f.path)).replace(os.sep, "/") if f.path != "-" else f.path
        pairs = fingerprints(f.diagnostics, f.source, rel) if f.source is not None else [(d, "") for d in f.diagnostics]
        for d, fp in pairs:
            issues.append({
                "type": "issue",
                "check_name": d.rule,
                "description": d.message + (f" (suggestion: {', '.join(d.suggestions[:3])})" if d.suggestions else ""),
                "categories": ["Style"],
                "severity": _SEVERITY[d.severity.value],
                "fingerprint": fp or f"{rel}:{d.rule}:{d.line}:{d.column}",
                "location": {"path": rel, "positions": {"begin": {"line": d.line, "column": d.column},
                                                        "end": {"line": d.end_line, "column": d.end_column}}},
            })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
