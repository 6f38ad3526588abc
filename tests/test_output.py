"""Results a person can act on: text output with the source line and the span marked,
concise output, colour control, messages on one line, statistics, the HTML report."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from conftest import ROOT

from newslint import lint_paths
from newslint.formatters.text import width

SEED = ROOT / "seeds" / "000_7467d37895fd2b1a.txt"
ANSI = re.compile(r"\033\[[0-9;]*m")


def blocks(out: str) -> list[list[str]]:
    """Each finding of the text output as its lines."""
    return [b.splitlines() for b in out.strip().split("\n\n") if re.match(r"^\S+:\d+:\d+: ", b)]


def marked(block: list[str]) -> str:
    """The characters of the source line that stand above the ^ marker, by display columns."""
    src = next(line for line in block if re.match(r"^\d+ \| ", line))
    mark = next(line for line in block if re.match(r"^ +\| +\^", line))
    body = mark[src.index("|") + 2:]
    lead, n = len(body) - len(body.lstrip(" ")), len(body.lstrip(" ").split(" ")[0])
    col, out = 0, []
    for ch in src[src.index("|") + 2:]:
        if lead <= col < lead + n:
            out.append(ch)
        col += width(ch)
    return "".join(out)


def test_seed_text_output_marks_every_span(cli):
    r = cli("check", "--color", "never", str(SEED))
    assert r.returncode == 1
    found = {b[0].split()[2]: marked(b) for b in blocks(r.stdout) if any("^" in x for x in b)}
    assert found["spelling/unknown-word"] == "aggravanding"
    assert found["word-choice/usage"] == "utilize"
    assert "replace with 'aggravating'" in r.stdout
    assert r.stdout.rstrip().endswith("in 1 of 1 story.")
    assert not ANSI.search(r.stdout)


def test_long_markdown_line_is_trimmed_around_the_span(cli, tmp_path):
    story = tmp_path / "long.md"
    story.write_text("# Title\n\n" + "The council met and talked about roads. " * 40 + "It aproved the plan. "
                     + "Then it adjourned for the day. " * 30 + "\n")
    r = cli("check", "--color", "never", "--select", "spelling", str(story))
    (b,) = blocks(r.stdout)
    src = next(line for line in b if re.match(r"^\d+ \| ", line))
    assert src.count("\u2026") == 2 and width(src) < 120
    assert marked(b) == "aproved"


def test_wide_characters_keep_the_marker_under_the_span(cli, tmp_path):
    story = tmp_path / "wide.txt"
    story.write_text("記者会見で 🎉 the mayor said the the plan was ready.\n", encoding="utf-8")
    r = cli("check", "--color", "never", "--select", "grammar/repeated-word", str(story))
    (b,) = blocks(r.stdout)
    assert marked(b) == "the"
    assert "delete 'the'" in r.stdout


def test_a_finding_over_two_lines(cli, tmp_path):
    story = tmp_path / "two.txt"
    story.write_text("The board met in order\nto approve the plan.\n")
    r = cli("check", "--color", "never", "--select", "readability/complex-word", str(story))
    (b,) = blocks(r.stdout)
    assert marked(b) == "in order" and "continues to line 2" in b[-1]
    d = json.loads(cli("check", "--format", "json", "--select", "readability/complex-word", str(story)).stdout)
    assert (d["diagnostics"][0]["line"], d["diagnostics"][0]["end_line"]) == (1, 2)


def test_all_clear_and_concise(cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Monday.\n")
    r = cli("check", "--color", "never", str(clean))
    assert r.returncode == 0 and r.stdout == "All clear: no findings in 1 story.\n"
    r = cli("check", "--format", "concise", str(SEED))
    lines = r.stdout.splitlines()
    assert "seeds/000_7467d37895fd2b1a.txt:7:279: info spelling/unknown-word" in r.stdout or any(
        ":7:279: info spelling/unknown-word" in x for x in lines)
    assert all(re.match(r"^\S+:\d+:\d+: (error|warning|info) \S+ ", x) for x in lines)
    assert cli("check", "--format", "json", str(clean)).stdout.startswith("{")  # no all-clear line in JSON


def test_colour_flags_and_environment(cli, monkeypatch):
    assert ANSI.search(cli("check", "--color", "always", str(SEED)).stdout)
    assert not ANSI.search(cli("check", "--color", "never", str(SEED)).stdout)
    from newslint.cli import use_color

    class Tty:
        def isatty(self):
            return True
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", Tty())
    monkeypatch.delenv("NO_COLOR")
    assert use_color("auto", Tty())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", open(os.devnull))
    assert cli("check", "--color", "sometimes", str(SEED)).returncode == 2


def test_messages_are_one_line_without_markdown_and_name_the_words():
    res = lint_paths([str(ROOT / "examples"), str(SEED)])
    for d in res.diagnostics:
        assert "\n" not in d.message and "`" not in d.message, d
    harper = [d for d in res.diagnostics if d.rule.startswith("grammar/harper/")]
    for d in harper:
        assert "'" in d.message


def test_statistics_in_json_and_a_notice_elsewhere(cli):
    d = json.loads(cli("check", "--format", "json", "--statistics", str(SEED)).stdout)
    assert d["statistics"]["by_rule"]["spelling/unknown-word"] == 1 and d["tool"]["name"] == "newslint"
    r = cli("check", "--format", "sarif", "--statistics", str(SEED))
    assert "--statistics is shown with --format text or json" in r.stderr


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks, self.external = 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.marks += tag == "mark"
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append((tag, a[key]))
        if tag == "link":
            self.external.append((tag, a.get("href")))


def _report(cli, tmp_path):
    out = tmp_path / "report.html"
    r = cli("report", str(SEED), str(ROOT / "examples"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    n = len(lint_paths([str(SEED), str(ROOT / "examples")]).diagnostics)
    return out, n


def test_report_is_self_contained_with_one_mark_per_finding(cli, tmp_path):
    out, n = _report(cli, tmp_path)
    page = out.read_text(encoding="utf-8")
    p = _Marks()
    p.feed(page)
    assert p.marks == n and n > 3
    assert p.external == []
    assert "<svg" in page and "aggravanding" in page


@pytest.mark.skipif(shutil.which("chromium") is None and not os.environ.get("NEWSLINT_BROWSER_TESTS"),
                    reason="needs Debian's chromium (.ci/run installs it)")
def test_report_renders_in_a_real_browser(cli, tmp_path):
    out, n = _report(cli, tmp_path)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    p = _Marks()
    p.feed(dom)
    assert p.marks == n
    shot = tmp_path / "report.png"
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", "--window-size=1280,1600", out.as_uri()],
                   capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a blank page compresses to a few kB
    if os.environ.get("NEWSLINT_SCREENSHOT"):
        shutil.copy(shot, os.environ["NEWSLINT_SCREENSHOT"])


@pytest.mark.skipif(not (ROOT.parent / "shared" / "eval" / "dev" / "dirty").is_dir(), reason="needs ../shared/eval")
def test_explain_documents_every_id_a_run_over_dev_articles_reports():
    from newslint.registry import default_registry

    files = sorted((ROOT.parent / "shared" / "eval" / "dev" / "dirty").iterdir())[:40]
    ids = {d.rule for d in lint_paths([str(f) for f in files], dialect="en-GB").diagnostics}
    assert len(ids) > 10
    for rid in ids:
        text = default_registry().explain(rid)
        assert text and rid in text and "`" not in text, rid
