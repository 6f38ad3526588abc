from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
import json
import re
import urllib.parse

import pytest

from conftest import at, lint

from newslint.api import assert_fixed
from newslint.rules.grammar.repeated_word import RepeatedWord


@pytest.fixture(autouse=True)
def _trusted_config(monkeypatch):
    """These tests name LanguageTool or a model in the story folder's newslint.toml, which
    only a trusted configuration may do (newslint.trust)."""
    monkeypatch.setenv("NEWSLINT_TRUST_CONFIG", "1")


def rules(text, select, **kw):
    return lint(text, select=select, **kw)


def test_repeated_word_flags_and_fixes():
    text = "It fails the\nthe test and the the other.\n"
    diags = rules(text, ["grammar/repeated-word"])
    assert [(d.line, at(text, d)) for d in diags] == [(2, "the"), (2, "the")]
    assert all(d.fix and d.fix.applicability.value == "safe" for d in diags)


@pytest.mark.parametrize("text, fixed", [
    ("It fails the\nthe test.\n", "It fails the test.\n"),
    ("The plan was was approved and and signed.", "The plan was approved and signed."),
    ("No, no, it was in in the end.", "No, no, it was in the end."),
])
def test_repeated_word_fix_leaves_nothing_to_report(text, fixed):
    """As Harper's rule tests do: apply the fix, lint again, expect nothing."""
    assert_fixed(RepeatedWord, text, fixed)


def test_repeated_word_leaves_grammatical_doubles():
    text = "She had had enough. He said that that was wrong. What it is is unclear. Duran Duran played. No, no.\n"
    assert rules(text, ["grammar/repeated-word"]) == []


def test_pronoun_agreement():
    text = "They is expected to win. He have gone. We was late.\n"
    diags = rules(text, ["grammar/pronoun-agreement"])
    assert [at(text, d) for d in diags] == ["is", "have", "was"]
    assert [d.suggestions[0] for d in diags] == ["are", "has", "were"]


def test_pronoun_agreement_leaves_questions_and_subjunctives():
    text = ("Does he have a plan? If it were up to me, I would go. Let them have it. She is here and they are there. "
            "He acted as it were a game. He said he would go if he felt he were no longer up to it. "
            "My wife and I are overjoyed. Tom and he were late.\n")
    assert rules(text, ["grammar/pronoun-agreement"]) == []


def test_pronoun_agreement_after_as_and_if_when_not_subjunctive():
    text = ("Tourism helps as long as it are sustainable. The needles shake as they is hooked up. "
            "It causes problems, and it are hard to fix.\n")
    diags = rules(text, ["grammar/pronoun-agreement"])
    assert [(at(text, d), d.suggestions[0]) for d in diags] == [("are", "is"), ("is", "are"), ("are", "is")]


def test_pronoun_agreement_in_a_quote_is_a_note_without_fix():
    text = 'The owner was firm. "One demand was that it don\'t sell," he said. They is sure.\n'
    diags = rules(text, ["grammar/pronoun-agreement"])
    assert [(at(text, d), d.severity.value, d.fix is None) for d in diags] == [
        ("don't", "info", True), ("is", "error", False)]


def test_real_harper_finds_article_and_agreement():
    text = "This is an test of the system.\n"
    diags = rules(text, ["grammar/harper"])
    assert any(d.rule == "grammar/harper/AnA" and at(text, d) == "an" for d in diags)


def test_harper_quiet_on_clean_copy():
    text = "The minister said the plan would be ready by Friday. Officials welcomed the decision.\n"
    assert rules(text, ["grammar/harper"]) == []


