"""The real CLI in a subprocess: seeds, examples, formats, exit codes, config errors, fixes."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT


def test_seed_reports_aggravanding(cli):
    r = cli("check", "--format", "json", "seeds/")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    spelling = [d for d in data["diagnostics"] if d["category"] == "spelling"]
    assert len(spelling) == 1
    d = spelling[0]
    assert d["suggestions"][0] == "aggravating"
    line = (ROOT / "seeds" / "000_7467d37895fd2b1a.txt").read_text().split("\n")[d["line"] - 1]
    assert line[d["column"] - 1:d["end_column"] - 1] == "aggravanding"
    assert data["files"][0]["readability"]["sentences"] > 10


def test_seed_word_choice_findings(cli):
    """The seed's odd word and its usage slip, through the real CLI."""
    r = cli("check", "--format", "json", "--select", "word-choice", "seeds/")
    data = json.loads(r.stdout)
    lines = (ROOT / "seeds" / "000_7467d37895fd2b1a.txt").read_text().split("\n")
    found = {(d["rule"], lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1]) for d in data["diagnostics"]}
    assert found == {("word-choice/unusual-word", "child"), ("word-choice/usage", "utilize")}
    assert all(d["category"] == "word-choice" for d in data["diagnostics"])


def test_examples_run(cli):
    r = cli("check", "examples/")
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr


def test_sarif_is_valid_shape(cli):
    r = cli("check", "--format", "sarif", "seeds/")
    doc = json.loads(r.stdout)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    for res in run["results"]:
        assert res["ruleId"] in ids and run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert res["level"] in ("error", "warning", "note")


def test_github_and_junit_and_text(cli):
    r = cli("check", "--format", "github", "seeds/")
    assert any(x.startswith("::notice file=seeds/") and "line=7,col=279" in x for x in r.stdout.splitlines())
    r = cli("check", "--format", "junit", "seeds/")
    assert r.stdout.startswith("<?xml") and "<failure" in r.stdout
    r = cli("check", "seeds/")
    assert "seeds/000_7467d37895fd2b1a.txt:7:279: info spelling/unknown-word" in r.stdout


def test_exit_codes(cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Monday.\n")
    assert cli("check", str(clean)).returncode == 0
    assert cli("check", "--fail-on", "never", "seeds/").returncode == 0
    r = cli("check", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr
    r = cli("check", "--format", "yaml", "seeds/")
    assert r.returncode == 2


def test_config_errors_name_file_and_key(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('dialect = "en-US"\ncolour = 1\n')
    (tmp_path / "s.txt").write_text("Fine.\n")
    r = cli("check", str(tmp_path / "s.txt"))
    assert r.returncode == 2 and "newslint.toml" in r.stderr and "colour" in r.stderr
    (tmp_path / "newslint.toml").write_text('[rules."readability/long-sentence"]\nmax-words = "many"\n')
    r = cli("check", str(tmp_path / "s.txt"))
    assert r.returncode == 2 and "max-words" in r.stderr


def test_config_discovery_per_directory(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('select = ["grammar/repeated-word"]\n')
    sub = tmp_path / "archive"
    sub.mkdir()
    (sub / "newslint.toml").write_text('select = ["spelling"]\n')
    (tmp_path / "a.txt").write_text("The the plan. Teh end.\n")
    (sub / "b.txt").write_text("The the plan. Teh end.\n")
    data = json.loads(cli("check", "--format", "json", str(tmp_path)).stdout)
    rules = {(Path(d["path"]).name, d["rule"]) for d in data["diagnostics"]}
    assert rules == {("a.txt", "grammar/repeated-word"), ("b.txt", "spelling/unknown-word")}


def test_suppressions_and_unused(cli, tmp_path):
    story = tmp_path / "s.md"
    story.write_text("<!-- newslint-disable-next-line grammar/repeated-word -->\nThe the plan.\n\n"
                     "<!-- newslint-disable spelling -->\nTeh end.\n<!-- newslint-enable -->\n\n"
                     "<!-- newslint-disable-next-line readability -->\nFine copy.\n")
    data = json.loads(cli("check", "--format", "json", str(story)).stdout)
    rules = [(d["rule"], d["line"]) for d in data["diagnostics"]]
    assert rules == [("newslint/unused-suppression", 8)]


def test_plain_text_suppression(cli, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("newslint-disable-next-line\nThe the plan.\n")
    assert json.loads(cli("check", "--format", "json", str(story)).stdout)["diagnostics"] == []


def test_fix_keeps_every_other_byte(cli, tmp_path):
    story = tmp_path / "s.txt"
    raw = "\ufeffCaf\u00e9 news:\r\nIt fails the the test.\r\nEnd.\r\n".encode("utf-8")
    story.write_bytes(raw)
    r = cli("check", "--fix", "--select", "grammar/repeated-word", str(story))
    assert r.returncode == 0, r.stdout + r.stderr
    assert story.read_bytes() == raw.replace(b"the the", b"the")
    assert "fixed" in r.stderr


def test_stdin(cli):
    r = cli("check", "--format", "json", "-", input="It fails the the test.\n")
    d = json.loads(r.stdout)["diagnostics"][0]
    assert d["path"] == "-" and d["rule"] == "grammar/repeated-word"
    r = cli("check", "--format", "json", "--stdin-filename", "x.md", "-", input="Use `the the` code.\n")
    assert json.loads(r.stdout)["diagnostics"] == []


def test_rules_and_explain(cli):
    r = cli("rules")
    assert "spelling/unknown-word" in r.stdout and "grammar/harper" in r.stdout
    r = cli("explain", "grammar/repeated-word")
    assert r.returncode == 0 and "What it does" in r.stdout
    assert cli("explain", "nope/rule").returncode == 2


def test_rules_as_a_markdown_table(cli):
    r = cli("rules", "--format", "markdown")
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and lines[:2] == ["| id | category | severity | measured | what it reports |",
                                               "|---|---|---|---|---|"]
    assert "| `grammar/repeated-word` | grammar | error | " in r.stdout
    assert all(line.count("|") == 6 for line in lines)
    assert cli("rules", "--format", "html").returncode == 2


def test_init_writes_valid_config(cli, tmp_path):
    r = cli("init", str(tmp_path / "newslint.toml"))
    assert r.returncode == 0
    (tmp_path / "s.txt").write_text("Fine.\n")
    assert cli("check", str(tmp_path / "s.txt")).returncode == 0


def test_binary_and_cp1252_files(cli, tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "w.txt").write_bytes("The caf\u00e9 opened.\n".encode("cp1252"))
    r = cli("check", str(tmp_path))
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert "skipped" in r.stderr and "Windows-1252" in r.stderr


def test_learn_builds_a_dictionary_the_checker_accepts(cli, tmp_path):
    for i in range(3):
        (tmp_path / f"s{i}.md").write_text(f"Frobnitzia said the Frobnitzia plan works. Story {i}.\n")
    out = tmp_path / "newsroom.dic"
    r = cli("learn", str(tmp_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "Frobnitzia" in out.read_text()


def test_every_command_that_takes_a_dialect_rejects_an_unknown_one(cli, tmp_path):
    for command in (["check"], ["baseline", "-o", str(tmp_path / "b.json")], ["report", "-o", str(tmp_path / "r.html")]):
        r = cli(*command, "--dialect", "en-XX", "seeds")
        assert r.returncode == 2 and "unknown dialect 'en-XX'" in r.stderr, command
    assert not (tmp_path / "b.json").exists() and not (tmp_path / "r.html").exists()
