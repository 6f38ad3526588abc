"""Hostile input to the parsers and the document model (issue 28): nothing may crash the run,
hang it, or take superlinear time or unbounded memory."""
from __future__ import annotations

import json

import pytest
from conftest import assert_linear

from newslint.markup import parse

# --- one file that cannot be read never ends the run -------------------------------------------


@pytest.mark.parametrize("source", ["<p>Hello</p>\n<![ ]>\n<p>The cat sat.</p>\n",
                                    "<p>One</p><![if !IE]><p>Two</p><![endif]>\n",
                                    "<p>abc <![x[ y</p>\n", "<p>a <![CDATA[ b ]]> c</p>\n", "<![", "<p>x<![if"])
def test_html_marked_sections_are_read_as_browsers_read_them(source):
    doc = parse("x.html", source)
    assert "[" not in doc.prose and "]" not in doc.prose


def test_marked_sections_in_a_markdown_html_block():
    doc = parse("x.md", "Before.\n\n<div><![if x]>Inside.<![endif]></div>\n\nAfter.\n")
    assert [w.text for w in doc.words] == ["Before", "Inside", "After"]


def test_a_file_the_parser_cannot_read_is_a_finding_and_the_run_goes_on(tmp_path, cli, monkeypatch):
    import newslint.markup.html as html_parser

    def broken(*args, **kwargs):
        raise AssertionError("a parser bug")

    monkeypatch.setattr(html_parser, "parse_html", broken)
    (tmp_path / "a.html").write_text("<p>Hello.</p>\n")
    (tmp_path / "b.md").write_text("The the cat sat.\n")
    for jobs in ("1", "2"):
        r = cli("check", "--format", "json", "--jobs", jobs, str(tmp_path))
        assert r.returncode == 1, r.stderr
        found = {(d["path"].rsplit("/", 1)[-1], d["rule"]) for d in json.loads(r.stdout)["diagnostics"]}
        assert ("a.html", "newslint/parse-error") in found
        assert ("b.md", "grammar/repeated-word") in found


