"""newslint serve end to end: the real server in a subprocess, driven by a LanguageTool
client nobody here wrote (language-tool-python), by raw HTTP (LTeX's annotated text, bad
requests, limits, tokens), and its page in a real browser."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import ROOT, run_cli
from served import Served

from newslint import lint_text
from newslint.ltapi import span_and_replacements

language_tool_python = pytest.importorskip("language_tool_python")

SEED = (ROOT / "seeds" / "000_7467d37895fd2b1a.txt").read_text(encoding="utf-8")
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("content")
    (root / "newslint.toml").write_text('dictionary = ["newsroom.dic"]\n', encoding="utf-8")
    (root / "newsroom.dic").write_text("# the newsroom's words\nAcmeville\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(repo):
    s = Served(str(repo))
    yield s
    assert s.stop() == 0


def _expected(text: str, picky: bool = False) -> list[tuple[int, int, str]]:
    """What newslint check reports on `text`, as LanguageTool ranges in code points (unknown
    words at every level, as LanguageTool's speller marks them)."""
    out = []
    for d in lint_text(text, fmt="plain"):
        if d.severity.value != "info" or picky or d.rule == "spelling/unknown-word":
            s, e, _ = span_and_replacements(d)
            out.append((s, e - s, d.rule))
    return out


def test_language_tool_python_checks_the_seed_story(server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    matches = tool.check(SEED)
    assert [(m.offset, m.error_length, m.rule_id) for m in matches] == _expected(SEED)
    by_rule = {m.rule_id: m for m in matches}
    typo = by_rule["spelling/unknown-word"]
    assert SEED[typo.offset:typo.offset + typo.error_length] == "aggravanding"
    assert typo.replacements[0] == "aggravating" and typo.category == "TYPOS"
    assert typo.rule_issue_type == "misspelling" and typo.matched_text == "aggravanding"
    assert "aggravanding" in typo.context and "aggravanding" in typo.sentence
    assert "aggravating" in tool.correct(SEED) and "aggravanding" not in tool.correct(SEED)
    tool.picky = True  # level=picky: the info notes too, as LanguageTool "Hint"s of issue type style
    picky = tool.check(SEED)
    assert [(m.offset, m.error_length, m.rule_id) for m in picky] == _expected(SEED, picky=True)
    assert {m.rule_issue_type for m in picky if m.rule_id == "readability/grade"} == {"style"}


def test_offsets_are_utf16_units_as_languagetool_clients_expect(server):
    text = "\U0001f389 Caf\u00e9 \u6771\u4eac \U0001f30d the council will recieve the plan.\n"
    status, body = server.check(text=text, language="en-US")
    assert status == 200
    m = next(m for m in body["matches"] if m["rule"]["id"] == "spelling/unknown-word")
    units = text.encode("utf-16-le")
    assert units[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le") == "recieve"
    # language-tool-python turns them back into code points itself
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    got = next(x for x in tool.check(text) if x.rule_id == "spelling/unknown-word")
    assert text[got.offset:got.offset + 7] == "recieve"


MD_PARTS = [  # a Markdown story as LTeX sends it: markup parts skipped, interpretAs honoured
    {"markup": "---\ntitle: Bridge\n---\n\n# "}, {"text": "Council backs bridge"},
    {"markup": "\n\n", "interpretAs": "\n\n"},
    {"text": "The council voted to"}, {"markup": "<br>", "interpretAs": " "},
    {"text": "recieve the plan, said the "}, {"markup": "**"}, {"text": "the"}, {"markup": "**"},
    {"text": " mayor. See the "}, {"markup": "[", "interpretAs": ""}, {"text": "report"},
    {"markup": "](https://exmple.org/teh-reprot)", "interpretAs": ""}, {"text": ".\n"},
]


def test_annotated_markdown_story_maps_offsets_back_to_the_clients_text(server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    original = "".join(p.get("text", p.get("markup")) for p in MD_PARTS)
    # the client's own request and parsing, with LTeX's data= parameter
    answer = tool._query_server(f"{server.url}/v2/check", {"language": "en-US", "data": json.dumps(
        {"annotation": MD_PARTS})}, method="post")
    matches = [language_tool_python.Match(m, original) for m in answer["matches"]]
    found = {m.rule_id: original[m.offset:m.offset + m.error_length] for m in matches}
    assert found["spelling/unknown-word"] == "recieve"  # the <br> stood for a space: not "torecieve"
    repeated = next(m for m in matches if m.rule_id == "grammar/repeated-word")
    assert original[repeated.offset:repeated.offset + repeated.error_length] == "the"
    assert repeated.offset == original.index("**the**") + 2  # the second "the", inside the markup
    spans = [original[m.offset:m.offset + m.error_length] for m in matches]
    assert not any("exmple" in s or "reprot" in s or "title" in s for s in spans)  # markup is not checked


def test_ltex_sends_a_form_under_a_json_content_type(server):
    body = urlencode({"language": "en-US", "data": json.dumps({"annotation": [{"text": "We will recieve it."}]})})
    status, headers, raw = server.request("POST", "/v2/check", body, {"Content-Type": "application/json"})
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    m = json.loads(raw)["matches"][0]
    assert (m["offset"], m["length"], m["rule"]["id"]) == (8, 7, "spelling/unknown-word")
    assert m["sentence"] == "We will recieve it." and m["context"]["offset"] == 8


def test_languages_rules_and_the_repository_configuration(server, repo):
    status, _, raw = server.request("GET", "/v2/languages")
    assert status == 200
    assert {x["longCode"] for x in json.loads(raw)} >= {"en-US", "en-GB", "en-CA", "en-AU"}
    text = "Acmeville will recieve the the plan."
    _, body = server.check(text=text, language="en-GB")
    assert body["language"]["code"] == "en-GB"
    ids = [m["rule"]["id"] for m in body["matches"]]
    assert ids == ["spelling/unknown-word", "grammar/repeated-word"]  # Acmeville: the repo's dictionary
    _, body = server.check(text=text, language="auto", disabledRules="spelling/unknown-word,WHITESPACE_RULE")
    assert [m["rule"]["id"] for m in body["matches"]] == ["grammar/repeated-word"]
    _, body = server.check(text=text, language="en", enabledOnly="true", enabledRules="spelling")
    assert [m["rule"]["id"] for m in body["matches"]] == ["spelling/unknown-word"]
    _, body = server.check(text=text, language="en-US", disabledCategories="TYPOS")
    assert [m["rule"]["id"] for m in body["matches"]] == ["grammar/repeated-word"]


def _one_line_error(status: int, raw: bytes, expected: int, words: str) -> None:
    text = raw.decode("utf-8")
    assert status == expected, text
    assert text.startswith("Error: ") and text.count("\n") == 1 and "Traceback" not in text
    assert re.search(words, text), text


@pytest.mark.parametrize("body, status, words", [
    ("text", 400, "malformed form data"),
    ("language=en-US&text=%ff%fe", 400, "malformed form data"),
    ("language=en-US", 400, "missing 'text' or 'data'"),
    ("language=en-US&text=a&data=%7B%7D", 400, "not both"),
    ("language=xx-YY&text=Hello", 400, "'xx-YY' is not a language newslint checks"),
    ("language=de-DE&text=Hallo", 400, "'de-DE' is not a language"),
    ("text=Hello", 400, "missing 'language'"),
    ("language=en-US&text=Hi&level=pedantic", 400, "'level' is 'default' or 'picky'"),
    ("language=en-US&text=Hi&text=Ho", 400, "given twice"),
    ("language=en-US&data=%7Bnot%20json", 400, "'data' is not JSON"),
    ("language=en-US&data=%7B%22annotation%22%3A%5B%7B%22text%22%3A1%7D%5D%7D", 400, "are strings"),
    ("language=en-US&data=%7B%22annotation%22%3A%5B%7B%7D%5D%7D", 400, "needs 'text' or 'markup'"),
    ("language=en-US&text=" + "word%20" * 100_001, 413, "at most 100000"),
])
def test_bad_requests_are_one_line_4xx(server, body, status, words):
    code, _, raw = server.request("POST", "/v2/check", body, FORM)
    _one_line_error(code, raw, status, words)


def _raw(server, request: bytes) -> str:
    """What the server answers to bytes sent as they are, read until it closes."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(request)
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    return answer.decode("utf-8", "replace")


def test_bad_http_is_4xx_and_the_server_goes_on(server):
    # a body larger than the limit is refused from its Content-Length, before it is read
    answer = _raw(server, b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\ntext=")
    assert answer.startswith("HTTP/1.0 413") and "at most" in answer
    answer = _raw(server, b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nlanguage=en-US&text=Hi")
    assert answer.startswith("HTTP/1.0 411") and "Content-Length" in answer
    assert _raw(server, b"GET / x HTTP/1.1\r\n\r\n").startswith("HTTP/1.0 400")
    assert _raw(server, b"BREW /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").startswith("HTTP/1.0 501")
    code, _, raw = server.request("GET", "/etc/passwd")
    _one_line_error(code, raw, 404, "not found")
    code, _, raw = server.request("GET", "/newslint/dictionary")
    _one_line_error(code, raw, 405, "not allowed")
    code, _, raw = server.request("POST", "/v2/check", "language=en-US&text=hi", {**FORM, "Host": "evil.example"})
    _one_line_error(code, raw, 421, "127.0.0.1, localhost or")
    assert server.check(text="The the end.", language="en-US")[0] == 200


def _page_secret(server) -> str:
    status, headers, raw = server.request("GET", "/")
    assert status == 200 and "default-src 'none'" in headers["content-security-policy"]
    info = json.loads(re.search(rb'id="newslint-info">(.*?)</script>', raw).group(1))
    return info["secret"]


def test_add_word_writes_only_the_repository_dictionary(server, repo):
    word = {"word": "blorptastic"}
    code, _, raw = server.request("POST", "/newslint/dictionary", json.dumps(word),
                                  {"Content-Type": "application/json"})
    _one_line_error(code, raw, 403, "newslint's own page")  # a cross-site form cannot set the page's header
    secret = _page_secret(server)
    page = {"Content-Type": "application/json", "X-Newslint-Page": secret}
    for bad in ("../../etc/passwd", "two words", "a\nb", "#comment", ""):
        code, _, raw = server.request("POST", "/newslint/dictionary", json.dumps({"word": bad}), page)
        _one_line_error(code, raw, 400, "not one word")
    assert server.check(text="The blorptastic plan passed.", language="en-US")[1]["matches"]
    code, _, raw = server.request("POST", "/newslint/dictionary", json.dumps(word), page)
    assert code == 200 and json.loads(raw) == {"word": "blorptastic", "file": str(repo / "newsroom.dic"), "added": True}
    assert (repo / "newsroom.dic").read_text() == "# the newsroom's words\nAcmeville\nblorptastic\n"
    assert server.check(text="The blorptastic plan passed.", language="en-US")[1]["matches"] == []  # seen at once


def test_page_check_gives_the_story_rendered_and_edits(server):
    page = {"Content-Type": "application/json", "X-Newslint-Page": _page_secret(server)}
    text = "---\ntitle: Vote\n---\n\nThe council will recieve it.\nIt said the the plan.\n"
    code, _, raw = server.request("POST", "/newslint/check", json.dumps(
        {"text": text, "language": "en-US", "level": "picky", "format": "markdown"}), page)
    assert code == 200
    body = json.loads(raw)
    assert "<mark" in body["story"] and "title:" not in body["story"]
    typo, repeated = (m for m in body["matches"] if m["rule"]["id"] in ("spelling/unknown-word",
                                                                           "grammar/repeated-word"))
    assert typo["newslint"]["word"] == "recieve" and "spelling/unknown-word" in body["rules"]
    ig = repeated["newslint"]["ignore"]
    fixed = text[:ig["offset"]] + ig["text"] + text[ig["offset"]:]
    assert fixed.endswith("recieve it. <!-- newslint-disable-next-line grammar/repeated-word -->\n"
                          "It said the the plan.\n")
    assert not any(d.rule == "grammar/repeated-word" for d in lint_text(fixed, fmt="markdown"))


def test_token_and_binding(repo, tmp_path):
    r = run_cli("serve", "--host", "0.0.0.0", "--port", "0", str(repo), timeout=60)
    assert r.returncode == 2 and "--token" in r.stderr
    s = Served("--token", "s3cret", str(repo))
    try:
        status, _ = s.check(text="Hi there.", language="en-US")
        assert status == 401
        assert s.check(text="Hi there.", language="en-US", apiKey="s3cret")[0] == 200
        for auth, status in (("Bearer s3cret", 200), ("Bearer no", 401)):
            code, _, raw = s.request("POST", "/v2/check", "language=en-US&text=Hi", {**FORM, "Authorization": auth})
            assert code == status
        _one_line_error(code, raw, 401, "access token")
        taken = run_cli("serve", "--port", str(s.port), str(repo), timeout=120)
        assert taken.returncode == 2 and "cannot listen" in taken.stderr
    finally:
        assert s.stop(signal.SIGINT) == 0
    assert s.log[-1] == "newslint serve: stopped"


def test_concurrent_checks_beyond_the_limit_are_503_and_a_slow_check_times_out(repo):
    long = ("The council met on Tuesday and said the plan would go ahead despite the cost. " * 900)
    s = Served("--max-checks", "1", str(repo))
    try:
        results: list[tuple[int, dict, bytes]] = []
        barrier = threading.Barrier(4)

        def one() -> None:
            barrier.wait()
            results.append(s.request("POST", "/v2/check", urlencode({"language": "en-US", "text": long}), FORM))

        threads = [threading.Thread(target=one) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
        codes = sorted(r[0] for r in results)
        assert codes[0] == 200 and codes[-1] == 503, codes
        busy = next(r for r in results if r[0] == 503)
        assert busy[1]["retry-after"] and b"busy" in busy[2]
    finally:
        assert s.stop() == 0
    t = Served("--timeout", "0.05", str(repo))
    try:
        code, _, raw = t.request("POST", "/v2/check", urlencode({"language": "en-US", "text": long}), FORM)
        _one_line_error(code, raw, 503, "took longer than 0.05 s")
        time.sleep(0.5)
    finally:
        assert t.stop() == 0


def test_clean_shutdown(repo):
    s = Served(str(repo))
    assert s.check(text="Hello.", language="en-US")[0] == 200
    assert s.stop(signal.SIGTERM) == 0
    assert s.log[-1] == "newslint serve: stopped"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", s.port), timeout=5).close()


def test_a_bad_configuration_stops_the_server_before_it_listens(tmp_path):
    (tmp_path / "newslint.toml").write_text('select = ["spellin"]\n')
    r = run_cli("serve", "--port", "0", str(tmp_path), timeout=120)
    assert r.returncode == 2 and "spellin" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("serve", "--port", "0", str(tmp_path / "story.md"), timeout=60)
    assert r.returncode == 2 and "not a folder" in r.stderr


def test_a_repository_configuration_may_not_make_the_server_contact_a_url(tmp_path):
    (tmp_path / "newslint.toml").write_text('[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\n'
                                            'url = "http://127.0.0.1:9/v2/"\n', encoding="utf-8")
    s = Served(str(tmp_path), env={"NEWSLINT_TRUST_CONFIG": ""})
    try:
        assert any("url" in line and "ignored" in line for line in s.log)
        assert s.check(text="The the end.", language="en-US")[0] == 200
    finally:
        assert s.stop() == 0


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("chromedriver") is None,
                    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
def test_the_page_in_a_real_browser(server, repo, tmp_path):
    from browser import chromium
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def marks():  # read in one go: the page redraws the story after each check
        return driver.execute_script("return [...document.querySelectorAll('#story mark')].map(m => m.textContent)")

    def mark(text):
        return next(m for m in driver.find_elements(By.CSS_SELECTOR, "#story mark") if m.text == text)

    def click(label):
        next(b for b in driver.find_elements(By.CSS_SELECTOR, "#d-actions button") if label in b.text).click()

    def settled(expected):
        WebDriverWait(driver, 60).until(lambda d: marks() == expected)

    shots = Path(os.environ.get("NEWSLINT_SCREENSHOTS") or tmp_path)
    with chromium(tmp_path) as driver:
        driver.get(server.url + "/")
        assert str(repo / "newsroom.dic") in driver.find_element(By.ID, "where").text
        driver.find_element(By.ID, "source").send_keys(
            "---\ntitle: Council approves the goverment plan\n---\n\nThe council will recieve the the plan "
            "on Tuesday.\n\nThe zorblatt mayor said it was good.\n")
        settled(["goverment", "recieve", "the", "zorblatt"])
        assert driver.find_element(By.CSS_SELECTOR, "#story .headline").text == "Council approves the goverment plan"
        assert "---" not in driver.find_element(By.ID, "story").text
        assert mark("recieve").value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
        driver.save_screenshot(str(shots / "page-marks.png"))
        mark("recieve").click()
        assert "Unknown word 'recieve'" in driver.find_element(By.ID, "d-message").text
        assert "spelling/unknown-word" in driver.find_element(By.ID, "d-explain").get_attribute("textContent")
        driver.save_screenshot(str(shots / "page-finding.png"))
        click("Fix: Replace with")
        settled(["goverment", "the", "zorblatt"])
        assert "will receive the the plan" in driver.find_element(By.ID, "source").get_attribute("value")
        mark("zorblatt").click()
        click("to the dictionary")
        settled(["goverment", "the"])
        assert "zorblatt" in (repo / "newsroom.dic").read_text().split()
        assert str(repo / "newsroom.dic") in driver.find_element(By.ID, "status").text
        mark("the").click()
        click("Ignore here")
        settled(["goverment"])
        assert "<!-- newslint-disable-next-line grammar/repeated-word -->" in \
            driver.find_element(By.ID, "source").get_attribute("value")
        driver.save_screenshot(str(shots / "page-after.png"))
    for name in ("page-marks.png", "page-finding.png", "page-after.png"):
        assert (shots / name).stat().st_size > 20_000
