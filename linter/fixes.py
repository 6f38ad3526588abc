"""Applying fixes: only the edits, nothing else in the file changes."""
from __future__ import annotations

import os
from typing import Callable, Iterable

from .diagnostic import Applicability, Diagnostic, Edit


def choose_edits(diags: Iterable[Diagnostic], unsafe: bool = False) -> list[tuple[Edit, Diagnostic]]:
    """Non-overlapping edits, first come first served in file order."""
    chosen: list[tuple[Edit, Diagnostic]] = []
    last_end = -1
    cands = []
    for d in diags:
        if d.fix and (unsafe or d.fix.applicability == Applicability.SAFE):
            for e in d.fix.edits:
                cands.append((e, d))
    cands.sort(key=lambda ed: (ed[0].start, ed[0].end))
    for e, d in cands:
        if e.start < last_end:
            continue
        if e.start == e.end and not e.text:
            continue
        chosen.append((e, d))
        last_end = max(last_end, e.end)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with the edits made. An edit never splits a CRLF line break: one that starts
    or ends between its CR and its LF takes the whole break."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        start, end = e.start, e.end
        if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n" and end > start:
            start -= 1
        if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
            end += 1
        out.append(text[pos:start])
        out.append(e.text)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- saying what a fix or a suggestion does ---------------------------------------------------------

def describe_edit(old: str | None, new: str) -> str:
    """One edit in words: "delete 'the'", "insert ','", "replace with 'story'". `old` is
    the text the edit covers (None when it is not known)."""
    if not new:
        if not old:
            return "delete it"
        if not old.strip():
            return "delete the space" if len(old) == 1 else "delete the spaces"
        return f"delete '{old.strip()}'"
    if old == "":
        return f"insert '{new}'" if new.strip() else "insert a space"
    return f"replace with '{new}'"


TextAt = Callable[[int, int], "str | None"]  # the source text between two offsets, if known


def _change(d: Diagnostic, text: TextAt) -> tuple[str | None, str] | None:
    """(old text, new text) of what a finding suggests first: its fix when it has one
    (a fix's edit may cover more than the span: the space before a repeated word), else
    its first suggestion over its span. The old text is looked up only for a deletion;
    an insertion's is "", a replacement's None (its words need only the new text)."""
    if d.fix is not None and d.fix.edits:
        start, end, new = d.fix.edits[0].start, d.fix.edits[0].end, d.fix.edits[0].text
    elif d.suggestions:
        start, end, new = d.start, d.end, d.suggestions[0]
    else:
        return None
    if start == end:
        return "", new
    return (None if new else text(start, end)), new


def _replacements(d: Diagnostic, new: str) -> list[str]:
    """The replacement, then the finding's other suggestions, once each."""
    return list(dict.fromkeys([new, *(s for s in d.suggestions if s)]))


def suggestion_label(d: Diagnostic, text: TextAt) -> str:
    """What a finding suggests, in words, with up to two alternatives: "replace with
    'story' (or 'stores', 'storms')", "delete 'the'", "insert ','"."""
    change = _change(d, text)
    if change is None:
        return ""
    old, new = change
    if not new or old == "":
        return describe_edit(old, new)
    first, *more = _replacements(d, new)[:3]
    others = ", ".join(f"'{s}'" for s in more)
    return describe_edit(old, first) + (f" (or {others})" if more else "")


def suggestion_hint(d: Diagnostic, text: TextAt) -> str:
    """The short form one-line formats print after a finding: the replacements
    ("story, stores, storms"), or the deletion or insertion in words ("delete 'the'")."""
    change = _change(d, text)
    if change is None:
        return ""
    old, new = change
    return describe_edit(old, new) if not new or old == "" else ", ".join(_replacements(d, new)[:3])


# --- the fixes as a patch ------------------------------------------------------------------------------

def _byte_lines(data: bytes) -> list[bytes]:
    """Lines as git sees them: split after each LF only (a CR stays in its line)."""
    parts = data.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines


_GIT_ESCAPES = {0x07: b"\\a", 0x08: b"\\b", 0x09: b"\\t", 0x0A: b"\\n", 0x0B: b"\\v", 0x0C: b"\\f",
                0x0D: b"\\r", 0x22: b'\\"', 0x5C: b"\\\\"}


def _patch_name(prefix: bytes, name: bytes) -> bytes:
    """A file name in a patch header, quoted as git quotes it when it must be."""
    if not any(b < 0x20 or b in (0x22, 0x5C, 0x7F) for b in name):
        return prefix + name
    quoted = b"".join(_GIT_ESCAPES.get(b) or (b"\\%03o" % b if b < 0x20 or b == 0x7F else bytes([b]))
                      for b in prefix + name)
    return b'"' + quoted + b'"'


def unified_patch(path: str, old: bytes, new: bytes) -> bytes:
    """`old` -> `new` as a unified diff that ``git apply`` and ``patch -p1`` accept: made
    on the file's bytes (its encoding, byte-order mark and line endings kept), with git's
    marker for a last line without a line break."""
    import difflib

    rel = os.path.relpath(path)
    name = os.fsencode(path if rel.startswith("..") else rel).lstrip(b"/")
    out: list[bytes] = []
    for line in difflib.diff_bytes(difflib.unified_diff, _byte_lines(old), _byte_lines(new),
                                   _patch_name(b"a/", name), _patch_name(b"b/", name)):
        out.append(line)
        if not line.endswith(b"\n"):
            out.append(b"\n\\ No newline at end of file\n")
    return b"".join(out)
