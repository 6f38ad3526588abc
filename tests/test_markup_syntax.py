"""Every site generator's syntax: a slip in prose next to the markup is found at its exact
place; slips inside the markup are not reported. Typos (spelling/unknown-word) and repeated
words (grammar/repeated-word) are the probes."""
from __future__ import annotations

import pytest

from newslint.markup import parse
from newslint.runner import Overrides, RunContext, lint_source_text

CTX = RunContext(Overrides(select=["spelling/unknown-word", "grammar/repeated-word"]))


def found(src: str, path: str) -> list[tuple[int, int, str]]:
    """(line, column, source text) of every finding."""
    res = lint_source_text(src, path, context=CTX)
    return sorted((d.line, d.column, src[d.start:d.end]) for d in res.diagnostics)


def texts(src: str, path: str) -> list[str]:
    return [t for _, _, t in found(src, path)]


def at(src: str, word: str, nth: int = 0) -> tuple[int, int, str]:
    """Where the `nth` occurrence of `word` is in `src` (a repeated word "the the" is
    reported on its second word)."""
    i = -1
    for _ in range(nth + 1):
        i = src.index(word, i + 1)
    if " " in word:
        i += word.index(" ") + 1
        word = word.split(" ")[1]
    line = src.count("\n", 0, i) + 1
    return line, i - (src.rfind("\n", 0, i) + 1) + 1, word


# --- Hugo ------------------------------------------------------------------------------------

def test_hugo_shortcode_in_raw_html_before_a_slip():
    src = ('{{< figure src="/img/teh-mayor.jpg" caption="The mayor at the rally" >}}\n'
           '<a href="/x">{{< legacy-img src="/img/wrld.jpg" >}}</a>The mayor said the plan would recieve broad support.\n')
    assert found(src, "story.md") == [at(src, "recieve")]


def test_hugo_caption_parameter_is_a_caption_with_exact_positions():
    src = 'Intro.\n\n{{< figure src="/a.jpg" alt="Photo" caption="Crowds at the the rally" >}}\n'
    assert found(src, "story.md") == [at(src, "the the")]
    doc = parse("story.md", src)
    assert [b.scope for b in doc.blocks] == ["paragraph", "caption", "caption"]


def test_hugo_param_of_an_unknown_shortcode_is_not_prose_unless_configured(tmp_path):
    src = 'Intro.\n\n{{< card title="Teh card" >}}\n'
    assert texts(src, "story.md") == []
    (tmp_path / "newslint.toml").write_text('[markup]\nshortcode-prose-params = { card = ["title"] }\n')
    story = tmp_path / "story.md"
    story.write_text(src)
    res = lint_source_text(src, str(story), overrides=Overrides(select=["spelling/unknown-word"]))
    assert [src[d.start:d.end] for d in res.diagnostics] == ["Teh"]


def test_hugo_paired_prose_and_code_shortcodes():
    src = ('{{% notice note %}}\nThe notice has a recieve typo.\n{{% /notice %}}\n\n'
           '{{< highlight go "linenos=inline" >}}\nfunc recieve() { teh := 1 }\n\nmore := teh\n{{< /highlight >}}\n\n'
           '{{< code-toggle file=hugo >}}\n[params]\nteh = "wrld"\n{{< /code-toggle >}}\n\n'
           'Shown literally: {{</* figure src="teh.jpg" */>}} and {{% /* teh */ %}}, self-closing '
           '{{< new-in 0.12 />}} ok.\n')
    assert found(src, "story.md") == [at(src, "recieve")]


def test_hugo_shortcode_inline_in_a_list_and_a_link():
    src = '- See [the guide]({{< ref "teh-guide.md" >}}) and <{{% eturl wrld %}}> for the the rest.\n'
    assert texts(src, "story.md") == ["the"]


# --- Liquid, Jekyll, Nunjucks, Jinja ------------------------------------------------------------

def test_liquid_comment_raw_and_tags():
    src = ('{% comment %}\nTeh draft note the the end.\n{% endcomment %}\n'
           'Visible {{ page.wrld }} text with a recieve typo.\n\n'
           '{% raw %}{{ teh }} {% wrld %}{% endraw %} {# teh #} {%- if teh -%}Shown{%- endif -%} prose.\n\n'
           '{% highlight ruby %}\ndef teh; end\n{% endhighlight %}\n')
    assert found(src, "story.md") == [at(src, "recieve")]


def test_jekyll_include_with_a_caption():
    src = 'Intro.\n\n{% include figure.html src="/a.jpg" caption="Crowds at the the rally" %}\n'
    assert texts(src, "story.md") == ["the"]


# --- MDX -----------------------------------------------------------------------------------------

MDX = '''---
title: Teh headline
---
import { Aside } from '@astrojs/starlight/components';
export const meta = { author: 'Stafff', tags: ['wrld'] }

{/* TODO: teh comment */}

<Aside type="tipp" title="A recieve title">
  Aside prose with {props.wrld} and a recieve typo.
</Aside>

<Tabs>
  <TabItem label="npmm">
    ```sh
    npm instal teh
    ```
    Indented prose the the end.
  </TabItem>
</Tabs>

Inline <Badge text="wrld" /> and <code>teh</code> fine.
'''


def test_mdx_esm_expressions_jsx_and_code_are_not_prose():
    assert found(MDX, "page.mdx") == [at(MDX, "Teh"), at(MDX, "recieve"), at(MDX, "recieve", 1), at(MDX, "the the")]


