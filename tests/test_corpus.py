"""The real content repo (../shared/corpus/18f: 509 published posts, public domain): no crash,
and no diagnostic points into front matter, a template expression, a URL, HTML or code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint import lint_paths

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "18f"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="18F corpus not present")

# What is not prose in these posts, found independently of newslint's parser.
_NOT_PROSE = re.compile(
    r"(?s)\A---\n.*?\n---\n"             # front matter
    r"|```.*?```|~~~.*?~~~"               # fenced code
    r"|`[^`\n]+`"                         # code spans
    r"|\{\{.*?\}\}|\{%.*?%\}"             # template expressions
    r"|<!--.*?-->|<[A-Za-z/][^>\n]*>"     # HTML comments and tags
    r"|\]\([^)\n]*\)"                     # link destinations
    r"|https?://[^\s)\]>\"']+",           # bare URLs
)


def _masked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text)]


def _offset(starts: list[int], line: int, col: int) -> int:
    return starts[line - 1] + col - 1


@pytest.fixture(scope="module")
def corpus_result():
    return lint_paths([str(CORPUS)], select=["spelling", "grammar/repeated-word", "grammar/pronoun-agreement",
                                             "word-choice/confused-word"])


def test_no_crash_and_every_post_read(corpus_result):
    posts = list(CORPUS.glob("*.md"))
    assert len(corpus_result.files) == len(posts)
    assert not [d for d in corpus_result.diagnostics if d.rule == "newslint/internal-error"]


def _markup_hits(diags) -> list[tuple]:
    """Diagnostics whose span overlaps non-prose; spelling messages must quote the exact text."""
    by_path: dict[str, list] = {}
    for d in diags:
        if not d.rule.startswith("newslint/"):
            by_path.setdefault(d.path, []).append(d)
    bad = []
    for path, items in by_path.items():
        text = Path(path).read_text(encoding="utf-8")
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        masks = _masked(text)
        for d in items:
            s = _offset(starts, d.line, d.column)
            e = _offset(starts, d.end_line, d.end_column)
            # a word-level span must not touch markup; a sentence or paragraph span may contain a
            # link, but both of its ends must be prose
            inside = (lambda o: any(ms <= o < me for ms, me in masks))
            if (e - s <= 40 and any(s < me and e > ms for ms, me in masks)) or inside(s) or inside(e - 1):
                bad.append((Path(path).name, d.line, d.column, d.rule, text[s:e]))
            if d.rule == "spelling/unknown-word" and f"'{text[s:e]}'" not in d.message:
                bad.append((Path(path).name, d.line, d.column, d.rule, "text differs: " + text[s:e]))
    return bad


def test_no_diagnostic_points_into_markup(corpus_result):
    assert _markup_hits(corpus_result.diagnostics) == []


def test_full_default_rules_on_a_sample():
    sample = sorted(CORPUS.glob("*.md"))[::25]
    res = lint_paths([str(p) for p in sample])
    assert len(res.files) == len(sample)
    assert not [d for d in res.diagnostics if d.rule == "newslint/internal-error"]
    assert _markup_hits(res.diagnostics) == []
