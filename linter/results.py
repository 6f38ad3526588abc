"""The result model: what a run found, file by file, and what its outputs may show.

A ``FileResult`` holds one file's findings, numbers and notices, and only as much of its
text as the outputs need: the lines its findings and fixes touch (``lines``). The whole
text (``source``) is kept only when a run asks for it (the HTML report shows every story in
full), so a run's memory does not grow with the size of every file it read. A ``RunResult``
holds the files in run order with an index by path, so every output is linear in the
number of files.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .diagnostic import Diagnostic, Severity
from .document import line_ranges, line_starts


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    skipped: bool = False
    source: str | None = None  # the whole text as checked, while an output needs it
    # line number -> (offset of the line's start, the line without its break): the lines
    # that findings and fixes touch, for excerpts, fingerprints and edit descriptions
    lines: dict[int, tuple[int, str]] = field(default_factory=dict)
    patch: bytes | None = None  # --diff: the fixes as a unified diff of the file's bytes
    _known: tuple[list[int], list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def keep_lines(self, source: str, keep_source: bool = False) -> None:
        """Record the lines the findings and fixes touch; drop the whole text unless
        `keep_source`."""
        starts = line_starts(source)
        wanted: set[int] = set()
        for d in self.diagnostics:
            wanted.update(range(d.line, d.end_line + 1))
            if d.fix is not None:
                for e in d.fix.edits:
                    wanted.update(range(bisect_right(starts, e.start), bisect_right(starts, e.end) + 1))
        # a line ends at "\n", "\r\n" or a lone "\r"
        self.lines = {n: (s, source[s:e]) for n, (s, e) in enumerate(line_ranges(source) if wanted else (), 1)
                      if n in wanted}
        self._known = None
        self.source = source if keep_source else None

    def _table(self) -> tuple[list[int], list[int]]:
        """(line numbers, their start offsets), ascending: the whole text's when it is kept."""
        if self._known is None:
            if self.source is not None:
                starts = line_starts(self.source)
                self._known = (list(range(1, len(starts) + 1)), starts)
            else:
                numbers = sorted(self.lines)
                self._known = (numbers, [self.lines[n][0] for n in numbers])
        return self._known

    # -- reading the text back (None where the text is not known) ---------------------------------
    def line(self, n: int) -> str | None:
        """Line `n` (1-based) without its line break."""
        if n in self.lines:
            return self.lines[n][1]
        if self.source is None:
            return None
        numbers, starts = self._table()
        if not 1 <= n <= len(starts):
            return None
        return self.source[starts[n - 1]:starts[n] - 1 if n < len(starts) else len(self.source)]

    def offset(self, line: int, column: int) -> int | None:
        """The code-point offset of a 1-based position."""
        if line in self.lines:
            return self.lines[line][0] + column - 1
        if self.source is None:
            return None
        starts = self._table()[1]
        return starts[line - 1] + column - 1 if 1 <= line <= len(starts) else None

    def position(self, offset: int) -> tuple[int, int] | None:
        """The 1-based (line, column) of an offset."""
        numbers, starts = self._table()
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        n = numbers[i]
        if self.source is None and offset > starts[i] + len(self.lines[n][1]):
            return None  # beyond the known line
        return n, offset - starts[i] + 1

    def text(self, start: int, end: int) -> str | None:
        """The text between two offsets."""
        if self.source is not None:
            return self.source[start:end]
        numbers, starts = self._table()
        i = bisect_right(starts, start) - 1
        if i < 0:
            return None
        begin, line = self.lines[numbers[i]]
        if end <= begin + len(line):  # within one line, the common case
            return line[start - begin:end - begin]
        last = self.position(end)
        if last is None or any(n not in self.lines for n in range(numbers[i], last[0] + 1)):
            return None
        joined = "\n".join(self.lines[n][1] for n in range(numbers[i], last[0] + 1))
        return joined[start - begin:end - begin]

    def line_bounds(self, line: int) -> tuple[int, int] | None:
        """The offsets where a line starts and ends (before its break)."""
        begin, text = self.offset(line, 1), self.line(line)
        return None if begin is None or text is None else (begin, begin + len(text))


def _unknown(start: int, end: int) -> None:
    return None


@dataclass
class RunResult:
    files: list[FileResult]
    notices: list[str] = field(default_factory=list)
    _index: dict[str, FileResult] | None = field(default=None, init=False, repr=False, compare=False)

    def file(self, path: str) -> FileResult | None:
        """The result of the file at `path` (an index built once)."""
        if self._index is None or len(self._index) != len(self.files):
            self._index = {f.path: f for f in self.files}
        return self._index.get(path)

    def text_reader(self, path: str) -> Callable[[int, int], str | None]:
        """``FileResult.text`` of the file at `path` (None for every span of an unknown file)."""
        f = self.file(path)
        return f.text if f is not None else _unknown

    @property
    def diagnostics(self) -> list[Diagnostic]:
        out = [d for f in self.files for d in f.diagnostics]
        out.sort(key=Diagnostic.sort_key)
        return out

    @property
    def fixed(self) -> int:
        return sum(len(f.fixed) for f in self.files)


def reaches(diags: Iterable[Diagnostic], fail_on: str) -> bool:
    """Does one of `diags` reach the level `fail_on` (error, warning, info; never: no)?"""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(d.severity.rank >= threshold for d in diags)
