"""Reading stories in whatever encoding they arrive in, and writing them back safely."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .safeio import atomic_write  # noqa: F401 - one safe writer (the data cache uses it from here)


class BinaryFile(Exception):
    """The file is not text."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec used to write the text back
    bom: bytes = b""
    note: str | None = None  # said to the user, e.g. a fallback decoding


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc, bom)
            except UnicodeDecodeError:
                break
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a BOM shows as every other byte zero in ASCII-heavy text
        zeros_even = head[0::2].count(0)
        zeros_odd = head[1::2].count(0)
        half = max(1, len(head) // 2)
        for enc, zeros in (("utf-16-le", zeros_odd), ("utf-16-be", zeros_even)):
            if zeros > 0.4 * half:
                try:
                    return Decoded(data.decode(enc), enc, b"", f"decoded as {enc.upper()} (no byte-order mark)")
                except UnicodeDecodeError:
                    pass
        raise BinaryFile("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
        return Decoded(text, "cp1252", b"",
                       f"not valid UTF-8 (byte {utf8_error.start}); decoded as Windows-1252")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf-8-replace", b"",
                       f"invalid UTF-8 at byte {utf8_error.start}; undecodable bytes shown as \ufffd")


def read_story(path: Path) -> Decoded:
    return decode(path.read_bytes())


def encode(decoded: Decoded, text: str) -> bytes:
    if decoded.encoding == "utf-8-replace":
        raise UnicodeError("file has undecodable bytes; not rewritten")
    return decoded.bom + text.encode(decoded.encoding)
