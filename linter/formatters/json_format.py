"""The JSON contract of design.md (version 1)."""
from __future__ import annotations

import json

from ..registry import Registry
from ..runner import RunResult


def render(result: RunResult, registry: Registry, color: bool) -> str:
    files = []
    for f in result.files:
        entry = {"path": f.path, **f.stats}
        if f.skipped:
            entry["skipped"] = True
        if f.fixed:
            entry["fixed"] = len(f.fixed)
        files.append(entry)
    doc = {"version": 1, "files": files, "diagnostics": [d.to_json() for d in result.diagnostics],
           "notices": result.notices}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
