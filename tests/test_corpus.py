"""The real content repos in ../shared/corpus: 18F (Jekyll-style Markdown, public domain),
Hugo's documentation (shortcodes) and Astro's (MDX). No crash, every file read, and no
finding whose span starts or ends inside markup.

What is markup is defined here from each syntax's own delimiters, independently of
newslint's parsers; the prose values of front matter and of caption-like attributes and
parameters are the only prose allowed inside markup.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint import lint_paths

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpus not present")

_COMMON = (
    r"(?s)\A(?:---|\+\+\+)\n.*?\n(?:---|\+\+\+)\n"  # front matter
    r"|^[ \t]*(```|~~~).*?^[ \t]*\1"         # fenced code, at any indentation
    r"|`[^`\n]+`"                            # code spans
    r"|\{\{<.*?>\}\}|\{\{%.*?%\}\}"          # Hugo shortcodes
    r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"      # Liquid, Nunjucks, Go templates
    r"|<!--.*?-->|<[A-Za-z/][^<>]*>"         # HTML comments and tags (JSX tags too)
    r"|\]\([^)\n]*\)"                        # link destinations
    r"|https?://[^\s)\]>\"']+"               # bare URLs
)
_HUGO_CODE = r"|\{\{<\s*(highlight|code-toggle|code)\b.*?\{\{<\s*/\2\s*>\}\}"
_MDX = (r"|^(?:import|export)\b[^\n]*(?:\n[^\n]+)*"   # ESM, to the next blank line
        r"|\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}")    # expressions and {/* comments */}
_NOT_PROSE = {
    "18f": re.compile(_COMMON, re.M),
    "hugo-docs": re.compile(_COMMON + _HUGO_CODE, re.M),
    "astro-docs": re.compile(_COMMON + _MDX, re.M),
}
# prose inside markup: caption-like attribute and parameter values, and the front matter's
# copy (title, description, ...)
_PROSE_IN_MARKUP = re.compile(
    r"""\b(?:alt|title|caption|summary|attr)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')"""
    r"|^(?:title|description|excerpt|summary|subtitle|image_alt|alt|caption)\s*[:=][ \t]*"
    r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'"""          # quoted, over several lines
    r"|[>|][-+]?[ \t]*\n((?:[ \t]+\S.*\n|[ \t]*\n)+)"      # block scalars
    r"|(.+(?:\n[ \t]+\S.*)*)$)",                             # plain, continued by indentation
    re.M | re.I)


def _spans(rx: re.Pattern, text: str, group: bool = False) -> list[tuple[int, int]]:
    out = []
    for m in rx.finditer(text):
        if group:
            g = next((k for k in range(1, (m.lastindex or 0) + 1) if m.group(k) is not None), None)
            if g:
                out.append((m.start(g), m.end(g)))
        else:
            out.append((m.start(), m.end()))
    return out


def markup_hits(diags, corpus: str) -> list[tuple]:
    """Findings whose span touches markup (a word-level span) or starts or ends in it."""
    by_path: dict[str, list] = {}
    for d in diags:
        if not d.rule.startswith("newslint/"):
            by_path.setdefault(d.path, []).append(d)
    bad = []
    for path, items in by_path.items():
        text = Path(path).read_text(encoding="utf-8")
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        masks = _spans(_NOT_PROSE[corpus], text)
        allowed = _spans(_PROSE_IN_MARKUP, text, group=True)
        for d in items:
            s = starts[d.line - 1] + d.column - 1
            e = starts[d.end_line - 1] + d.end_column - 1
            if any(a <= s and e <= b for a, b in allowed):
                continue

            def inside(o: int) -> bool:
                return any(ms <= o < me for ms, me in masks)

            if (e - s <= 40 and any(s < me and e > ms for ms, me in masks)) or inside(s) or inside(e - 1):
                bad.append((Path(path).name, d.line, d.column, d.rule, text[s:e]))
            if d.rule == "spelling/unknown-word" and f"'{text[s:e]}'" not in d.message:
                bad.append((Path(path).name, d.line, d.column, d.rule, "text differs: " + text[s:e]))
    return bad


def _files(corpus: str) -> list[Path]:
    root = CORPORA / corpus
    return sorted(p for p in root.rglob("*") if p.suffix in (".md", ".mdx") and p.name != "LICENSE.md")


@pytest.fixture(scope="module")
def corpus_18f():
    return lint_paths([str(CORPORA / "18f")], select=["spelling", "grammar/repeated-word", "grammar/pronoun-agreement",
                                                      "word-choice/confused-word"])


def test_18f_every_post_read_and_no_finding_in_markup(corpus_18f):
    assert len(corpus_18f.files) == len(_files("18f"))
    assert not [d for d in corpus_18f.diagnostics if d.rule == "newslint/internal-error"]
    assert markup_hits(corpus_18f.diagnostics, "18f") == []


@pytest.mark.parametrize("corpus,step", [("hugo-docs", 2), ("astro-docs", 1)])
def test_site_generator_repos_no_finding_in_markup(corpus, step):
    files = _files(corpus)[::step]
    if not files:
        pytest.skip(f"{corpus} not present")
    res = lint_paths([str(p) for p in files], select=["spelling", "grammar/repeated-word", "grammar/harper"])
    assert len(res.files) == len(files)
    assert not [d for d in res.diagnostics if d.rule == "newslint/internal-error"]
    assert markup_hits(res.diagnostics, corpus) == []


def test_full_default_rules_on_a_sample():
    sample = _files("18f")[::25] + _files("hugo-docs")[::60] + _files("astro-docs")[::30]
    res = lint_paths([str(p) for p in sample])
    assert len(res.files) == len(sample)
    assert not [d for d in res.diagnostics if d.rule == "newslint/internal-error"]
    for corpus in _NOT_PROSE:
        mine = [d for d in res.diagnostics if f"/{corpus}/" in d.path]
        assert markup_hits(mine, corpus) == []
