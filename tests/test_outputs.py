"""Outputs a CI job and an editor can trust, each through the real `newslint` command in a
subprocess (a temporary git repository where it matters): baselines that match what they
recorded, patches git applies, fixes that finish and never lose an edit, deletions said as
deletions, output files that never follow a link, names and stories that cannot drive a
terminal or break a machine format, and no traceback on output."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
EXE = str(Path(sys.executable).parent / "newslint")


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def newslint(*args, cwd: Path, input: bytes | None = None, merged: bool = False) -> subprocess.CompletedProcess:
    """The installed command, bytes in and out (file names may not be UTF-8)."""
    return subprocess.run([EXE, *map(os.fsencode, args)], cwd=cwd, input=input, capture_output=not merged,
                          stdout=subprocess.PIPE if merged else None, stderr=subprocess.STDOUT if merged else None,
                          env={**os.environ, "NO_COLOR": "1", "NEWSLINT_CACHE": "0"})


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root


def commit(root: Path) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "stories")


# --- issue 22 item 4: baselines match what they recorded; changed lines only ---------------------------

SUPPRESSED = ("<!-- newslint-disable-next-line spelling -->\nThe council met on Monday.\n\n"
              "It was the the end of a goverment plan.\n")


def test_check_right_after_baseline_reports_nothing_new_engine_findings_included(repo):
    (repo / "story.md").write_text(SUPPRESSED)
    commit(repo)
    r = newslint("baseline", ".", cwd=repo)
    assert r.returncode == 0, r.stderr
    recorded = json.loads((repo / ".newslint-baseline.json").read_text())["findings"]
    assert "newslint/unused-suppression" in {e["rule"] for e in recorded}
    r = newslint("check", "--baseline", ".newslint-baseline.json", "--format", "json", ".", cwd=repo)
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["diagnostics"] == [], out["diagnostics"]
    assert f"{len(recorded)} finding(s) matched, 0 new" in r.stderr.decode()


def test_only_changed_lines_drops_engine_findings_on_unchanged_lines(repo):
    (repo / "story.md").write_text(SUPPRESSED)
    commit(repo)
    (repo / "story.md").write_text(SUPPRESSED + "\nA new line with a recieve slip.\n")
    r = newslint("check", "--changed-since", "HEAD", "--only-changed-lines", "--format", "json", ".", cwd=repo)
    rules = [(d["rule"], d["line"]) for d in json.loads(r.stdout)["diagnostics"]]
    assert ("spelling/unknown-word", 6) in rules
    assert not [x for x in rules if x[0].startswith("newslint/")], rules


# --- issue 22 item 6: --diff is a patch git applies ----------------------------------------------------

def test_diff_applies_with_git_for_no_final_newline_bom_and_crlf(repo):
    (repo / "nonl.txt").write_bytes(b"It was the the end.")
    (repo / "bom.txt").write_bytes(b"\xef\xbb\xbfIt was the the end.\r\nNext line.\r\n")
    (repo / "latin1.txt").write_bytes("Caf\xe9 news: it was the the end.\n".encode("cp1252"))
    commit(repo)
    r = newslint("check", "--diff", "--select", "grammar/repeated-word", ".", cwd=repo)
    assert r.returncode == 1
    (repo / "fix.patch").write_bytes(r.stdout)
    assert b"\\ No newline at end of file" in r.stdout
    check = subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=repo, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    git(repo, "apply", "fix.patch")
    assert (repo / "nonl.txt").read_bytes() == b"It was the end."
    assert (repo / "bom.txt").read_bytes() == b"\xef\xbb\xbfIt was the end.\r\nNext line.\r\n"
    assert (repo / "latin1.txt").read_bytes() == "Caf\xe9 news: it was the end.\n".encode("cp1252")


# --- issue 22 item 7: --fix finishes, and says what it fixed before the summary ---------------------------

def test_fix_reaches_a_fixed_point_and_lists_fixes_before_the_summary(repo):
    story = repo / "story.txt"
    story.write_text("It was done ,, and the the plan was ready.\n")
    r = newslint("check", "--fix", "--select", "punctuation,grammar/repeated-word", "story.txt",
                 cwd=repo, merged=True)
    out = r.stdout.decode()
    assert story.read_text() == "It was done, and the plan was ready.\n", out
    assert r.returncode == 0
    assert out.index("fixed story.txt") < out.index("All clear") and "(3 fixed)" in out
    again = newslint("check", "--fix", "--select", "punctuation,grammar/repeated-word", "story.txt", cwd=repo)
    assert story.read_text() == "It was done, and the plan was ready.\n"
    assert b"fixed" not in again.stderr and again.stdout.decode().startswith("All clear")


# --- issue 22 item 10: deletions are deletions everywhere ----------------------------------------------

def test_a_deletion_is_said_as_a_deletion_in_every_format(repo):
    (repo / "story.md").write_text("The mayor said the the plan was ready.\n")
    sel = ("--select", "grammar/repeated-word")
    outs = {}
    for fmt in ("text", "concise", "json", "github", "sarif", "junit", "gitlab"):
        outs[fmt] = newslint("check", "--format", fmt, *sel, "story.md", cwd=repo).stdout.decode()
        said = outs[fmt]
        if fmt == "sarif":  # its rule table documents every rule, examples of replacements included
            said = json.dumps(json.loads(said)["runs"][0]["results"])
        assert "delete 'the'" in said, (fmt, said)
        assert "replace with" not in said and "-> the" not in said and "suggestion: the" not in said
    (d,) = json.loads(outs["json"])["diagnostics"]
    assert d["action"] == "delete 'the'" and d["suggestions"] == [""]
    assert d["fix"]["edits"][0]["text"] == ""
    newslint("report", *sel, "story.md", "-o", "report.html", cwd=repo)
    page = html.unescape((repo / "report.html").read_text())
    assert "delete 'the'" in page and "replace with" not in page


def test_the_language_server_titles_a_deletion_as_a_deletion(tmp_path):
    from lsp_client import Client

    text = "The mayor said the the plan was ready and the storys were done.\n"
    story = tmp_path / "story.md"
    story.write_text(text)
    client = Client(tmp_path)
    try:
        client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        uri = story.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                                "version": 1, "text": text}})
        diags = {d["code"]: d for d in client.diagnostics(uri)}
        rep = diags["grammar/repeated-word"]
        actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rep["range"],
                                                             "context": {"diagnostics": [rep]}})["result"]
        assert [a["title"] for a in actions] == ["newslint: delete 'the'", "newslint: ignore grammar/repeated-word here"]
        spelling = diags["spelling/unknown-word"]
        actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                             "range": spelling["range"],
                                                             "context": {"diagnostics": [spelling]}})["result"]
        assert "newslint: replace with 'stories'" in [a["title"] for a in actions]
        assert client.close() == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()


# --- issue 22 item 12: a long span keeps the window; one finding per fault -------------------------------

def test_a_long_sentence_is_marked_within_the_window(repo):
    sentence = ("The council, which met on Monday in the old hall by the river after a long delay, said that "
                "the plan, which had been drafted over many months by officials from several departments, "
                "would go ahead despite objections from residents who had asked for more time to study it "
                "and for a second public meeting to be held before the final vote.")
    assert len(sentence) > 330
    (repo / "story.txt").write_text(sentence + "\n")
    r = newslint("check", "--select", "readability/long-sentence", "--color", "never", "story.txt", cwd=repo)
    out = r.stdout.decode()
    assert "readability/long-sentence" in out
    for line in out.splitlines():
        assert line.count("^") <= 100 and len(line) <= 110, line


def test_two_findings_on_one_span_merge(repo):
    (repo / "story.txt").write_text("The storys were filed on Monday.\n")
    r = newslint("check", "--format", "json", "story.txt", cwd=repo)
    on_span = [d for d in json.loads(r.stdout)["diagnostics"] if d["column"] == 5]
    assert len(on_span) == 1, on_span
    (d,) = on_span
    assert d["rule"] == "spelling/unknown-word" and "stories" in d["suggestions"][:3]


# --- issue 28 item 2: writes never follow a link the repository commits -----------------------------------

def test_output_files_never_follow_a_committed_symlink(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    victims = {name: outside / f"victim-{i}" for i, name in enumerate(
        [".newslint-baseline.json", ".newslint-baseline.json.tmp", "out.json", "newslint-report.html",
         "newslint-findings.txt", "newsroom.dic", "newslint.toml", "custom-baseline.json"])}
    for name, victim in victims.items():
        if name != "newslint.toml":  # a dangling link: init must not create its target
            victim.write_text("precious\n")
            (repo / name).symlink_to(victim)
    (repo / "story.md").write_text("It was the the end of a goverment plan.\n")
    commit(repo)
    steps = [("baseline", "."), ("baseline", ".", "-o", "custom-baseline.json"),
             ("check", "--format", "json:out.json", "--format", "concise:newslint-findings.txt", "."),
             ("report", "."), ("learn", ".", "--min-count", "1", "--min-files", "1")]
    for args in steps:
        newslint(*args, cwd=repo)
    # a configuration that is a link to nothing is a clear error for a check (tests/test_trust.py);
    # init must not create the link's target
    (repo / "newslint.toml").symlink_to(victims["newslint.toml"])
    newslint("init", cwd=repo)
    for name, victim in victims.items():
        if name == "newslint.toml":
            assert not victim.exists()
        else:
            assert victim.read_text() == "precious\n", name
    for name in [".newslint-baseline.json", "custom-baseline.json", "out.json", "newslint-report.html",
                 "newslint-findings.txt", "newsroom.dic"]:
        assert not (repo / name).is_symlink() and (repo / name).stat().st_size > 0, name
    assert json.loads((repo / "out.json").read_text())["diagnostics"]
    assert not [p for p in repo.iterdir() if "newslint-tmp" in p.name]
    r = newslint("init", "--force", cwd=repo)
    assert r.returncode == 0 and not (repo / "newslint.toml").is_symlink() and not victims["newslint.toml"].exists()


# --- issue 28 item 4: nothing from a story or a file name drives a terminal or breaks a format ------------

ODD_NAMES = [b"esc\x1b[2Jname.md", b"new\nline.md", b"bad\xffbyte.md", b"```fence.md"]


def test_terminal_escapes_in_a_story_never_reach_the_terminal(repo):
    (repo / "story.md").write_text("The \x1b[2J\x1b]0;pwned\x07 council met with the the mayor, "
                                   "the \x1b[31mgoverment\x1b[0m said.\n")
    for fmt in ("text", "concise"):
        r = newslint("check", "--format", fmt, "story.md", cwd=repo, merged=True)
        assert b"goverment" in r.stdout and b"\x1b" not in r.stdout and b"\x07" not in r.stdout, r.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="file names with any bytes")
def test_odd_file_names_are_escaped_in_every_format(repo):
    for name in ODD_NAMES:
        (repo / os.fsdecode(name)).write_text("It was the the end of a goverment plan.\n")
    commit(repo)
    sel = ("--select", "spelling/unknown-word,grammar/repeated-word")
    n = 2 * len(ODD_NAMES)
    text = newslint("check", *sel, "--color", "never", ".", cwd=repo, merged=True).stdout
    concise = newslint("check", *sel, "--format", "concise", ".", cwd=repo).stdout
    for out in (text, concise):
        assert b"\x1b" not in out and b"\xff" not in out
        out.decode("utf-8")
    assert len(concise.splitlines()) == n and all(re.match(rb"^\S.*:\d+:\d+: ", x) for x in concise.splitlines())
    assert b"esc\\x1b[2Jname.md" in concise and b"new\\nline.md" in concise and b"bad\\xffbyte.md" in concise
    doc = json.loads(newslint("check", *sel, "--format", "json", ".", cwd=repo).stdout.decode("utf-8"))
    paths = {d["path"].removeprefix("./") for d in doc["diagnostics"]}
    assert paths == {"esc\x1b[2Jname.md", "new\nline.md", "bad\\xffbyte.md", "```fence.md"}
    sarif = json.loads(newslint("check", *sel, "--format", "sarif", ".", cwd=repo).stdout.decode("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"esc%1B%5B2Jname.md", "new%0Aline.md", "bad%FFbyte.md", "%60%60%60fence.md"}
    junit = newslint("check", *sel, "--format", "junit", ".", cwd=repo).stdout
    names = {c.get("file").removeprefix("./") for c in ET.fromstring(junit).iter("testcase")}
    assert names == {"esc\\x1b[2Jname.md", "new\\nline.md", "bad\\xffbyte.md", "```fence.md"}
    gitlab = json.loads(newslint("check", *sel, "--format", "gitlab", ".", cwd=repo).stdout.decode("utf-8"))
    assert len(gitlab) == n and "bad\\xffbyte.md" in {i["location"]["path"] for i in gitlab}
    github = newslint("check", *sel, "--format", "github", ".", cwd=repo).stdout
    assert len(github.splitlines()) == n and all(x.startswith(b"::") for x in github.splitlines())
    assert b"\x1b" not in github
    for args in (("report", "-o", "r.html"), ("baseline", "-o", "b.json"),
                 ("check", "--format", "sarif:s.sarif", "--format", "gitlab:g.json")):
        r = newslint(*args, *sel, ".", cwd=repo)
        assert r.returncode in (0, 1) and b"Traceback" not in r.stderr, r.stderr
    assert "bad\\xffbyte.md" in {e["path"] for e in json.loads((repo / "b.json").read_text())["findings"]}


@pytest.mark.skipif(sys.platform != "linux", reason="file names with any bytes")
def test_the_action_job_summary_keeps_every_finding_inside_its_code_block(repo, tmp_path):
    import yaml
    from markdown_it import MarkdownIt

    root = Path(__file__).resolve().parent.parent
    step = next(s for s in yaml.safe_load((root / "action.yml").read_text())["runs"]["steps"]
                if s.get("id") == "check")
    for name in ODD_NAMES:
        (repo / os.fsdecode(name)).write_text("It was the the end of a goverment plan.\n")
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
    env = {**os.environ, "PATH": f"{Path(EXE).parent}{os.pathsep}{os.environ['PATH']}", "INPUT_PATHS": ".",
           "INPUT_CHANGED_ONLY": "false", "INPUT_ONLY_CHANGED_LINES": "false", "INPUT_BASELINE": "",
           "INPUT_FAIL_ON": "warning", "INPUT_CONFIG": "", "BASE_REF": "", "NEWSLINT_CACHE": "0",
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs)}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True)
    text = summary.read_text(encoding="utf-8")
    assert "\x1b" not in text
    tokens = [t.type for t in MarkdownIt("commonmark").parse(text) if t.level == 0]
    assert tokens.count("code_block") == 1 and set(tokens) <= {"heading_open", "inline", "heading_close",
                                                               "code_block"}, tokens


# --- issue 28 items 5-7: --fix never loses an edit or a byte ------------------------------------------------

def test_fix_never_overwrites_an_edit_made_while_it_runs(repo):
    story = repo / "story.txt"
    story.write_text("It was the the end of a long day.\n" * 10000)
    read_at = story.stat().st_atime_ns
    proc = subprocess.Popen([EXE, "check", "--fix", "--select", "grammar/repeated-word", "story.txt"], cwd=repo,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NEWSLINT_CACHE": "0"})
    while story.stat().st_atime_ns == read_at:  # the file system notes when newslint has read it
        if proc.poll() is not None:
            pytest.skip("this file system does not record reads (noatime)")
        time.sleep(0.005)
    story.write_text("An editor's new text.\n")  # while the 10,000 findings are being checked
    out, err = proc.communicate(timeout=300)
    assert story.read_text() == "An editor's new text.\n"
    assert b"story.txt: fixes not applied, it changed while newslint was checking it" in err


@contextmanager
def unwritable_folder(folder: Path):
    """A folder no new file can be made in, even by root (immutable where chattr works)."""
    immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0 \
        if shutil.which("chattr") else False
    if not immutable:
        folder.chmod(0o555)
    try:
        try:
            (folder / "probe").write_text("")
        except OSError:
            yield
            return
        (folder / "probe").unlink()
        pytest.skip("cannot make a folder unwritable here")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_fix_keeps_a_file_its_identity_and_leaves_a_read_only_one_alone(repo, tmp_path):
    story = repo / "story.txt"
    story.write_text("It was the the end.\n")
    twin = tmp_path / "twin.txt"
    os.link(story, twin)
    mode = stat.S_IMODE(story.stat().st_mode)
    locked = repo / "locked.txt"
    locked.write_text("It was the the end.\n")
    locked.chmod(0o444)
    (repo / "sub").mkdir()
    inside = repo / "sub" / "story.txt"
    inside.write_text("It was the the end.\n")
    with unwritable_folder(repo / "sub"):  # the file in it is writable
        r = newslint("check", "--fix", "--select", "grammar/repeated-word", "sub/story.txt", "story.txt",
                     "locked.txt", cwd=repo)
    assert story.read_text() == twin.read_text() == "It was the end.\n"
    assert os.path.samefile(story, twin) and stat.S_IMODE(story.stat().st_mode) == mode
    assert locked.read_text() == "It was the the end.\n" and stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert b"locked.txt: fixes not applied, read-only" in r.stderr
    assert inside.read_text() == "It was the end.\n" and b"Traceback" not in r.stderr, r.stderr


@pytest.mark.parametrize("encoding,bom", [("cp1252", b""), ("utf-16-le", b"\xff\xfe"), ("utf-8", b"\xef\xbb\xbf")])
def test_fix_on_stdin_changes_no_byte_outside_the_fixes(repo, encoding, bom):
    data = bom + "Caf\xe9 \u2014 it was the the end.\r\nNext line.\r\n".encode(encoding)
    r = newslint("check", "-", "--select", "grammar/repeated-word", "--fix", cwd=repo, input=data)
    assert r.returncode == 0, r.stderr
    assert r.stdout == bom + "Caf\xe9 \u2014 it was the end.\r\nNext line.\r\n".encode(encoding)


def test_fix_on_stdin_refuses_undecodable_bytes(repo):
    data = b"It was the the end \x81\x8d\xfe of it.\n"
    r = newslint("check", "-", "--select", "grammar/repeated-word", "--fix", cwd=repo, input=data)
    assert r.returncode == 2 and b"fixes not applied" in r.stderr and b"UTF-8" in r.stderr
    assert r.stdout == data  # a filter gives the text back unchanged


# --- issue 28 item 9: no traceback on output ---------------------------------------------------------------

def test_missing_or_folder_output_paths_are_one_message_and_leave_no_file(repo):
    (repo / "story.md").write_text("It was the the end.\n")
    (repo / "adir").mkdir()
    for args in (("report", ".", "-o", "missing/r.html"), ("report", ".", "-o", "adir"),
                 ("baseline", ".", "-o", "missing/b.json"), ("baseline", ".", "-o", "adir"),
                 ("init", "missing/newslint.toml"), ("init", "adir", "--force"),
                 ("learn", ".", "-o", "missing/words.dic"), ("learn", ".", "-o", "adir"),
                 ("check", "--format", "json:missing/out.json", "--format", "sarif:adir", ".")):
        r = newslint(*args, cwd=repo)
        assert r.returncode == 2 and b"Traceback" not in r.stderr, (args, r.stderr)
        assert r.stderr.startswith(b"newslint: ") and (b"cannot write" in r.stderr), (args, r.stderr)
    assert not (repo / "missing").exists() and list((repo / "adir").iterdir()) == []


def test_baseline_that_is_deep_infinite_or_a_fifo_is_one_message(repo):
    (repo / "story.md").write_text("It was the the end.\n")
    (repo / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    os.mkfifo(repo / "fifo.json")
    for path in ("deep.json", "/dev/zero", "fifo.json"):
        r = subprocess.run([EXE, "check", "--baseline", path, "story.md"], cwd=repo, capture_output=True,
                           timeout=120, env={**os.environ, "NEWSLINT_CACHE": "0"})
        assert r.returncode == 2 and b"Traceback" not in r.stderr, r.stderr
        assert b"baseline" in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr


# --- issue 28 item 12: text output is linear on a long line with many findings ------------------------------

def test_text_output_on_a_long_line_with_many_findings_takes_no_longer_than_json(repo):
    (repo / "long.txt").write_text("It was the the end and " * 4000 + "\n")

    def timed(fmt: str) -> float:
        start = time.perf_counter()
        r = newslint("check", "--select", "grammar/repeated-word", "--format", fmt, "long.txt", cwd=repo)
        assert r.returncode == 1
        return time.perf_counter() - start

    json_time = min(timed("json") for _ in range(2))
    text_time = min(timed("text") for _ in range(2))
    assert text_time < 1.5 * json_time, (text_time, json_time)


# --- #28 item 13 and #23 item 5: the result model and the format interface ------------------------------------

def test_results_keep_only_the_lines_outputs_show(tmp_path):
    from newslint import lint_paths

    filler = "".join(f"Paragraph {i} of the story is fine and needs no change at all.\n\n" for i in range(2000))
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(filler + "It was the the end.\n")
    result = lint_paths([str(tmp_path)], select=["grammar/repeated-word"], jobs=1)
    assert len(result.files) == 3 and len(result.diagnostics) == 3
    for f in result.files:
        assert f.source is None and list(f.lines) == [4001]
        assert f.line(4001) == "It was the the end." and f.line(1) is None
    assert result.file(str(tmp_path / "s1.txt")) is result.files[1]


def test_formats_declare_statistics_and_colour(repo):
    from newslint.formatters import FORMATTERS

    assert {n for n, f in FORMATTERS.items() if f.statistics} == {"text", "json"}
    assert {n for n, f in FORMATTERS.items() if f.color} == {"text", "concise"}
    (repo / "story.md").write_text("It was the the end.\n")
    r = newslint("check", "--format", "sarif", "--statistics", "--color", "always", "story.md", cwd=repo)
    assert b"\x1b[" not in r.stdout and b"--statistics is shown with --format text or json" in r.stderr
    r = newslint("check", "--format", "concise", "--color", "always", "story.md", cwd=repo)
    assert b"\x1b[" in r.stdout
