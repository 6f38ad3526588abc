"""What an editor's "add to dictionary" and "ignore here" do: for the language server's code
actions and the page of ``newslint serve``.

- ``dictionary_file``: the file "add to dictionary" writes: the dictionary the nearest
  configuration names (the last one of its ``dictionary`` list), and only if it lies inside
  the folder the host was started on (the workspace, the repository), so that a repository's
  configuration cannot make newslint write elsewhere.
- ``add_word``: appends one word to it, keeping the rest byte for byte; the file is written
  through ``safeio.write_output`` (a new file renamed over the old one: a link there is
  replaced, never written through).
- ``suppression``: the ``newslint-disable-next-line RULE`` comment in the story's own syntax
  (an HTML comment in Markdown and HTML, ``{/* */}`` in MDX, a line of its own in plain
  text), placed so that the rendered story does not change: at the end of the line above
  the finding when that line is text of the same paragraph (a comment line there would split
  the paragraph), else on a new line above it.
"""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from .config import MAX_DICTIONARY_BYTES, Config
from .diagnostic import Edit
from .document import line_starts
from .safeio import OutputError, read_regular, write_output

_WORD = re.compile(r"[^\W_](?:[\w'\u2019.&+-]*[^\W_])?\.?")
MAX_WORD = 64
_LOCK = threading.Lock()


def dictionary_word(text: str) -> str | None:
    """`text` as a dictionary entry (one word: letters, digits, inner apostrophes, hyphens,
    periods), or None when it is not one."""
    word = text.strip()
    if not word or len(word) > MAX_WORD or not _WORD.fullmatch(word):
        return None
    return word


def _inside(path: Path, root: Path) -> bool:
    real = Path(os.path.realpath(path.parent)) / path.name
    return real.is_relative_to(os.path.realpath(root))


def dictionary_file(cfg: Config, root: str | os.PathLike) -> Path | None:
    """The dictionary "add to dictionary" writes (see the module's description), or None."""
    if not cfg.dictionary:
        return None
    path = Path(cfg.dictionary[-1])
    return path if _inside(path, Path(root)) else None


def add_word(path: Path, word: str) -> bool:
    """Append `word` to the dictionary file at `path` (created if missing); False when it is
    there already. Raises OutputError with a message naming the file."""
    with _LOCK:
        try:
            old = read_regular(path, MAX_DICTIONARY_BYTES).decode("utf-8")
        except FileNotFoundError:
            old = ""
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
            raise OutputError(f"cannot add to {path} ({why})") from None
        if word in (line.split("#", 1)[0].strip() for line in old.splitlines()):
            return False
        write_output(path, old + ("\n" if old and not old.endswith("\n") else "") + word + "\n")
        return True


def directive(fmt: str, rule: str) -> str:
    text = f"newslint-disable-next-line {rule}"
    if fmt == "mdx":
        return "{/* " + text + " */}"
    return text if fmt == "plain" else f"<!-- {text} -->"


def suppression(source: str, fmt: str, offset: int, rule: str, front_matter_end: int = 0) -> Edit | None:
    """The edit that silences `rule` on the line of source `offset`, or None for a finding in
    front matter (no comment can stand there)."""
    if offset < front_matter_end:
        return None
    starts = line_starts(source)
    n = max(0, min(len(starts) - 1, source.count("\n", 0, offset)))
    start = starts[n]
    line = source[start:(starts[n + 1] - 1) if n + 1 < len(starts) else len(source)].rstrip("\r")
    indent = line[:len(line) - len(line.lstrip())]
    comment = directive(fmt, rule)
    if n > 0 and fmt != "plain":
        above = source[starts[n - 1]:start - 1].rstrip("\r")
        text_above = (above.strip() and starts[n - 1] >= front_matter_end
                      and not (fmt == "mdx" and re.match(r"(?:import|export)\b", above)))
        if text_above:
            # before the line's trailing spaces or backslash: a hard line break stays one
            end = starts[n - 1] + len(re.sub(r"(?:[ \t]+|\\)$", "", above))
            return Edit(end, end, " " + comment)
    return Edit(start, start, indent + comment + "\n")
