"""Text from a story or a file name, made safe for where it is shown.

A story may hold terminal escapes (a screen clear, a window title) and a file name may hold
a newline, an escape or bytes that are not UTF-8 (Python carries those as lone surrogates,
``os.fsdecode``). Every output goes through one of these:

- ``text_of``: valid Unicode for machine formats that escape for themselves (JSON): a byte
  that is not UTF-8 becomes the four characters ``\\xNN``.
- ``printable``: for people and for formats that cannot carry control characters (text,
  concise, JUnit XML, GitHub annotations, notices): besides, every control character
  (C0, DEL, C1), line and paragraph separator and bidirectional control becomes a visible
  escape (``\\x1b``, ``\\n``, ``\\u202e``), so a name or a message is always one line and
  never drives the terminal.
- ``excerpt``: a source line shown under a finding: each such character becomes one
  visible character (a control picture such as ``␛``, or ``�``), so columns stay put.
"""
from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _controls() -> list[int]:
    codes = list(range(0x00, 0x20)) + list(range(0x7F, 0xA0))
    codes += [0x2028, 0x2029, 0x200E, 0x200F, 0x061C, 0xFFFE, 0xFFFF]  # separators, marks, non-characters
    codes += list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))  # bidirectional controls
    return codes


_PRINTABLE = {c: _NAMED.get(chr(c)) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _controls()}
_EXCERPT = {c: (chr(0x2400 + c) if c < 0x20 else "\u2421" if c == 0x7F else "\ufffd") for c in _controls()}
_EXCERPT[ord("\t")] = " "
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff]")


def _surrogate(m: re.Match) -> str:
    code = ord(m.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def text_of(text: str) -> str:
    """`text` as valid Unicode: a lone surrogate (a byte of a file name that is not UTF-8,
    carried by ``surrogateescape``) becomes ``\\xNN``."""
    if text.isascii() or text.isprintable():  # the common case, checked in C
        return text
    return _SURROGATE.sub(_surrogate, text)


def printable(text: str) -> str:
    """`text` on one line, with nothing a terminal or an XML parser would act on."""
    if text.isprintable():
        return text
    text = text_of(text)
    return text.translate(_PRINTABLE) if _CONTROL.search(text) else text


def excerpt(line: str) -> str:
    """A source line for display: one visible character for each control character (tabs
    become spaces), so offsets into the line keep their place."""
    if line.isprintable():
        return line
    if not line.isascii() and _SURROGATE.search(line):
        line = _SURROGATE.sub("\ufffd", line)
    return line.translate(_EXCERPT) if _CONTROL.search(line) else line
