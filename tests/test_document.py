"""Position mapping through Markdown and HTML: every reported span is checked against the
original text at the reported line and column."""
from __future__ import annotations

from conftest import at, lint

from newslint.markup import parse


def _words(doc):
    for w in doc.words:
        s, e = doc.source_span(w.start, w.end)
        assert doc.source[s:e].replace("&rsquo;", "\u2019").replace("&amp;", "&") == w.text or "&" in doc.source[s:e]
    return [w.text for w in doc.words]


def test_markdown_front_matter_links_code_emphasis_are_mapped():
    src = ("---\ntitle: \"Teh title\"\ntags: [a]\n---\n\n# A headline\n\n"
           "Some **bold** text with `the the code` and a [linkk text](http://example.com/teh) here.\n\n"
           "- a list item with teh typo\n- another\n\n"
           "| col | teh cell |\n|---|---|\n| x | y |\n\n```\nteh code block\n```\n")
    diags = [d for d in lint(src, fmt="markdown", select=["spelling"])]
    texts = [at(src, d) for d in diags]
    assert "linkk" in texts and texts.count("teh") == 2
    for d in diags:
        assert d.line > 4  # never in front matter
    assert not any("code" in at(src, d) for d in diags)


def test_markdown_emphasis_inside_word_and_entities():
    doc = parse("x.md", "The *quick* brown fox &amp; the **lazy** dog.\n")
    assert "quick brown fox & the lazy dog" in doc.prose
    assert "*" not in doc.prose


def test_markdown_crlf_and_non_ascii():
    src = "Caf\u00e9 owners said\r\nthe the plan \u2014 \u00fcber \u2014 failed.\r\n"
    diags = lint(src, fmt="markdown", select=["grammar/repeated-word"])
    assert len(diags) == 1 and at(src.replace("\r", ""), diags[0]) == "the"
    assert diags[0].line == 2 and diags[0].column == 5


def test_markdown_blockquote_and_nested_list():
    src = "> quoted line with teh slip\n> and more\n\n1. first\n   - nested teh item\n"
    diags = lint(src, fmt="markdown", select=["spelling"])
    assert [at(src, d) for d in diags] == ["teh", "teh"]
    assert [(d.line, d.column) for d in diags] == [(1, 20), (5, 13)]


def test_markdown_template_expressions_and_urls_are_not_prose():
    src = 'See [the report]({{ "/2024/teh-report/" | url }}) at https://example.com/tehh and {% include teh.html %}.\n'
    diags = lint(src, fmt="markdown", select=["spelling"])
    assert diags == []


def test_html_entities_nested_tags_scripts():
    src = ("<html><head><title>x</title><script>var teh = 1;</script></head><body>\n"
           "<h1>Big &amp; bold</h1>\n<p>Russia&rsquo;s <b>armyy</b> <code>teh</code> is the the best.</p>\n"
           "<!-- teh comment --></body></html>\n")
    diags = lint(src, fmt="html", select=["spelling", "grammar/repeated-word"])
    assert sorted(at(src, d) for d in diags) == ["armyy", "the"]
    for d in diags:
        assert d.line == 3


def test_sentences_survive_abbreviations():
    doc = parse("x.txt", "The U.S. Army said on Sept. 5 that Gov. Smith met No. 10 at 3 p.m. on Monday. Then it ended.\n")
    assert len(doc.sentences) == 2


def test_quote_scope():
    doc = parse("x.txt", 'He said \u201cwe will win\u201d and left.\n')
    i = doc.prose.index("win")
    assert doc.in_quote(i, i + 3)
    assert not doc.in_quote(doc.prose.index("left"))


def test_html_text_templates_and_urls_are_not_prose():
    src = ('<div class="pquote">\n\t{{ "jhunter" | team_photo }}\n\t<blockquote>\u201cI joined to help,\u201d '
           'said {{ "alla" | team_link }} at https://example.gov/teh or mail teh@example.gov.</blockquote>\n'
           '</div>\n{% endraw %}\n')
    for fmt in ("html", "markdown"):
        doc = parse("x." + ("md" if fmt == "markdown" else "html"), src)
        assert "jhunter" not in doc.prose and "alla" not in doc.prose and "endraw" not in doc.prose
        assert "teh" not in doc.prose and "I joined to help" in doc.prose


def test_a_document_memo_is_keyed_by_the_function():
    """Two rules sharing a derived value name the function that computes it, not a string
    that another rule could use for something else."""
    doc = parse("s.txt", "One fine day. Two more days.\n")
    calls = []

    def word_count(d):
        calls.append(d)
        return len(d.words)

    def sentence_count(d):
        return len(d.sentences)

    assert doc.memo(word_count) == 6 and doc.memo(word_count) == 6 and calls == [doc]
    assert doc.memo(sentence_count) == 2
