"""The content-repo workflow: several outputs in one run, --exit-zero, baselines, real git
(--changed-since, renames, untracked files, shallow clones), the result cache, and fixes that
never damage a file."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

SEL = ["--select", "spelling/unknown-word,grammar/repeated-word"]


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


# --- outputs --------------------------------------------------------------------------------------

def test_several_outputs_in_one_run(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The govermment met.\n")
    r = cli("check", str(story), *SEL, "--format", "concise", "--format", f"json:{tmp_path / 'out.json'}",
            "--format", f"sarif:{tmp_path / 'out.sarif'}", "--format", f"gitlab:{tmp_path / 'gl.json'}")
    assert r.returncode == 1 and "govermment" in r.stdout
    assert json.loads((tmp_path / "out.json").read_text())["diagnostics"][0]["rule"] == "spelling/unknown-word"
    assert json.loads((tmp_path / "out.sarif").read_text())["version"] == "2.1.0"
    gl = json.loads((tmp_path / "gl.json").read_text())
    assert gl[0]["check_name"] == "spelling/unknown-word" and gl[0]["location"]["positions"]["begin"]["line"] == 1
    assert gl[0]["severity"] == "minor" and len(gl[0]["fingerprint"]) == 20  # a warning


def test_two_outputs_on_stdout_and_unknown_format_are_usage_errors(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("Fine.\n")
    r = cli("check", str(story), "--format", "json", "--format", "sarif")
    assert r.returncode == 2 and "at most one --format" in r.stderr
    assert cli("check", str(story), "--format", "xml").returncode == 2


def test_exit_zero(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The govermment met.\n")
    assert cli("check", str(story), *SEL, "--exit-zero").returncode == 0
    assert cli("check", str(tmp_path / "missing.md"), "--exit-zero").returncode == 2


# --- baseline --------------------------------------------------------------------------------------

def test_baseline_survives_edits_elsewhere_and_reports_only_new_findings(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The govermment met on Monday.\n\nIt was the the end.\n")
    base = tmp_path / ".newslint-baseline.json"
    r = cli("baseline", str(story), *SEL, "-o", str(base))
    assert r.returncode == 0, r.stderr
    data = json.loads(base.read_text())
    assert [e["rule"] for e in data["findings"]] == ["grammar/repeated-word", "spelling/unknown-word"]
    assert '"line' not in json.dumps(data)
    # new paragraphs above move every line; a new slip is the only finding
    story.write_text("A new first paragraph.\n\nAnother one with a receve slip.\n\n"
                     "The govermment met on Monday.\n\nIt was the the end.\n")
    r = cli("check", str(story), *SEL, "--baseline", str(base), "--format", "concise")
    assert r.returncode == 1
    assert [ln for ln in r.stdout.splitlines() if "story.md:" in ln][0].count("receve") == 1
    assert "govermment" not in r.stdout and "2 finding(s) matched, 1 new, 0 baseline entries gone" in r.stderr
    # fixing an old slip makes its entry gone
    story.write_text("The government met on Monday.\n\nIt was the the end.\n")
    r = cli("check", str(story), *SEL, "--baseline", str(base))
    assert r.returncode == 0 and "1 finding(s) matched, 0 new, 1 baseline entry gone" in r.stderr


def test_bad_baseline_file_is_one_clear_message(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("Fine.\n")
    (tmp_path / "b.json").write_text("{not json")
    r = cli("check", str(story), "--baseline", str(tmp_path / "b.json"))
    assert r.returncode == 2 and "not a valid baseline file" in r.stderr


# --- git ----------------------------------------------------------------------------------------------

@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / "posts").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "posts" / "a.md").write_text("First story is fine.\n\nSecond paragraph with a govermment slip.\n")
    (root / "posts" / "b.md").write_text("Another story with a recieve slip.\n")
    (root / "posts" / "old name.md").write_text("A story to be renamed, with teh slip.\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    git(root, "checkout", "-q", "-b", "feature")
    return root


def test_changed_since_checks_modified_and_renamed_stories_only(cli, repo):
    (repo / "posts" / "a.md").write_text("First story is fine, now with a wrld slip.\n\n"
                                         "Second paragraph with a govermment slip.\n")
    git(repo, "mv", "posts/old name.md", "posts/new name.md")
    git(repo, "commit", "-q", "-am", "edit")
    (repo / "posts" / "untracked.md").write_text("Untracked with a speling slip.\n")
    r = cli("check", "posts", *SEL, "--changed-since", "main", "--format", "concise", cwd=repo)
    files = {ln.split(":")[0] for ln in r.stdout.splitlines() if ".md:" in ln}
    assert files == {"posts/a.md", "posts/new name.md"}
    r = cli("check", "posts", *SEL, "--changed-since", "main", "--untracked", "--format", "concise", cwd=repo)
    assert "speling" in r.stdout
    # only the changed line of a.md; the renamed file is unchanged text, so nothing of it
    r = cli("check", "posts", *SEL, "--changed-since", "main", "--only-changed-lines", "--format", "concise", cwd=repo)
    assert "wrld" in r.stdout and "govermment" not in r.stdout and "teh" not in r.stdout


def test_changed_since_with_nothing_changed_and_unknown_ref(cli, repo):
    r = cli("check", "posts", "--changed-since", "main", cwd=repo)
    assert r.returncode == 0 and "no story changed since main" in r.stderr
    r = cli("check", "posts", "--changed-since", "nosuchbranch", cwd=repo)
    assert r.returncode == 2 and "git knows no commit 'nosuchbranch'" in r.stderr


def test_changed_since_in_a_shallow_clone_says_what_is_missing(cli, repo, tmp_path):
    (repo / "posts" / "b.md").write_text("Changed on the branch.\n")
    git(repo, "commit", "-q", "-am", "branch")
    git(repo, "checkout", "-q", "main")
    (repo / "posts" / "a.md").write_text("Changed on main.\n")
    git(repo, "commit", "-q", "-am", "main moves on")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}", str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:main")
    r = cli("check", "posts", "--changed-since", "main", cwd=clone)
    assert r.returncode == 2 and "shallow clone" in r.stderr and "fetch-depth: 0" in r.stderr


# --- cache -------------------------------------------------------------------------------------------

def test_cache_reuses_results_and_survives_corrupt_entries(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The govermment met.\n")
    cache = tmp_path / "cache"
    first = cli("check", str(story), *SEL, "--cache", "--cache-dir", str(cache), "--format", "json")
    entries = [p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert len(entries) == 1 and (cache / ".gitignore").read_text().strip().endswith("*")
    again = cli("check", str(story), *SEL, "--cache", "--cache-dir", str(cache), "--format", "json")
    assert again.stdout == first.stdout
    entries[0].write_bytes(b"\x80corrupt")
    third = cli("check", str(story), *SEL, "--cache", "--cache-dir", str(cache), "--format", "json")
    assert third.stdout == first.stdout
    story.write_text("The government met with teh board.\n")
    fourth = cli("check", str(story), *SEL, "--cache", "--cache-dir", str(cache), "--format", "json")
    assert "teh" in fourth.stdout and "govermment" not in fourth.stdout
    # another selection is another key
    fifth = cli("check", str(story), "--select", "grammar/repeated-word", "--cache", "--cache-dir", str(cache))
    assert fifth.returncode == 0


def test_two_concurrent_runs_share_one_cache(real_cli, tmp_path):
    for i in range(12):
        (tmp_path / f"s{i}.md").write_text(f"Story {i} has a govermment slip and the the end.\n")
    cache = tmp_path / "cache"
    import sys

    exe = Path(sys.executable).parent / "newslint"
    cmd = [str(exe), "check", str(tmp_path), *SEL, "--cache", "--cache-dir", str(cache), "--format", "json",
           "--jobs", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate()[0] for p in procs]
    assert outs[0] == outs[1] and len(json.loads(outs[0])["diagnostics"]) == 24
    assert not [p for p in cache.rglob(".tmp-*")]
    warm = real_cli("check", str(tmp_path), *SEL, "--cache", "--cache-dir", str(cache), "--format", "json")
    assert warm.stdout == outs[0]


# --- fixes ------------------------------------------------------------------------------------------

def test_fix_across_a_crlf_break_keeps_line_endings(cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"It was the\r\nthe end of it.\r\nNext line.\r\n")
    cli("check", str(story), "--select", "grammar/repeated-word", "--fix")
    data = story.read_bytes()
    assert b"\r" not in data.replace(b"\r\n", b"") and data.count(b"\r\n") >= 2
    assert data.replace(b"\r\n", b" ").split().count(b"the") == 1


def test_fix_on_a_symlink_fixes_the_target_and_keeps_the_link(cli, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("It was the the end.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    cli("check", str(link), "--select", "grammar/repeated-word", "--fix")
    assert link.is_symlink() and target.read_text() == "It was the end.\n"


def test_fix_on_stdin_prints_the_fixed_text_byte_for_byte():
    import sys

    exe = Path(sys.executable).parent / "newslint"
    r = subprocess.run([str(exe), "check", "-", "--select", "grammar/repeated-word", "--fix"],
                       input="It was the the end.\r\nNext.\r\n".encode(), capture_output=True)
    assert r.returncode == 0 and r.stdout == b"It was the end.\r\nNext.\r\n"


def test_diff_shows_fixes_without_writing(cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("It was the the end.\n")
    r = cli("check", str(story), "--select", "grammar/repeated-word", "--diff")
    assert r.returncode == 1 and "-It was the the end." in r.stdout and "+It was the end." in r.stdout
    assert story.read_text() == "It was the the end.\n"


# --- CI definitions ---------------------------------------------------------------------------------

def test_action_is_composite_with_inputs_only_through_env_and_one_check_run():
    import re

    import yaml

    root = Path(__file__).resolve().parent.parent
    action = yaml.safe_load((root / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = [s["run"] for s in action["runs"]["steps"] if "run" in s]
    assert scripts and not any("${{" in s for s in scripts)
    assert sum(len(re.findall(r"\bnewslint check\b", s)) for s in scripts) == 1
    used = {m for s in action["runs"]["steps"] for v in (s.get("env") or {}).values()
            for m in re.findall(r"inputs\.([\w-]+)", str(v))}
    assert set(action["inputs"]) - {"python-version"} <= used
    workflow = yaml.safe_load((root / "examples/.github/workflows/newslint.yml").read_text())
    assert any("newslint@" in str(s.get("uses", "")) for s in workflow["jobs"]["lint"]["steps"])


def test_pre_commit_hooks_and_example():
    import yaml

    root = Path(__file__).resolve().parent.parent
    hooks = {h["id"]: h for h in yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["newslint-fix"]["entry"] == "newslint check --fix"
    example = yaml.safe_load((root / "examples/.pre-commit-config.yaml").read_text())
    from newslint import __version__

    assert example["repos"][0]["rev"] == f"v{__version__}"  # the release tag of this version
    assert {h["id"] for h in example["repos"][0]["hooks"]} == {"newslint", "newslint-fix"}


# --- output details CI tools rely on ----------------------------------------------------------------

def test_sarif_uris_fixes_and_help(cli, tmp_path):
    folder = tmp_path / "my stories"
    folder.mkdir()
    (folder / "café 1.md").write_text("It was the the end.\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_text("It was the the end.\n")
    r = cli("check", "my stories", str(outside), "--select", "grammar/repeated-word", "--format", "sarif", cwd=tmp_path)
    run = json.loads(r.stdout)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    locs = [res["locations"][0]["physicalLocation"]["artifactLocation"] for res in run["results"]]
    assert {"uri": "my%20stories/caf%C3%A9%201.md", "uriBaseId": "%SRCROOT%"} in locs
    assert {"uri": outside.as_uri()} in locs
    fix = run["results"][0]["fixes"][0]
    change = fix["artifactChanges"][0]["replacements"][0]
    assert change["deletedRegion"]["startLine"] == 1 and change["insertedContent"]["text"] == ""
    rule = next(x for x in run["tool"]["driver"]["rules"] if x["id"] == "grammar/repeated-word")
    assert rule["help"]["text"] and "newslint explain grammar/repeated-word" in rule["help"]["markdown"]
    outside.unlink()


def test_junit_case_per_file_and_rule_info_is_not_a_failure(cli, tmp_path):
    from xml.etree import ElementTree as ET

    (tmp_path / "bad.md").write_text("The govermment met. It was the the end.\n")
    (tmp_path / "info.md").write_text("The colour was fine.\n")
    (tmp_path / "clean.md").write_text("The council met.\n")
    r = cli("check", str(tmp_path), "--select", "spelling,grammar/repeated-word", "--format", "junit")
    suite = ET.fromstring(r.stdout).find("testsuite")
    cases = {(c.get("classname").rsplit("/", 1)[-1], c.get("name")): c for c in suite.iter("testcase")}
    assert set(cases) == {("bad.md", "grammar/repeated-word"), ("bad.md", "spelling/unknown-word"),
                          ("info.md", "spelling/dialect"), ("clean.md", "newslint")}
    assert cases[("info.md", "spelling/dialect")].find("failure") is None
    assert "colour" in cases[("info.md", "spelling/dialect")].find("system-out").text
    assert suite.get("tests") == "4" and suite.get("failures") == "2"


def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty
    import sys

    for i in range(25):
        (tmp_path / f"s{i}.md").write_text("The council met.\n")
    exe = Path(sys.executable).parent / "newslint"
    cmd = [str(exe), "check", str(tmp_path), "--select", "grammar/repeated-word", "--jobs", "1"]
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    out = proc.communicate()[0]
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert b"25/25 stories" in b"".join(chunks) and b"stories]" not in out
    piped = subprocess.run(cmd, capture_output=True, text=True)
    assert "25/25" not in piped.stderr


def test_pre_commit_try_repo_runs_both_hooks_and_honours_exclude(tmp_path):
    """Real pre-commit: the hooks install this checkout into their own environment."""
    import shutil

    exe = shutil.which("pre-commit") or str(Path(__import__("sys").executable).parent / "pre-commit")
    if not Path(exe).exists():
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    root = Path(__file__).resolve().parent.parent
    repo = tmp_path / "content"
    (repo / "drafts").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "newslint.toml").write_text('exclude = ["drafts/**"]\n')
    (repo / "story.md").write_text("It was the the end of a govermment plan.\n")
    (repo / "drafts" / "draft.md").write_text("A teh draft with the the slip.\n")
    git(repo, "add", ".")
    r = subprocess.run([exe, "try-repo", str(root), "--files", "story.md", "drafts/draft.md"],
                       cwd=repo, capture_output=True, text=True, env={**os.environ, "NEWSLINT_CACHE": "0"})
    assert r.returncode == 1, r.stdout + r.stderr
    assert (repo / "story.md").read_text() == "It was the end of a govermment plan.\n"   # newslint-fix
    assert "govermment" in r.stdout                                                  # newslint reports
    assert (repo / "drafts" / "draft.md").read_text() == "A teh draft with the the slip.\n"
    assert "teh" not in r.stdout
