"""The JSON contract of design.md (version 1)."""
from __future__ import annotations

import json

from ..registry import Registry
from ..runner import RunResult


def render(result: RunResult, registry: Registry, color: bool, statistics: bool = False) -> str:
    files = []
    for f in result.files:
        entry = {"path": f.path, **f.stats}
        if f.skipped:
            entry["skipped"] = True
        if f.fixed:
            entry["fixed"] = len(f.fixed)
        files.append(entry)
    from .. import __version__

    doc = {"version": 1, "tool": {"name": "newslint", "version": __version__}, "files": files, "diagnostics": [d.to_json() for d in result.diagnostics],
           "notices": result.notices}
    if statistics:
        from .text import statistics_json

        doc["statistics"] = statistics_json(result)
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
