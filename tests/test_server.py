"""newslint server end to end: a JSON-RPC client in the test speaks LSP framing over the real
server's stdio (the installed `newslint server` command)."""
from __future__ import annotations

import time

import pytest
from lsp_client import Client

pytest.importorskip("pygls")


@pytest.fixture
def client(tmp_path):
    c = Client(tmp_path)
    c.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
    c.notify("initialized", {})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()


TEXT = "\U0001f389 Caf\u00e9 \u6771\u4eac \u2014 the the council will recieve the plan.\n"


def test_diagnostics_at_utf16_positions_code_action_and_update(client, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(TEXT, encoding="utf-8")
    uri = story.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": TEXT}})
    diags = {d["code"]: d for d in client.diagnostics(uri)}
    # the emoji is two UTF-16 units: the second "the" starts at code point 16, unit 17
    assert diags["grammar/repeated-word"]["range"]["start"] == {"line": 0, "character": 17}
    assert diags["spelling/unknown-word"]["range"] == {"start": {"line": 0, "character": 34},
                                                        "end": {"line": 0, "character": 41}}
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": 36}})
    assert "recieve" in hover["result"]["contents"]["value"]
    assert "spelling/unknown-word" in hover["result"]["contents"]["value"]
    rep = diags["grammar/repeated-word"]
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rep["range"],
                                                         "context": {"diagnostics": [rep]}})["result"]
    preferred = next(a for a in actions if a.get("isPreferred"))
    edit = preferred["edit"]["changes"][uri][0]
    # apply the edit the way an editor does (UTF-16 columns on line 0)
    units = TEXT.encode("utf-16-le")
    s, e = edit["range"]["start"]["character"], edit["range"]["end"]["character"]
    fixed = (units[:2 * s] + edit["newText"].encode("utf-16-le") + units[2 * e:]).decode("utf-16-le")
    assert "the the" not in fixed and "the council" in fixed
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": fixed}]})
    codes = [d["code"] for d in client.diagnostics(uri)]
    assert "grammar/repeated-word" not in codes and "spelling/unknown-word" in codes
    assert client.close() == 0


def test_bad_configuration_is_one_diagnostic_then_reloaded(client, tmp_path):
    (tmp_path / "newslint.toml").write_text("select = [\"spellin\"]\n")
    story = tmp_path / "story.md"
    story.write_text("The goverment met.\n")
    uri = story.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": "The goverment met.\n"}})
    diags = client.diagnostics(uri)
    assert len(diags) == 1 and "could not check" in diags[0]["message"] and "spelling" in diags[0]["message"]
    time.sleep(0.05)
    (tmp_path / "newslint.toml").write_text("select = [\"spelling\"]\n")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri)] == ["spelling/unknown-word"]
    assert client.close() == 0


def test_crafted_requests_get_an_answer_and_no_traceback(client, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The the cat.\n")
    uri = story.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": "The the cat.\n"}})
    real = next(d for d in client.diagnostics(uri) if d["code"] == "grammar/repeated-word")
    for position in ({"line": -1, "character": -5}, {"line": 0, "character": -1}, {"line": 2 ** 40, "character": 0}):
        r = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position}, timeout=20)
        assert r["error"]["code"] == -32602 and "traceback" not in str(r)  # invalid params, answered
    rng = real["range"]
    for data in ({"fix": {"edits": "x"}}, {"fix": {"edits": [[1]]}, "suggestions": 5}, {"fix": 1},
                 {"suggestions": [1, None, {"a": 1}]}, {"fix": {"edits": [["a", "b", "c"]]}},
                 {"fix": {"edits": [[-5, -1, "x"]], "description": "d", "safe": True}},
                 {"fix": {"edits": [[0, 10 ** 9, "x"]], "description": "d", "safe": True}}, {"suggestions": "abc"}):
        diag = {**real, "data": data}
        r = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng,
                                                       "context": {"diagnostics": [diag]}}, timeout=20)
        # nothing from the crafted data; "ignore here" comes from the diagnostic's code alone
        assert "error" not in r and [a["title"] for a in r["result"]] == [
            "newslint: ignore grammar/repeated-word here"], (data, r)
    r = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng,
                                                   "context": {"diagnostics": [real]}})
    assert any(a.get("isPreferred") for a in r["result"])  # the real data still gives its fix


