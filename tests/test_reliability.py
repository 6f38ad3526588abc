"""Reliability: bad input, the offline guarantee, no lost words, concurrent runs."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, at, engine_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import lint_text

from newslint.fixes import apply_edits, choose_edits
from newslint.markup import parse
from newslint.runner import INTERNAL_ERROR, run_rules
from newslint.rules.grammar.repeated_word import RepeatedWord

BAD = ROOT / "tests" / "fixtures" / "bad"
HYPOTHESIS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- bad input -------------------------------------------------------------------------------------

def test_bad_inputs_script_passes(capsys):
    """Every bad input through the CLI, in this (warm) process."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_bad_inputs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    code = check_bad_inputs.main(in_process=True)
    out = capsys.readouterr().out
    assert code == 0 and "0 failed" in out, out[-3000:]


def test_all_bad_inputs_at_once_in_a_real_process(real_cli):
    r = real_cli("check", "--format", "json", str(BAD))
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
    assert len(json.loads(r.stdout)["files"]) == len(list(BAD.iterdir()))


def test_utf16_story_positions_are_in_characters(cli):
    data = json.loads(cli("check", "--format", "json", "--select", "grammar/repeated-word",
                          str(BAD / "utf16-bom.md")).stdout)
    d = data["diagnostics"][0]
    line = (BAD / "utf16-bom.md").read_bytes().decode("utf-16").split("\n")[d["line"] - 1]
    assert line[d["column"] - 1:d["end_column"] - 1] == "the"


def test_fix_keeps_cp1252_and_utf16(tmp_path, cli):
    for name, enc in (("w.txt", "cp1252"), ("u.md", "utf-16")):
        story = tmp_path / name
        original = "\u201cWe agree,\u201d said the the mayor\u2019s aide.\r\n".encode(enc)
        story.write_bytes(original)
        r = cli("check", "--fix", "--select", "grammar/repeated-word", str(story))
        assert r.returncode == 0, r.stderr
        assert story.read_bytes() == "\u201cWe agree,\u201d said the mayor\u2019s aide.\r\n".encode(enc)


def test_invalid_utf8_is_not_rewritten(tmp_path, cli):
    story = tmp_path / "s.txt"
    raw = b"The the council \x81\x8d met.\n"
    story.write_bytes(raw)
    r = cli("check", "--fix", "--select", "grammar/repeated-word", str(story))
    assert story.read_bytes() == raw and "not applied" in r.stderr


def test_malformed_front_matter_is_reported_at_its_line(cli):
    data = json.loads(cli("check", "--format", "json", str(BAD / "malformed-front-matter.md")).stdout)
    parse_errors = [d for d in data["diagnostics"] if d["rule"] == "newslint/parse-error"]
    assert parse_errors and parse_errors[0]["line"] in (2, 3, 4)
    assert "front matter" in parse_errors[0]["message"]


