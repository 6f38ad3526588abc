"""The HTML report for editors: stories as prose (front matter as headline and standfirst,
markup and template syntax out of the text) with every finding marked exactly over its
words; stories without findings listed by name; plurals; the engine's notes apart; the run's
date and commit; one self-contained file; and the page as a real browser draws it."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint import lint_paths
from newslint.registry import ENGINE_IDS

STORY_MD = """---
title: "Council approves the govermment plan"
description: "A standfirst about the new bridge."
date: 2026-11-20
---

{% if page.live %}<div class="live">Live</div>{% endif %}

The council voted on Tuesday to recieve the plan, officials said.

{{< highlight go >}}
fmt.Println("teh code")
{{< /highlight >}}

<div class="box">Opponents said the the plan ignores residents.</div>
"""
STORY_HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Storm closes schools</title></head>
<body><article><h1>Storm closes schools</h1>
<p>Schools closed on Friday as snow &amp; high winds shut the the roads.</p>
</article></body></html>
"""
CLEAN = "# Bridge opens\n\nThe bridge opened on Monday.\n"
NOTES = "# Library opens\n\n<!-- newslint-disable-next-line spelling -->\nThe library opened on Monday.\n"


class Page(HTMLParser):
    """The marks (id, attributes, text), the text of each story's prose, the clean list,
    the engine notes and anything loaded from elsewhere."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.prose: list[str] = []
        self.sections: dict[str, str] = {}
        self.external: list[str] = []
        self.details = 0
        self._stack: list[str] = []
        self._mark: dict | None = None
        self._h2: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if (a.get(key) or "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(a.get("href") or "")
        self.details += tag == "details"
        if tag == "mark":
            self._mark = {**a, "text": ""}
            self.marks.append(self._mark)
        if a.get("class") == "prose":
            self.prose.append("")
        self._stack.append(a.get("class") or tag)
        if tag == "h2":
            self._h2 = ""

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark = None
        if tag == "h2" and self._h2 is not None:
            self.sections[self._h2] = ""
            self._h2 = None
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data
        if "prose" in self._stack:
            self.prose[-1] += data
        if self._h2 is not None:
            self._h2 += data
        elif self.sections:
            last = list(self.sections)[-1]
            self.sections[last] += data


def _stories(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "a-story.md").write_text(STORY_MD, encoding="utf-8")
    (folder / "b-page.html").write_text(STORY_HTML, encoding="utf-8")
    (folder / "c-clean.md").write_text(CLEAN, encoding="utf-8")
    (folder / "d-notes.md").write_text(NOTES, encoding="utf-8")
    return folder


def _report(cli, folder: Path, out: Path) -> Page:
    r = cli("report", str(folder), "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    return page


def test_stories_are_prose_with_every_finding_marked_exactly_over_its_words(cli, tmp_path):
    folder = _stories(tmp_path)
    page = _report(cli, folder, tmp_path / "report.html")
    result = lint_paths([str(folder)], keep_source=True)
    copy = [(f, d) for f in result.files for d in f.diagnostics if d.rule not in ENGINE_IDS]
    assert len(copy) >= 4
    # one mark per finding about the copy, in order, over exactly the source text of its span
    assert [m["id"] for m in page.marks] == [f"f{k}" for k in range(len(copy))]
    for m, (f, d) in zip(page.marks, copy):
        assert m["text"] == f.source[d.start:d.end], (d.rule, d.message)
        assert d.rule in m["title"]
    # the prose, not the source: headline and standfirst from the front matter, no markup
    md, htm = page.prose
    assert "Council approves the govermment plan" in md and "A standfirst about the new bridge." in md
    for raw in ("---", "title:", "date:", "{%", "{{<", "fmt.Println", "<div", "class="):
        assert raw not in md, raw
    assert "<!DOCTYPE" not in htm and "<p>" not in htm and "snow & high winds" in htm


def test_clean_stories_listed_not_shown_plurals_and_engine_notes_apart(cli, tmp_path):
    folder = _stories(tmp_path)
    out = tmp_path / "report.html"
    page = _report(cli, folder, out)
    text = html.unescape(out.read_text(encoding="utf-8"))
    assert page.details == 2  # the two stories with findings; the clean ones are not expanded
    clean = page.sections["Stories without findings (2)"]
    assert "c-clean.md" in clean and "d-notes.md" in clean
    assert not re.search(r"\b1 findings\b|\b1 stories\b|\b1 sentences\b", text)
    assert "1 finding (1 error)" in text  # the HTML story
    notes = page.sections["Engine notes (1)"]
    assert "newslint/unused-suppression" in notes and "d-notes.md" in notes
    assert not any(m.get("data-rule", "").startswith("newslint/") for m in page.marks)
    assert page.external == []


def test_the_run_date_and_commit_are_shown(cli, tmp_path):
    folder = _stories(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "desk", str(folder)], check=True)
    subprocess.run([*git, "-C", str(folder), "add", "."], check=True)
    subprocess.run([*git, "-C", str(folder), "commit", "-q", "-m", "stories"], check=True)
    head = subprocess.run(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    _report(cli, folder, tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert re.search(r"Checked \d{4}-\d\d-\d\d \d\d:\d\d", text)
    assert f"at commit {head} on desk" in text
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s.md").write_text(CLEAN, encoding="utf-8")
    _report(cli, outside, tmp_path / "o.html")
    assert "not in a git repository" in (tmp_path / "o.html").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("chromedriver") is None,
                    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
def test_report_in_a_real_browser(cli, tmp_path):
    from browser import chromium

    folder = _stories(tmp_path)
    out = tmp_path / "report.html"
    page = _report(cli, folder, out)
    with chromium(tmp_path) as driver:
        driver.get(out.as_uri())
        marks = driver.find_elements("css selector", "main mark")
        assert len(marks) == len(page.marks)
        shown = [m for m in marks if m.is_displayed()]
        assert len(shown) == len(marks)  # every story with findings is open
        assert all(m.size["width"] > 0 for m in shown)
        assert [m.text for m in shown] == [m["text"] for m in page.marks]
        error = next(m for m, info in zip(marks, page.marks) if info.get("data-severity") == "error")
        colour = error.value_of_css_property("background-color")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # severity colour applied
        # unchecking "error" hides the error marks' colour (the filter works)
        driver.find_element("css selector", ".filters input[value='s:error']").click()
        assert error.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)", "transparent")
        driver.find_element("css selector", ".filters input[value='s:error']").click()
        shot = tmp_path / "report.png"
        driver.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    if os.environ.get("NEWSLINT_SCREENSHOTS"):
        shutil.copy(shot, Path(os.environ["NEWSLINT_SCREENSHOTS"]) / "report.png")


def test_a_story_is_rendered_as_its_configuration_reads_it(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('[markup]\nfront-matter = { kicker = "standfirst" }\n')
    (tmp_path / "s.md").write_text('---\ntitle: "Vote"\nkicker: "The govermment said"\n---\n\nIt passed.\n')
    page = _report(cli, tmp_path, tmp_path / "r.html")
    assert [m["text"] for m in page.marks] == ["govermment"]  # in the prose, not "not in the prose"
    assert "The govermment said" in page.prose[0]