def test_mdx_directive_aside_title_is_a_headline():
    src = ':::caution[A recieve title]\nBody of the the aside.\n:::\n'
    assert found(src, "page.mdx") == [at(src, "recieve"), at(src, "the the")]
    assert [b.scope for b in parse("page.mdx", src).blocks] == ["headline", "paragraph"]


# --- CMS HTML ------------------------------------------------------------------------------------

HTML = '''<html lang="en"><head><title>The the headline</title>
<meta name="description" content="A standfirst with a recieve typo">
<meta property="og:description" content="A standfirst with a recieve typo">
<script>var teh = 1;</script></head>
<body><!-- wp:paragraph --><p>Body text <img src="teh.jpg" alt="Alt with wrld typo"> ends here.</p><!-- /wp:paragraph -->
<figure><img src="y.jpg"><figcaption>A caption the the end</figcaption></figure>
<blockquote>Quoted recieve.</blockquote></body></html>
'''


def test_cms_html_head_alt_and_captions():
    assert found(HTML, "story.html") == [at(HTML, "The the"), at(HTML, "recieve"), at(HTML, "wrld"),
                                         at(HTML, "the the"), at(HTML, "recieve", 2)]
    scopes = [b.scope for b in parse("story.html", HTML).blocks]
    assert scopes == ["headline", "standfirst", "paragraph", "caption", "caption", "blockquote"]


# --- front matter --------------------------------------------------------------------------------

def test_yaml_front_matter_titles_quoted_folded_and_block():
    src = ('---\ntitle: "Mayor\'s the the plan \\"works\\""\nsubtitle: \'It\'\'s a recieve\'\n'
           'description: >-\n  A folded\n  wrld standfirst.\nsummary: |\n  Line one.\n  Line teh two.\n'
           'author: Jon Smiht\ntags: [teh]\nimage:\n  src: /a.jpg\n  alt: Photo of the the mayor\n---\nBody.\n')
    assert found(src, "story.md") == [at(src, "the the"), at(src, "recieve"), at(src, "wrld"), at(src, "teh"),
                                      at(src, "the the", 1)]
    scopes = [b.scope for b in parse("story.md", src).blocks]
    assert scopes == ["headline", "standfirst", "standfirst", "standfirst", "caption", "paragraph"]


def test_toml_front_matter_titles():
    src = '+++\ntitle = "The the title"\ndescription = """\nA recieve\nstandfirst."""\ndraft = "teh"\n+++\nBody.\n'
    assert found(src, "story.md") == [at(src, "The the"), at(src, "recieve")]


def test_front_matter_fields_are_configurable(tmp_path):
    (tmp_path / "newslint.toml").write_text('[markup]\nfront-matter = { kicker = "standfirst", title = "" }\n')
    story = tmp_path / "story.md"
    src = '---\ntitle: Teh title\nkicker: A recieve kicker\n---\nBody.\n'
    story.write_text(src)
    res = lint_source_text(src, str(story), overrides=Overrides(select=["spelling/unknown-word"]))
    assert [src[d.start:d.end] for d in res.diagnostics] == ["recieve"]


def test_markup_section_is_validated(tmp_path):
    from newslint.config import ConfigError

    (tmp_path / "newslint.toml").write_text('[markup]\nfront-matter = { kicker = "sidebar" }\n')
    with pytest.raises(ConfigError, match=r"front-matter.kicker must be one of"):
        lint_source_text("x", str(tmp_path / "a.md"))


def test_crlf_positions_in_front_matter_and_body():
    src = '---\r\ntitle: "A recieve title"\r\n---\r\n{{< figure src="x" >}}\r\nBody with the the end.\r\n'
    assert found(src, "story.md") == [at(src, "recieve"), at(src, "the the")]


def test_a_story_in_another_language_is_not_checked():
    res = lint_source_text('---\nlang: es-PR\n---\nEsta realidad le dificulta a muchos tener acceso.\n',
                           "story.md", context=CTX)
    assert res.diagnostics == [] and any("language is 'es-PR'" in n for n in res.notices)


# --- Markdown extensions -------------------------------------------------------------------------

def test_markdown_extensions():
    src = ('## A heading {#teh-anchor}\n\nText with a note[^teh].\n{: .wrld-class}\n\n'
           '[^teh]: The footnote has a recieve typo.\n\n'
           'Term\n: A definition the the end.\n\n'
           '!!! note "Admonition recieve title"\n    Admonition wrld body.\n\n'
           '> [!NOTE]\n> Alert body.\n\n- [x] Done task\n- [ ] Open task\n\n'
           '| Col | Other |\n|-----|-------|\n| **teh** cell | `wrld` |\n')
    assert found(src, "story.md") == [at(src, "recieve"), at(src, "the the"), at(src, "recieve", 1),
                                      at(src, "wrld", 1), at(src, "teh", 3)]
    doc = parse("story.md", src)
    assert "NOTE" not in doc.prose and "[x]" not in doc.prose and "Alert body." in doc.prose


def test_story_and_paragraph_findings_anchor_on_the_first_word_of_prose():
    sentence = ("The regulatory framework necessitates comprehensive institutional restructuring, "
                "notwithstanding considerable administrative complications, and the committee's deliberations "
                "concerning organisational responsibilities continued indefinitely without any resolution. ")
    src = '{{< figure src="x.jpg" caption="A photo" >}}\n<span>{{ page.kicker }}</span> ' + sentence * 12 + "\n"
    ctx = RunContext(Overrides(select=["readability/grade", "readability/long-paragraph"]))
    diags = lint_source_text(src, "story.md", context=ctx).diagnostics
    assert {d.rule for d in diags} == {"readability/grade", "readability/long-paragraph"}
    assert all(src[d.start:d.start + 3] == "The" and d.line == 2 for d in diags)
