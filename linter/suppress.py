"""Inline suppressions: ``<!-- newslint-disable rule -->`` and friends.

In Markdown and HTML the directive is an HTML comment; in MDX, where HTML comments are an
error (MDX 2 and later), it is a JavaScript comment in braces, ``{/* newslint-disable rule */}``
(read in Markdown too); in plain text the same words stand on a line of their own (or in an
HTML comment). ``disable`` lasts until ``enable`` (or
the end of the file); ``disable-next-line`` covers the next line that is not blank.
Without rule ids a directive covers every rule. Which findings they silence, and which
suppressions silenced nothing, is decided with the rest of the policy (``policy.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diagnostic import Diagnostic
from .registry import matches

_DIRECTIVE = r"newslint-(disable-next-line|disable|enable)\b"
_COMMENT = re.compile(r"<!--\s*" + _DIRECTIVE + r"([^>]*?)\s*-->")
_JSX = re.compile(r"\{/\*\s*" + _DIRECTIVE + r"([^*}]*)\*/\}")  # ([^*}]*): linear on any input
_PLAIN = re.compile(r"^[ \t]*" + _DIRECTIVE + r"([^\n]*?)[ \t]*\r?$", re.M)


@dataclass
class Suppression:
    rules: tuple[str, ...]  # empty: all rules
    first_line: int
    last_line: int
    line: int  # where the directive is
    column: int
    end_column: int
    used: bool = field(default=False)

    def covers(self, d: Diagnostic) -> bool:
        if not (self.first_line <= d.line <= self.last_line):
            return False
        return not self.rules or any(matches(d.rule, r) for r in self.rules)


def find_suppressions(source: str, fmt: str) -> list[Suppression]:
    found = list(_COMMENT.finditer(source))
    extra = {"plain": _PLAIN, "markdown": _JSX, "mdx": _JSX}.get(fmt)
    if extra is not None:
        found = sorted(found + list(extra.finditer(source)), key=lambda m: m.start())
    if not found:
        return []
    lines = source.split("\n")
    n_lines = len(lines)
    out: list[Suppression] = []
    open_: list[Suppression] = []
    for m in found:
        line = source.count("\n", 0, m.start()) + 1
        col = m.start() - (source.rfind("\n", 0, m.start()) + 1) + 1
        end_col = col + len(m.group(0).rstrip("\r"))
        kind = m.group(1)
        rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
        if kind == "disable-next-line":
            target = line + 1
            while target <= n_lines and not lines[target - 1].strip():
                target += 1
            out.append(Suppression(rules, target, target, line, col, end_col))
        elif kind == "disable":
            s = Suppression(rules, line, n_lines, line, col, end_col)
            out.append(s)
            open_.append(s)
        else:  # enable
            still = []
            for s in open_:
                # a bare enable ends every disable; "enable X" ends the disables that name X
                if not rules or set(s.rules) & set(rules):
                    s.last_line = line
                else:
                    still.append(s)
            open_ = still
    return out