def test_learn_passes_over_a_story_it_cannot_parse(tmp_path, cli, monkeypatch):
    import newslint.markup.html as html_parser

    monkeypatch.setattr(html_parser, "parse_html", lambda *a, **k: 1 / 0)
    (tmp_path / "a.html").write_text("<p>Zorblax met Zorblax.</p>\n")
    for n in range(2):
        (tmp_path / f"b{n}.md").write_text("Zorblax met Zorblax and Zorblax.\n")
    out = tmp_path / "learned.dic"
    r = cli("learn", str(tmp_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "Zorblax  # 6, 2" in out.read_text()
    assert "a.html: skipped" in r.stderr and "ZeroDivisionError" in r.stderr


def test_nul_on_standard_input_is_one_line_and_no_green_run(cli):
    """Standard input is the run's only story: one that cannot be checked is said in one line
    and the run is not green (exit 2), as for any input newslint could not read."""
    r = cli("check", "--format", "json", "-", input="The cat\0 sat on the mat today.\n")
    assert r.returncode == 2 and "internal error" not in r.stderr and "Traceback" not in r.stderr
    assert "binary" in r.stderr and len(r.stderr.strip().splitlines()) == 1


# --- linear time ---------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["<a ", "<a b='", "<!-- ", "<? ", "</ ", "<![ ", "&amp", "<"])
def test_html_floods_take_linear_time(unit):
    assert_linear(lambda s: parse("x.html", s), lambda n: unit * n, 5000)


# --- CR-only line endings (old Mac files) ----------------------------------------------------------

CR_STORIES = {
    "s.md": "---\rtitle: A title\r---\r\r# Title\r\r!!! note \"Hi\"\r    Body of the the note.\r\r"
            "<div>\rHTML the the block\r</div>\r\r> Quote with the the slip\r> and more.\r\r- item the the one\r",
    "s.txt": "Headline here\r\rThe the cat sat.\rA dog ran, and the the cat too.\r",
    "s.html": "<p>One.</p>\r<p>Two the the.</p>\r",
}


@pytest.mark.parametrize("name", sorted(CR_STORIES))
def test_cr_only_files_count_their_lines(name):
    from newslint import lint_text
    from newslint.document import line_starts

    source = CR_STORIES[name]
    found = lint_text(source, path=name, select=["grammar/repeated-word"])
    assert found and all(source[d.start:d.end].lower() == "the" for d in found)
    starts = line_starts(source)
    assert len(starts) == source.count("\r") + 1
    for d in found:
        assert d.line > 1 and starts[d.line - 1] + d.column - 1 == d.start


def test_a_suppression_in_a_cr_only_file_covers_its_next_line():
    from newslint import lint_text

    source = "Para one.\r\r<!-- newslint-disable-next-line -->\rThe the cat.\r\rA dog the the ran.\r"
    found = lint_text(source, path="s.md", select=["grammar/repeated-word"])
    assert [d.line for d in found] == [6]


FLOODS = {  # issue 28, item 12: each took time quadratic (or worse) in n
    "templates": ("x.md", lambda n: "{{ " * n),
    "templates in HTML": ("x.html", lambda n: "{{ " * n),
    "Liquid tags": ("x.md", lambda n: "{% " * n),
    "shortcodes": ("x.md", lambda n: "{{< " * n),
    "escaped quotes in shortcodes": ("x.md", lambda n: '{{< x \\"' * n + '"'),
    "MDX braces": ("x.mdx", lambda n: "{" * n),
    "MDX braces in text": ("x.mdx", lambda n: "a { " * n),
    "brackets": ("x.md", lambda n: "[" * n),
    "links without an end": ("x.md", lambda n: "[a](" * n),
    "images": ("x.md", lambda n: "![" * (n // 2)),
    "comments in a paragraph": ("x.md", lambda n: "<!-- a " * n),
    "a comment block per paragraph": ("x.md", lambda n: "".join(f"Para {i} text.\n\n<!-- c -->\n\n" for i in range(n // 4))),
    "a hard-wrapped paragraph": ("x.md", lambda n: "".join(f"word *em* and `code` line {i}\n" for i in range(n // 4))),
    "an MDX directive of spaces": ("x.mdx", lambda n: ":::" + " " * (20 * n) + "tip" + " " * (20 * n) + "x\n"),
    "a heading of spaces": ("x.md", lambda n: "# a" + " " * (40 * n) + "b\n"),
    "a long word": ("x.html", lambda n: "<p>" + "a" * (40 * n) + "</p>"),
    "a long dotted name": ("x.html", lambda n: "<p>" + "a." * (20 * n) + "</p>"),
}


@pytest.mark.parametrize("name", sorted(FLOODS))
def test_markup_floods_take_linear_time(name):
    path, make = FLOODS[name]
    assert_linear(lambda s: parse(path, s), make, 2000)


@pytest.mark.parametrize("source", ["<!-- newslint-disable {}x", "newslint-disable{}x\n"])
def test_suppressions_are_found_in_linear_time(source):
    from newslint.suppress import find_suppressions

    assert_linear(lambda s: find_suppressions(s, "plain"), lambda n: source.format(" " * (50 * n)), 1000)


@pytest.mark.parametrize("make", [lambda n: "a" + "." * n + "b", lambda n: "!" * n + "a", lambda n: "a....b " * (n // 8)],
                         ids=["dots", "marks", "a....b"])
def test_the_sentence_splitter_takes_linear_time(make):
    def sentences(text: str) -> None:
        parse("x.txt", text).sentences

    assert_linear(sentences, lambda n: make(20 * n), 1000)


# --- YAML aliases ----------------------------------------------------------------------------------

def _laughs(levels: int) -> str:
    """Nested YAML aliases: about 80 bytes a level, 9 ** levels values."""
    lines = ["---", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefghijklmnop", "bcdefghijklmnopq"[:levels - 1]):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines += ["title: The the title", "---", "", "Body text of the the story.", ""]
    return "\n".join(lines)


def test_yaml_aliases_that_expand_without_end_are_refused_with_a_notice(cli, tmp_path):
    from newslint.limits import MAX_YAML_NODES

    story = tmp_path / "laughs.md"
    story.write_text(_laughs(9))  # 9 ** 9 values: the walk never finished
    assert len(story.read_bytes()) < 800
    data = json.loads(cli("check", "--format", "json", "--select", "grammar/repeated-word", str(story)).stdout)
    found = [(d["rule"], d["line"]) for d in data["diagnostics"]]
    assert ("newslint/parse-error", 1) in found and ("grammar/repeated-word", 14) in found
    message = next(d["message"] for d in data["diagnostics"] if d["rule"] == "newslint/parse-error")
    assert f"{MAX_YAML_NODES:,}" in message and "MAX_YAML_NODES" in message


def test_yaml_aliases_within_the_limit_are_read():
    doc = parse("x.md", _laughs(3))  # 729 values
    assert doc.front_matter["title"] == "The the title" and not doc.notices
    assert "The the title" in doc.prose


# --- nesting ----------------------------------------------------------------------------------------

def _nested_list(depth: int) -> str:
    return "".join("  " * k + f"- item{k} text\n" for k in range(depth))


def test_lists_nested_deeper_than_markdown_its_default_are_read():
    doc = parse("x.md", _nested_list(15) + "\n" + "> " * 15 + "quoted deep\n")
    assert {w.text for w in doc.words} >= {"item14", "quoted", "deep"} and not doc.limits


def test_nesting_beyond_the_limit_is_a_notice_naming_the_line_and_the_limit(cli, tmp_path):
    from newslint.limits import MAX_NESTING

    doc = parse("x.md", _nested_list(MAX_NESTING + 10))
    assert f"item{MAX_NESTING - 1}" in {w.text for w in doc.words}
    story = tmp_path / "deep.md"
    story.write_text(_nested_list(MAX_NESTING + 10))
    r = cli("check", "--format", "json", str(story))
    notices = json.loads(r.stdout)["notices"]
    assert any("deep.md" in n and f"line {MAX_NESTING + 1}" in n and "MAX_NESTING" in n for n in notices), notices


# --- wrong results -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, source", [("x.txt", "He saw the the\n\nThe cat sat.\n"),
                                          ("x.md", "# Into the the\n\nThe end.\n"),
                                          ("x.html", "<li>Buy the the</li><li>The milk</li>")])
def test_a_repeated_word_at_the_end_of_a_block_is_found(path, source):
    from newslint import lint_text

    found = lint_text(source, path=path, select=["grammar/repeated-word"])
    assert [source[d.start:d.end] for d in found] == ["the"]


# --- memory ----------------------------------------------------------------------------------------

def test_a_6000_letter_word_costs_little_memory_in_the_word_rules():
    import random
    import tracemalloc

    from newslint import lint_text

    rng = random.Random(1)
    word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6000))
    text = f"The council met. Then {word} and {word[:5000].capitalize()} and {word[:4000]}s said so.\n"
    select = ["spelling", "word-choice", "consistency"]
    lint_text("The council met on Monday.\n", select=select)  # load the resources first
    tracemalloc.start()
    try:
        found = lint_text(text, select=select)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, f"{peak / 1e6:.0f} MB"  # it was 2.3 GB
    assert any(d.rule == "spelling/unknown-word" and not d.suggestions for d in found)


def test_name_consistency_takes_linear_time_in_the_number_of_names():
    import random

    from newslint.rules.consistency.name_spelling import NameSpelling

    rng = random.Random(3)

    def story(n: int) -> str:
        name = lambda: "A" + "".join(rng.choice("bcdfghklmnprstvz") for _ in range(7))  # noqa: E731
        return " ".join(f"{name()} met {name()} today." for _ in range(n)) + "\n"

    rule = NameSpelling()
    assert_linear(lambda s: list(rule.check(parse("x.txt", s))), story, 300)


@pytest.mark.parametrize("unit", ["[", "[ ", "\u6f22\u5b57", "\u6f22\u5b57 ", "- ", "a" * 30])
def test_what_reaches_harper_is_bounded(unit):
    from newslint.context import RunContext

    rule = next(r for r in RunContext().engine(None).rules if r.id == "grammar/harper")
    list(rule.check(parse("x.txt", "Warm up the the checker.\n")))

    def lint(text: str) -> None:
        list(rule.check(parse("x.txt", text)))

    assert_linear(lint, lambda n: "The council met. " + unit * (n // len(unit)) + " The end.\n", 20000)


def test_a_long_paragraph_reaches_harper_in_pieces_cut_at_sentence_ends():
    from newslint.limits import MAX_GRAMMAR_CHARS
    from newslint.rules.grammar.harper import chunks

    text = "The council met on Monday and voted to approve it, officials said. " * 400 + "\n"
    doc = parse("x.txt", text)
    runs = chunks(doc)
    assert len(doc.blocks) == 1 and len(runs) > 1
    assert all(e - s <= MAX_GRAMMAR_CHARS for s, e, _ in runs)
    assert all(doc.prose[e - 2:e] == ". " for s, e, _ in runs[:-1])
    assert runs[0][0] == doc.blocks[0].start and runs[-1][1] == doc.blocks[0].end


# --- long stories (issue 23, item 5; issue 28, item 13) --------------------------------------------

_HARD = ("The committee's comprehensive evaluation of infrastructure appropriations, considering "
         "environmental sustainability requirements and intergovernmental coordination responsibilities, "
         "recommended substantial modifications to the administration's preliminary implementation strategy "
         "number {n}.")


def test_a_story_of_several_sections_is_graded_once_over_all_its_words(tmp_path, cli, monkeypatch):
    from newslint import limits

    story = tmp_path / "long.txt"
    text = "".join(_HARD.format(n=n) + (" " if n % 4 else "\n\n") for n in range(1, 1500))
    story.write_text(text)
    assert len(text) > 1.5 * limits.SECTION_CHARS  # checked in two sections at least
    data = json.loads(cli("check", "--format", "json", "--select", "readability/grade", str(story)).stdout)
    words = len(text.split())
    assert abs(data["files"][0]["readability"]["words"] - words) <= 0.02 * words
    assert len(data["files"][0]["readability"]["sentence_lengths"]) == 1499
    assert [d["rule"] for d in data["diagnostics"]] == ["readability/grade"]
    # however it is sectioned
    monkeypatch.setattr(limits, "SECTION_CHARS", 10 * len(text))
    whole = json.loads(cli("check", "--format", "json", "--select", "readability/grade", str(story)).stdout)
    assert whole["files"][0]["readability"] == data["files"][0]["readability"]
    assert whole["diagnostics"] == data["diagnostics"]


def test_checking_stops_at_the_time_limit_with_a_notice(tmp_path, cli, monkeypatch):
    from newslint import limits

    monkeypatch.setattr(limits, "SECTION_CHARS", 2_000)
    monkeypatch.setattr(limits, "FILE_SECONDS", 0.0)
    story = tmp_path / "long.txt"
    story.write_text("".join(f"Paragraph {n} says the the thing.\n\n" for n in range(400)))
    data = json.loads(cli("check", "--format", "json", "--select", "grammar/repeated-word", str(story)).stdout)
    found = data["diagnostics"]
    assert 0 < len(found) < 400 and max(d["line"] for d in found) < 200  # the first section only
    notice = next(n for n in data["notices"] if "long.txt" in n)
    assert "FILE_SECONDS" in notice and "stopped" in notice


def test_a_story_over_the_size_limit_is_skipped_with_a_notice(tmp_path, cli, monkeypatch):
    from newslint import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1_000)
    (tmp_path / "big.md").write_text("The the cat sat. " * 100)
    (tmp_path / "small.md").write_text("The the cat sat.\n")
    r = cli("check", "--format", "json", "--select", "grammar/repeated-word", str(tmp_path))
    data = json.loads(r.stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in data["diagnostics"]] == ["small.md"]
    assert any("big.md" in n and "MAX_FILE_BYTES" in n for n in data["notices"])
    r = cli("check", "--format", "json", "-", input="The the cat sat. " * 100)
    assert not json.loads(r.stdout)["diagnostics"] and "MAX_FILE_BYTES" in r.stderr


def test_a_paragraph_longer_than_a_section_is_cut_into_sections():
    text = "The council met on Monday and said so. " * 500 + "\n"
    doc = parse("x.txt", text)
    sections = doc.sections(2_000)
    assert len(doc.blocks) == 1 and len(sections) > 9
    spans = [(b.start, b.end) for s in sections for b in s.blocks]
    assert all(e - s <= 2_000 for s, e in spans)
    assert spans[0][0] == doc.blocks[0].start and spans[-1][1] == doc.blocks[0].end
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert sum(s.word_count for s in sections) == doc.word_count
