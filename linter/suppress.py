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
from bisect import bisect_right
from dataclasses import dataclass, field

from .diagnostic import Diagnostic
from .document import line_starts
from .registry import matches

_DIRECTIVE = re.compile(r"\s*newslint-(disable-next-line|disable|enable)\b")
# in plain text, a line of its own (a line ends at "\n", "\r\n" or a lone "\r")
_PLAIN = re.compile(r"(?:^|(?<=\r))[ \t]*(newslint-(disable-next-line|disable|enable)\b[^\r\n]*)", re.M)


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


def _comments(source: str, opener: str, closer: str, not_inside: str) -> list[tuple[int, int, str, str]]:
    out = []
    pos = source.find(opener)
    while pos != -1:
        end = source.find(closer, pos + len(opener))
        if end == -1:
            break
        m = _DIRECTIVE.match(source, pos + len(opener), end)
        if m and not any(c in source[m.end():end] for c in not_inside):
            out.append((pos, end + len(closer), m.group(1), source[m.end():end]))
        pos = source.find(opener, end + len(closer))
    return out


def _directives(source: str, fmt: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, rule list) of each directive, in source order. Comments are found
    one after another (an HTML comment ends at the first "-->"), so the time is linear."""
    out = _comments(source, "<!--", "-->", ">")
    if fmt in ("markdown", "mdx"):
        out += _comments(source, "{/*", "*/}", "*}")
        out.sort()
    if fmt == "plain":
        for m in _PLAIN.finditer(source):
            text = m.group(1).rstrip()
            out.append((m.start(1), m.start(1) + len(text), m.group(2), text[len("newslint-") + len(m.group(2)):]))
        out.sort()
    return out


def find_suppressions(source: str, fmt: str) -> list[Suppression]:
    found = _directives(source, fmt)
    if not found:
        return []
    starts = line_starts(source)
    n_lines = len(starts)

    def blank(line: int) -> bool:
        end = starts[line] if line < n_lines else len(source)
        return not source[starts[line - 1]:end].strip()

    out: list[Suppression] = []
    open_all: list[Suppression] = []  # disables without rule ids: only a bare enable ends them
    open_by_rule: dict[str, list[Suppression]] = {}
    for start, end, kind, names in found:
        line = bisect_right(starts, start)
        col = start - starts[line - 1] + 1
        end_col = col + (end - start)
        rules = tuple(r for r in re.split(r"[\s,]+", names.strip()) if r)
        if kind == "disable-next-line":
            target = line + 1
            while target <= n_lines and blank(target):
                target += 1
            out.append(Suppression(rules, target, target, line, col, end_col))
        elif kind == "disable":
            s = Suppression(rules, line, n_lines, line, col, end_col)
            out.append(s)
            for r in rules:
                open_by_rule.setdefault(r, []).append(s)
            if not rules:
                open_all.append(s)
        else:  # enable
            # a bare enable ends every disable; "enable X" ends the disables that name X
            closing = [s for group in open_by_rule.values() for s in group] + open_all if not rules else \
                [s for r in rules for s in open_by_rule.pop(r, [])]
            for s in closing:
                if s.last_line == n_lines:  # still open
                    s.last_line = line
            if not rules:
                open_by_rule.clear()
                open_all.clear()
    return out
