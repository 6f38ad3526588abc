from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
import json
import urllib.parse

from conftest import at, lint


def rules(text, select, **kw):
    return lint(text, select=select, **kw)


def test_repeated_word_flags_and_fixes():
    text = "It fails the\nthe test and the the other.\n"
    diags = rules(text, ["grammar/repeated-word"])
    assert [(d.line, at(text, d)) for d in diags] == [(2, "the"), (2, "the")]
    assert all(d.fix and d.fix.applicability.value == "safe" for d in diags)


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
    """Speaks LanguageTool's documented /v2/check: form-encoded POST with `data` (annotated
    text JSON) or `text`, `language`; answers {"matches": [{"message", "offset", "length",
    "replacements": [{"value"}], "rule": {"id", "category": {"id"}}}]}."""

    seen: list = []

    def do_POST(self):  # noqa: N802
        body = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        data = json.loads(body["data"][0])
        text = "".join(a.get("text", "") for a in data["annotation"])
        _LTHandler.seen.append((body["language"][0], text))
        matches = []
        i = text.find("an test")
        if i >= 0:
            matches.append({"message": "Use a.", "offset": i, "length": 2, "replacements": [{"value": "a"}],
                            "rule": {"id": "EN_A_VS_AN", "category": {"id": "MISC"}}})
        payload = json.dumps({"matches": matches}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *a):
        pass


def test_languagetool_server_backend(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _LTHandler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        (tmp_path / "newslint.toml").write_text(
            f'select = ["grammar"]\n[grammar]\nbackend = "languagetool"\n'
            f'[grammar.languagetool]\nurl = "http://127.0.0.1:{server.server_port}"\n')
        story = tmp_path / "s.md"
        story.write_text("# Head\n\nThis is **an test** of `code`.\n")
        from linter import lint_paths

        diags = lint_paths([str(story)]).diagnostics
        lt = [d for d in diags if d.rule.startswith("grammar/languagetool/")]
        assert [(d.rule, d.line, d.column) for d in lt] == [("grammar/languagetool/EN_A_VS_AN", 3, 11)]
        assert all("`" not in text and "**" not in text for _, text in _LTHandler.seen)
    finally:
        server.shutdown()


def test_languagetool_remote_url_needs_permission(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'select = ["grammar"]\n[grammar]\nbackend = "languagetool"\n'
        '[grammar.languagetool]\nurl = "https://lt.example.org"\n')
    story = tmp_path / "s.txt"
    story.write_text("This is an test.\n")
    from linter import lint_paths

    res = lint_paths([str(story)])
    assert any("not on this machine" in n for n in res.notices)
    assert any(d.rule == "grammar/harper/AnA" for d in res.diagnostics)  # Harper took over


def test_languagetool_not_configured_one_notice(tmp_path, monkeypatch):
    monkeypatch.delenv("LTP_PATH", raising=False)
    (tmp_path / "newslint.toml").write_text('select = ["grammar"]\n[grammar]\nbackend = "languagetool"\n')
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text("This is an test.\n")
    from linter import lint_paths

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
