"""The JSON contract (version 1).

Additions stay backward compatible: each diagnostic carries ``action``, what its fix or
first suggestion does in words ("delete 'the'", "insert ','", "replace with 'story'"), or
null; in ``suggestions`` an empty string means "delete the span". File names that are not
valid UTF-8 show each such byte as ``\\xNN``."""
from __future__ import annotations

import json

from ..escape import text_of
from ..fixes import suggestion_label
from ..registry import Registry
from ..results import RunResult
from . import Format


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False) -> str:
    files = []
    for f in result.files:
        entry = {"path": text_of(f.path), **f.stats}
        if f.skipped:
            entry["skipped"] = True
        if f.fixed:
            entry["fixed"] = len(f.fixed)
        files.append(entry)
    diagnostics = []
    for d in result.diagnostics:
        entry = d.to_json()
        entry["path"] = text_of(d.path)
        entry["action"] = suggestion_label(d, result.text_reader(d.path)) or None
        diagnostics.append(entry)
    from .. import __version__

    doc = {"version": 1, "tool": {"name": "newslint", "version": __version__}, "files": files,
           "diagnostics": diagnostics, "notices": [text_of(n) for n in result.notices]}
    if statistics:
        from .text import statistics_json

        doc["statistics"] = statistics_json(result)
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


FORMAT = Format(render, statistics=True)
