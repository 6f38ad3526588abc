"""GitLab Code Quality report (the JSON array GitLab reads from ``artifacts:reports:codequality``):
one issue per finding, with a stable fingerprint (the baseline's: rule, text and context,
never the line number) so GitLab can tell new findings from old ones between pipelines."""
from __future__ import annotations

import json
import os

from ..baseline import fingerprints
from ..escape import text_of
from ..registry import Registry
from ..results import RunResult
from . import Format
from .text import hint

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False) -> str:
    issues = []
    for f in result.files:
        rel = text_of(os.path.relpath(os.path.abspath(f.path)).replace(os.sep, "/") if f.path != "-" else f.path)
        for d, fp in fingerprints(f, rel):
            tail = hint(d, result)
            issues.append({
                "type": "issue",
                "check_name": d.rule,
                "description": d.message + (f" (suggestion: {tail})" if tail else ""),
                "categories": ["Style"],
                "severity": _SEVERITY[d.severity.value],
                "fingerprint": fp,
                "location": {"path": rel, "positions": {"begin": {"line": d.line, "column": d.column},
                                                        "end": {"line": d.end_line, "column": d.end_column}}},
            })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


FORMAT = Format(render)
