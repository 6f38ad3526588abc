"""`path:line:col: severity rule message [-> suggestion]`, coloured on a terminal."""
from __future__ import annotations

from ..registry import Registry
from ..runner import RunResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def render(result: RunResult, registry: Registry, color: bool) -> str:
    lines = []
    for d in result.diagnostics:
        sev = d.severity.value
        sugg = f" -> {', '.join(d.suggestions[:3])}" if d.suggestions else ""
        if color:
            lines.append(f"{_BOLD}{d.path}:{d.line}:{d.column}:{_RESET} {_COLORS[sev]}{sev}{_RESET} "
                         f"{_DIM}{d.rule}{_RESET} {d.message}{sugg}")
        else:
            lines.append(f"{d.path}:{d.line}:{d.column}: {sev} {d.rule} {d.message}{sugg}")
    return "\n".join(lines) + ("\n" if lines else "")


def statistics(result: RunResult) -> str:
    """Counts by rule, and per-file readability when the readability rules ran."""
    from collections import Counter

    counts = Counter(d.rule for d in result.diagnostics)
    out = []
    for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"{n:6d}  {rule}")
    words = sum(f.stats.get("words", 0) for f in result.files)
    out.append(f"{sum(counts.values()):6d}  total in {len(result.files)} file(s), {words} words")
    for f in result.files:
        r = f.stats.get("readability")
        if r:
            out.append(f"{f.path}: grade {r.get('flesch_kincaid_grade')}, reading ease "
                       f"{r.get('flesch_reading_ease')}, {r.get('sentences')} sentences, "
                       f"{r.get('average_sentence_length')} words/sentence, {r.get('percent_passive')}% passive, "
                       f"{r.get('percent_long_sentences')}% long")
    return "\n".join(out) + "\n"