class _LTHandler(BaseHTTPRequestHandler):
    """Speaks LanguageTool's documented HTTP API as a real server does: GET /v2/languages, and
    POST /v2/check (form-encoded `text` or annotated `data`, and `language`) answered with
    {"matches": [{"message", "offset", "length", "replacements": [{"value"}], "rule": {"id",
    "category": {"id"}}}]}, offsets in UTF-16 code units (LanguageTool is Java)."""

    seen: list = []

    def _answer(self, payload) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        assert self.path.startswith("/v2/languages"), self.path
        self._answer([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                      {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])

    def do_POST(self):  # noqa: N802
        assert self.path.startswith("/v2/check"), self.path
        body = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        if "data" in body:
            text = "".join(a.get("text", "") for a in json.loads(body["data"][0])["annotation"])
        else:
            text = body["text"][0]
        _LTHandler.seen.append((body["language"][0], text))
        matches = []
        for m in re.finditer("an test", text):
            i = m.start()
            utf16 = len(text[:i].encode("utf-16-le")) // 2
            matches.append({"message": "Use a.", "shortMessage": "", "offset": utf16, "length": 2,
                            "replacements": [{"value": "a"}], "sentence": text, "type": {"typeName": "Other"},
                            "context": {"text": text, "offset": utf16, "length": 2},
                            "rule": {"id": "EN_A_VS_AN", "description": "a/an", "issueType": "misspelling",
                                     "category": {"id": "MISC", "name": "Miscellaneous"}}})
        self._answer({"matches": matches})

    def log_message(self, *a):
        pass


@pytest.fixture
def lt_server():
    server = HTTPServer(("127.0.0.1", 0), _LTHandler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    _LTHandler.seen.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _lt_config(tmp_path, url):
    (tmp_path / "newslint.toml").write_text(
        f'select = ["grammar"]\n[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\nurl = "{url}"\n')


def test_languagetool_server_backend(tmp_path, lt_server):
    _lt_config(tmp_path, lt_server)
    story = tmp_path / "s.md"
    story.write_text("# Head\n\nThis is **an test** of `code`.\n\nParty \U0001F389 time: an test again.\n")
    from newslint import lint_paths

    diags = lint_paths([str(story)]).diagnostics
    lt = [d for d in diags if d.rule.startswith("grammar/languagetool/")]
    # the second is after an emoji: LanguageTool's UTF-16 offset, turned into code points
    assert [(d.rule, d.line, d.column) for d in lt] == [("grammar/languagetool/EN_A_VS_AN", 3, 11),
                                                        ("grammar/languagetool/EN_A_VS_AN", 5, 15)]
    assert _LTHandler.seen and all("`" not in text and "**" not in text for _, text in _LTHandler.seen)


def test_languagetool_server_down_means_one_notice_and_harper(tmp_path):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _lt_config(tmp_path, f"http://127.0.0.1:{port}")
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text("This is an test.\n")
    from newslint import lint_paths

    res = lint_paths([str(tmp_path)], jobs=1)
    assert sum("using Harper" in n for n in res.notices) == 1, res.notices
    assert not any(d.rule == "newslint/internal-error" for d in res.diagnostics)
    assert sum(d.rule == "grammar/harper/AnA" for d in res.diagnostics) == 3


def test_languagetool_remote_url_needs_permission(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'select = ["grammar"]\n[grammar]\nbackend = "languagetool"\n'
        '[grammar.languagetool]\nurl = "https://lt.example.org"\n')
    story = tmp_path / "s.txt"
    story.write_text("This is an test.\n")
    from newslint import lint_paths

    res = lint_paths([str(story)])
    assert any("not on this machine" in n for n in res.notices)
    assert any(d.rule == "grammar/harper/AnA" for d in res.diagnostics)  # Harper took over


def test_languagetool_not_configured_one_notice(tmp_path, monkeypatch):
    monkeypatch.delenv("LTP_PATH", raising=False)
    (tmp_path / "newslint.toml").write_text('select = ["grammar"]\n[grammar]\nbackend = "languagetool"\n')
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text("This is an test.\n")
    from newslint import lint_paths

    res = lint_paths([str(tmp_path)], jobs=1)
    assert res.notices.count("LanguageTool not configured; using Harper") == 1


def test_repeated_word_particle_and_that_that_cases():
    ok = "Users checked in in March. He logged on on Monday. He said that that was wrong.\n"
    assert rules(ok, ["grammar/repeated-word"]) == []
    bad = ("It was a task that that required skill. He said that that such plans fail. "
           "Those interested in in the job applied. She said \u201cwe are in in the race\u201d. "
           "The town could cash in in on the fame.\n")
    assert [at(bad, d) for d in rules(bad, ["grammar/repeated-word"])] == ["that", "that", "in", "in", "in"]


def test_repeated_word_quoted_term_and_triple_are_deliberate():
    text = "The team calls it \u201cdone done\u201d now. Help help help, she wrote.\n"
    assert rules(text, ["grammar/repeated-word"]) == []
