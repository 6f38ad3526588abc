"""Inline suppressions: ``<!-- newslint-disable rule -->`` and friends.

In Markdown and HTML the directive is an HTML comment; in plain text the same words stand
on a line of their own. ``disable`` lasts until ``enable`` (or the end of the file);
``disable-next-line`` covers the next line that is not blank. Without rule ids a
directive covers every rule. Suppressions that silence nothing are reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diagnostic import Category, Diagnostic, Severity
from .registry import matches

_COMMENT = re.compile(r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
_PLAIN = re.compile(r"^[ \t]*newslint-(disable-next-line|disable|enable)\b([^\n]*?)[ \t]*\r?$", re.M)
UNUSED_ID = "newslint/unused-suppression"


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
    pattern = _PLAIN if fmt == "plain" else _COMMENT
    found = list(pattern.finditer(source))
    if fmt == "plain":
        found += list(_COMMENT.finditer(source))
        found.sort(key=lambda m: m.start())
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


def apply_suppressions(path: str, diags: list[Diagnostic], sups: list[Suppression]) -> list[Diagnostic]:
    if not sups:
        return diags
    kept = []
    for d in diags:
        hit = [s for s in sups if s.covers(d)]
        for s in hit:
            s.used = True
        if not hit:
            kept.append(d)
    for s in sups:
        if not s.used:
            what = ", ".join(s.rules) if s.rules else "all rules"
            kept.append(Diagnostic(path, s.line, s.column, s.line, s.end_column, UNUSED_ID,
                                   Category.STYLE, Severity.INFO,
                                   f"unused suppression ({what}): nothing here was reported"))
    return kept