def _open(client, path, text, language="markdown"):
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1,
                                                            "text": text}})
    return uri, client.diagnostics(uri)


def _actions(client, uri, diag):
    return client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diag["range"],
                                                      "context": {"diagnostics": [diag]}})["result"]


def test_add_to_dictionary_writes_the_nearest_configurations_dictionary(client, tmp_path):
    (tmp_path / "newslint.toml").write_text('dictionary = ["newsroom.dic"]\n')
    (tmp_path / "newsroom.dic").write_text("# the newsroom's words\n")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "newslint.toml").write_text('dictionary = ["desk.dic"]\n')
    (desk / "desk.dic").write_text("Acmeville")  # no final line break: kept byte for byte
    uri, diags = _open(client, desk / "story.md", "# Vote\n\nThe zorblatt plan passed in Acmeville.\n")
    typo = next(d for d in diags if d["code"] == "spelling/unknown-word")
    add = next(a for a in _actions(client, uri, typo) if "add 'zorblatt'" in a["title"])
    assert add["title"] == "newslint: add 'zorblatt' to desk/desk.dic"
    reply = client.request("workspace/executeCommand", add["command"])
    assert "added 'zorblatt'" in reply["result"]
    assert (desk / "desk.dic").read_text() == "Acmeville\nzorblatt\n"
    assert (tmp_path / "newsroom.dic").read_text() == "# the newsroom's words\n"
    assert [d["code"] for d in client.diagnostics(uri)] == []  # checked again with the new word
    assert client.close() == 0


def test_no_dictionary_action_writes_outside_the_workspace(client, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.dic"
    outside.write_text("")
    (tmp_path / "newslint.toml").write_text(f'dictionary = ["../{outside.name}"]\n')
    uri, diags = _open(client, tmp_path / "story.md", "The zorblatt plan passed.\n")
    typo = next(d for d in diags if d["code"] == "spelling/unknown-word")
    titles = [a["title"] for a in _actions(client, uri, typo)]
    assert not any("add 'zorblatt'" in t for t in titles) and any("ignore" in t for t in titles)
    forged = client.request("workspace/executeCommand", {"command": "newslint.addToDictionary",
                                                         "arguments": [uri, "zorblatt"]})
    assert "no dictionary" in forged["result"] and outside.read_text() == ""
    client.diagnostics(uri)  # the command checks the open documents again: let that finish first
    assert client.close() == 0


@pytest.mark.parametrize("name, language, comment", [
    ("story.md", "markdown", "<!-- newslint-disable-next-line grammar/repeated-word -->"),
    ("story.mdx", "mdx", "{/* newslint-disable-next-line grammar/repeated-word */}"),
    ("story.html", "html", "<!-- newslint-disable-next-line grammar/repeated-word -->"),
    ("story.txt", "plaintext", "newslint-disable-next-line grammar/repeated-word"),
])
def test_ignore_here_inserts_the_suppression_in_the_files_syntax(client, tmp_path, name, language, comment):
    body = "The council met on Tuesday.\nIt said the the plan would pass.\n"
    text = {"story.html": f"<p>{body}</p>\n", "story.mdx": f"import X from './x'\n\n{body}"}.get(name, body)
    uri, diags = _open(client, tmp_path / name, text, language)
    rep = next(d for d in diags if d["code"] == "grammar/repeated-word")
    ignore = next(a for a in _actions(client, uri, rep) if a["title"] == "newslint: ignore grammar/repeated-word here")
    (edit,) = ignore["edit"]["changes"][uri]
    assert edit["range"]["start"] == edit["range"]["end"]
    lines = text.split("\n")
    at = edit["range"]["start"]
    lines[at["line"]] = lines[at["line"]][:at["character"]] + edit["newText"] + lines[at["line"]][at["character"]:]
    fixed = "\n".join(lines)
    assert comment in fixed
    if name != "story.txt":  # the comment ends the line above: the paragraph stays one paragraph
        assert comment + "\nIt said the the plan" in fixed and "Tuesday. " + comment in fixed
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": fixed}]})
    codes = [d["code"] for d in client.diagnostics(uri)]
    assert "grammar/repeated-word" not in codes and "newslint/unused-suppression" not in codes
    assert client.close() == 0
