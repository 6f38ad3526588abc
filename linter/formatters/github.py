"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from ..escape import printable
from ..registry import Registry
from ..results import RunResult
from . import Format
from .text import hint

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return printable(s).replace("%", "%25")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False) -> str:
    out = []
    for d in result.diagnostics:
        tail = hint(d, result)
        msg = d.message + (f" (suggestion: {tail})" if tail else "")
        props = (f"file={_escape_prop(d.path)},line={d.line},col={d.column},"
                 f"endLine={d.end_line},endColumn={d.end_column},title={_escape_prop(d.rule)}")
        out.append(f"::{_LEVEL[d.severity.value]} {props}::{_escape_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")


FORMAT = Format(render)
