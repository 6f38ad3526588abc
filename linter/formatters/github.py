"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from ..registry import Registry
from ..runner import RunResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, registry: Registry, color: bool) -> str:
    out = []
    for d in result.diagnostics:
        msg = d.message + (f" (suggestion: {', '.join(d.suggestions[:3])})" if d.suggestions else "")
        props = (f"file={_escape_prop(d.path)},line={d.line},col={d.column},"
                 f"endLine={d.end_line},endColumn={d.end_column},title={_escape_prop(d.rule)}")
        out.append(f"::{_LEVEL[d.severity.value]} {props}::{_escape_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")