def test_time_grows_linearly_with_story_size(tmp_path):
    """A 4 MB story takes about four times as long as a 1 MB one (ratio, not wall-clock)."""
    para = ("The council met on Monday and voted to approve the the new budget, officials said. "
            "Residents welcomed the decision.\n\n")
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(para * (1_000_000 // len(para)))
    large.write_text(para * (4_000_000 // len(para)))
    sel = ["spelling", "grammar/repeated-word"]
    from newslint import lint_paths

    lint_paths([str(small)], select=sel)  # load resources first
    t0 = time.perf_counter()
    n_small = len(lint_paths([str(small)], select=sel).diagnostics)
    t1 = time.perf_counter()
    n_large = len(lint_paths([str(large)], select=sel).diagnostics)
    t2 = time.perf_counter()
    assert n_large >= 3.9 * n_small
    assert (t2 - t1) / (t1 - t0) < 8  # linear would be 4; quadratic 16


# --- offline guarantee ---------------------------------------------------------------------------------

def _default_json(cwd: Path, prefix: list[str]) -> dict:
    exe = Path(sys.executable).parent / "newslint"
    r = subprocess.run(prefix + [str(exe), "check", "--format", "json", "seeds/", "examples/"], cwd=cwd,
                       capture_output=True, text=True, timeout=600, env={**os.environ, "NO_COLOR": "1"})
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(r.stdout)
    return {"diagnostics": data["diagnostics"], "files": data["files"]}


@pytest.mark.skipif(shutil.which("unshare") is None or os.geteuid() != 0, reason="needs root and unshare")
def test_default_rules_give_the_same_results_without_a_network():
    offline = _default_json(ROOT, ["unshare", "-n"])
    online = _default_json(ROOT, [])
    assert offline == online
    assert offline["diagnostics"]


def test_no_socket_is_opened(monkeypatch):
    """In-process variant that works without root: every way to connect raises."""
    import socket

    def refuse(*a, **k):
        raise AssertionError(f"network access attempted: {a!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text = (ROOT / "seeds" / "000_7467d37895fd2b1a.txt").read_text()
    diags = lint_text(text, dialect="en-US")
    assert any(d.rule == "spelling/unknown-word" for d in diags)


# --- concurrency --------------------------------------------------------------------------------------

def test_two_fix_runs_at_once_never_corrupt_a_file(tmp_path):
    expected = {}
    for i in range(12):
        body = "".join(f"Paragraph {j} of story {i} says the the council met.\n\n" for j in range(40))
        (tmp_path / f"s{i}.txt").write_text(body)
        expected[f"s{i}.txt"] = body.replace("the the", "the")
    exe = Path(sys.executable).parent / "newslint"
    cmd = [str(exe), "check", "--fix", "--select", "grammar/repeated-word", "--jobs", "1", str(tmp_path)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    for p in procs:
        assert p.wait(timeout=300) in (0, 1)
    for name, body in expected.items():
        assert (tmp_path / name).read_text() == body
    assert not list(tmp_path.glob(".*newslint-tmp"))


# --- no lost words: property-based -------------------------------------------------------------------

WORDS = ["the", "council", "met", "on", "Monday", "caf\u00e9", "Russia\u2019s", "teh", "govermment", "U.S.",
         "said", "it", "and", "\u00fcber", "x"]
word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
md_inline = st.one_of(
    sentence,
    sentence.map(lambda s: f"**{s}**"),
    sentence.map(lambda s: f"*{s}*"),
    st.tuples(sentence, word).map(lambda t: f"[{t[0]}](https://example.com/{t[1]})"),
    word.map(lambda w: f"`{w} {w}`"),
    word.map(lambda w: f"{{{{ \"{w}\" | url }}}}"),
    word.map(lambda w: f"&amp; {w}"),
    word.map(lambda w: f"<span>{w}</span>"),
)
md_block = st.one_of(
    st.lists(md_inline, min_size=1, max_size=4).map(" ".join),
    st.lists(md_inline, min_size=1, max_size=3).map(lambda xs: "# " + " ".join(xs)),
    st.lists(md_inline, min_size=1, max_size=3).map(lambda xs: "> " + "\n> ".join(xs)),
    st.lists(md_inline, min_size=1, max_size=3).map(lambda xs: "\n".join("- " + x for x in xs)),
    st.lists(word, min_size=1, max_size=4).map(lambda ws: "```\n" + " ".join(ws) + "\n```"),
    st.tuples(word, word).map(lambda t: f"| {t[0]} | {t[1]} |\n|---|---|\n| {t[1]} | {t[0]} |"),
)
markdown_doc = st.tuples(st.booleans(), st.lists(md_block, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"])).map(
    lambda t: (("---\ntitle: teh x\n---\n\n" if t[0] else "") + "\n\n".join(t[1]) + "\n").replace("\n", t[2]))
html_doc = st.lists(st.one_of(
    sentence.map(lambda s: f"<p>{s}</p>"),
    sentence.map(lambda s: f"<h2>{s}</h2>"),
    st.tuples(sentence, word).map(lambda t: f"<p>{t[0]} <a href='/{t[1]}'>{t[1]}</a> &rsquo;{t[1]}&amp;</p>"),
    word.map(lambda w: f"<script>{w}</script><!-- {w} --><code>{w}</code>"),
), min_size=1, max_size=6).map(lambda xs: "<html><body>\n" + "\n".join(xs) + "\n</body></html>\n")
plain_doc = st.lists(sentence, min_size=1, max_size=8).map(lambda ss: "\n".join(ss) + "\n")

SELECT = ["spelling/unknown-word", "grammar/repeated-word", "grammar/pronoun-agreement"]


def _check_positions(source: str, fmt: str) -> None:
    doc = parse("x." + {"markdown": "md", "html": "html", "plain": "txt"}[fmt], source)
    for w in doc.words:  # every word that is a verbatim copy maps back to itself
        if doc.smap.is_verbatim(w.start, w.end):
            s, e = doc.source_span(w.start, w.end)
            assert source[s:e] == w.text
    lines = source.split("\n")
    for d in lint_text(source, fmt=fmt, select=SELECT):
        assert 1 <= d.line <= d.end_line <= len(lines)
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1
        assert d.end_column <= len(lines[d.end_line - 1]) + 1
        assert source[d.start:d.end] == at(source, d)
        if d.rule == "spelling/unknown-word":
            assert f"'{source[d.start:d.end]}'" in d.message


@HYPOTHESIS
@given(markdown_doc)
def test_markdown_positions_point_at_the_matched_text(source):
    _check_positions(source, "markdown")


@HYPOTHESIS
@given(html_doc)
def test_html_positions_point_at_the_matched_text(source):
    _check_positions(source, "html")


@HYPOTHESIS
@given(st.one_of(markdown_doc, plain_doc))
def test_fix_changes_nothing_outside_the_fixed_spans(source):
    fmt = "markdown" if source.lstrip().startswith(("#", "-", ">", "`", "|", "[", "*", "{", "&", "<")) or "\n\n" in source else "plain"
    diags = lint_text(source, fmt=fmt, select=["grammar/repeated-word"])
    chosen = choose_edits(diags)
    fixed = apply_edits(source, [e for e, _ in chosen])
    # rebuild the file from the untouched stretches: they must be byte-for-byte the original
    pos, out = 0, []
    for e, _ in sorted(chosen, key=lambda ed: ed[0].start):
        assert source[e.start:e.end].strip() == source[e.start:e.end].strip().split()[0]  # one repeated word
        out.append(source[pos:e.start])
        pos = e.end
    out.append(source[pos:])
    assert fixed == "".join(out)


class _Flaky(RepeatedWord):
    """Crashes on some stories, finds nothing on the others."""

    id = "test/flaky"

    def check(self, doc):
        if "x" in doc.prose:
            raise ValueError("boom")
        return []


@HYPOTHESIS
@given(plain_doc)
def test_a_crashing_rule_never_hides_the_others(source):
    doc = parse("s.txt", source)
    diags, _ = run_rules(doc, engine_of([_Flaky(), RepeatedWord()]))
    repeated = [d for d in diags if d.rule == "grammar/repeated-word"]
    alone, _ = run_rules(parse("s.txt", source), engine_of([RepeatedWord()]))
    assert repeated == alone
    crashed = [d for d in diags if d.rule == INTERNAL_ERROR]
    assert len(crashed) == (1 if "x" in doc.prose else 0)
    assert all("test/flaky" in d.message for d in crashed)
