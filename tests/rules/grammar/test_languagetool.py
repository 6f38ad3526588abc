"""grammar/languagetool: a LanguageTool server or local install the user runs. The server
here speaks LanguageTool's documented HTTP API; configuration comes from a real file, as a
newsroom writes it. Written for this project."""
from __future__ import annotations

import json
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from newslint.api import assert_flags
from newslint.rules.grammar.languagetool import LanguageToolGrammar


@pytest.fixture(autouse=True)
def _trusted_config(monkeypatch):
    """These tests name LanguageTool in the story folder's newslint.toml, which only a trusted
    configuration may do (newslint.trust)."""
    monkeypatch.setenv("NEWSLINT_TRUST_CONFIG", "1")


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
        f'select = ["grammar"]\nignore = ["grammar/article"]\n[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\nurl = "{url}"\n')


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
        'select = ["grammar"]\nignore = ["grammar/article"]\n[grammar]\nbackend = "languagetool"\n'
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


def test_the_rule_on_its_own_reports_matches_under_sub_ids(lt_server):
    section = {"grammar": {"backend": "languagetool", "languagetool": {"url": lt_server}}}
    (d,) = assert_flags(LanguageToolGrammar, "This is an test.\n", ("grammar/languagetool/EN_A_VS_AN", "an"),
                        sections=section)
    assert d.suggestions == ("a",)


def test_off_unless_configured():
    from newslint.api import assert_clean

    assert_clean(LanguageToolGrammar, "This is an test.\n")
