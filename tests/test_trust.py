"""What a CI job relies on, tested with the real `newslint` command in a temporary git
repository: a clean stdout whatever a native library prints, no program started and no URL
contacted on a repository's say-so, exit codes that never pass a run that checked nothing,
caches that cannot be planted or go stale, and clear usage errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

# Harper's LookingForwardTo rule prints a debug line on file descriptor 1 for this sentence
HARPER_PRINTS = "We are looking forward to Christmas with the family.\n"


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    """A content repository with one commit on main."""
    root = tmp_path / "content"
    (root / "posts").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "posts" / "a.md").write_text("The council met on Monday.\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    return root


def newslint(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd, **kw)


# --- issue 22 item 1: only newslint's output on stdout ---------------------------------------------------

def test_native_prints_never_reach_stdout_in_json_sarif_and_workers(repo):
    for i in range(2):
        (repo / "posts" / f"x{i}.md").write_text(HARPER_PRINTS)
    r = newslint("check", "posts/x0.md", "--select", "grammar/harper", "--format", "sarif", cwd=repo)
    assert "gerund_form" in r.stderr  # Harper did print: the story triggers it
    assert [x["ruleId"] for x in json.loads(r.stdout)["runs"][0]["results"]] == ["grammar/harper/LookingForwardTo"]
    r = newslint("check", "posts/x0.md", "posts/x1.md", "--select", "grammar/harper", "--format", "json",
                 "--jobs", "2", cwd=repo)
    assert len(json.loads(r.stdout)["diagnostics"]) == 2 and "gerund_form" in r.stderr


def test_native_prints_never_reach_stdout_from_dask_workers(repo):
    pytest.importorskip("distributed")
    for i in range(2):
        (repo / "posts" / f"x{i}.md").write_text(HARPER_PRINTS if i else HARPER_PRINTS.replace("the", "our"))
    r = newslint("check", "posts", "--select", "grammar/harper", "--dask", "local", "--format", "json", cwd=repo)
    assert len(json.loads(r.stdout)["diagnostics"]) == 2, r.stderr


def test_language_server_stream_stays_json_rpc(repo):
    from lsp_client import Client

    story = repo / "posts" / "x.md"
    story.write_text(HARPER_PRINTS)
    c = Client(repo)
    try:
        c.request("initialize", {"processId": None, "rootUri": repo.as_uri(), "capabilities": {}})
        c.notify("initialized", {})
        c.notify("textDocument/didOpen", {"textDocument": {"uri": story.as_uri(), "languageId": "markdown",
                                                           "version": 1, "text": HARPER_PRINTS}})
        codes = [d["code"] for d in c.diagnostics(story.as_uri())]
        assert "grammar/harper/LookingForwardTo" in codes
        assert c.close() == 0
        assert c.stray == []
    finally:
        if c.proc.poll() is None:
            c.proc.kill()


# --- issue 22 item 11: usage errors --------------------------------------------------------------------

def test_usage_errors_are_clear_and_exit_2(repo):
    for args, says in ((["--jobs", "0"], "--jobs"), (["--jobs", "-3"], "--jobs"),
                       (["--untracked"], "--untracked needs --changed-since"),
                       (["--dask", "bogus"], "--dask takes 'local' or a scheduler address"),
                       (["--config", "posts"], "posts: is a directory")):
        r = newslint("check", "posts", *args, cwd=repo)
        assert r.returncode == 2 and says in r.stderr and "internal error" not in r.stderr, (args, r.stderr)
    r = newslint("explain", "spelling", cwd=repo)
    assert r.returncode == 0 and "spelling/unknown-word" in r.stdout and "spelling/dialect" in r.stdout


def test_extend_select_on_the_command_line_adds_to_the_selection(repo):
    (repo / "posts" / "a.md").write_text("It was the the end of the govermment plan.\n")
    r = newslint("check", "posts", "--select", "grammar/repeated-word", "--extend-select", "spelling/unknown-word",
                 "--format", "json", cwd=repo)
    assert sorted(d["rule"] for d in json.loads(r.stdout)["diagnostics"]) == ["grammar/repeated-word",
                                                                           "spelling/unknown-word"]


def test_check_help_fits_80_columns_and_shows_no_type_after_flags(repo):
    r = newslint("check", "--help", cwd=repo, env_extra={"COLUMNS": "80"})
    assert r.returncode == 0 and "--only-changed-lines" in r.stdout and "--extend-select RULES" in r.stdout
    assert all(len(line) <= 80 for line in r.stdout.splitlines())
    assert "<bool>" not in r.stdout and "\u2502" not in r.stdout  # no rich box


# --- issue 22 items 5 and 12: paths, git -----------------------------------------------------------------

def test_a_missing_path_is_an_error_with_or_without_changed_since(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    for args in (["missing.md"], ["posts", "missing-dir/", "--changed-since", "main"],
                 ["missing-dir/", "--changed-since", "main"]):
        r = newslint("check", *args, cwd=repo)
        assert r.returncode == 2 and "no such file or directory" in r.stderr, (args, r.stderr)
        assert "not installed" not in r.stderr
    (repo / "posts" / "empty").mkdir()
    r = newslint("check", "posts/empty", cwd=repo)
    assert "no stories to check in this folder" in r.stderr and "All clear" not in r.stdout


def test_changed_since_keeps_paths_as_given_in_every_format(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "posts" / "a.md").write_text("The council met on Monday with the govermment.\n")
    outs = {"concise": "c.txt", "github": "g.txt", "sarif": "s.sarif", "text": "t.txt", "junit": "j.xml"}
    r = newslint("check", "posts", "--select", "spelling/unknown-word", "--changed-since", "main", "--format", "json",
                 *[x for name, out in outs.items() for x in ("--format", f"{name}:{out}")], cwd=repo)
    assert json.loads(r.stdout)["diagnostics"][0]["path"] == "posts/a.md"
    for out in outs.values():
        text = (repo / out).read_text()
        assert "posts/a.md" in text and str(repo) + "/posts" not in text, out


def test_only_changed_lines_keeps_findings_in_files_git_quotes(repo):
    names = ['tab\tname.md', 'quote"name.md', 'back\\slash.md']
    for n in names:
        (repo / "posts" / n).write_text("The council met.\n\nIt was fine.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd names")
    git(repo, "checkout", "-q", "-b", "feature")
    for n in names:
        (repo / "posts" / n).write_text("The council met.\n\nIt was the the end.\n")
    r = newslint("check", "posts", "--select", "grammar/repeated-word", "--changed-since", "main",
                 "--only-changed-lines", "--format", "json", cwd=repo)
    found = sorted(d["path"] for d in json.loads(r.stdout)["diagnostics"])
    assert found == sorted(f"posts/{n}" for n in names), r.stderr


def test_the_fetch_hints_are_commands_that_work(repo, tmp_path):
    import shlex

    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "posts" / "a.md").write_text("The council met with the govermment.\n")
    git(repo, "commit", "-q", "-am", "feature")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--single-branch", "--branch", "feature", f"file://{repo}", str(clone))
    r = newslint("check", "posts", "--changed-since", "origin/main", cwd=clone)
    assert r.returncode == 2 and "git knows no commit 'origin/main'" in r.stderr
    command = r.stderr.split("fetch it first: ", 1)[1].split(")")[0]
    git(clone, *shlex.split(command)[1:])
    r = newslint("check", "posts", "--changed-since", "origin/main", cwd=clone)
    assert r.returncode == 2 and "shallow clone" in r.stderr and "git fetch --unshallow" in r.stderr
    git(clone, "fetch", "-q", "--unshallow")
    r = newslint("check", "posts", "--select", "spelling", "--changed-since", "origin/main", cwd=clone)
    assert r.returncode == 1 and "govermment" in r.stdout


# --- issue 23 item 5: fail-on per file ------------------------------------------------------------------

def test_fail_on_is_each_files_own_never_the_first_paths(repo):
    (repo / "archive").mkdir()
    (repo / "archive" / "newslint.toml").write_text('fail-on = "never"\n')
    (repo / "archive" / "old.md").write_text("An old story with a govermment slip.\n")
    (repo / "posts" / "a.md").write_text("A new story with a govermment slip.\n")
    sel = ["--select", "spelling/unknown-word"]
    assert newslint("check", "archive", "posts", *sel, cwd=repo).returncode == 1
    assert newslint("check", "archive", *sel, cwd=repo).returncode == 0
    assert newslint("check", "archive", "posts", *sel, "--fail-on", "never", cwd=repo).returncode == 0


# --- issue 28 items 13 and 14: configuration files that are hostile or broken ----------------------------

@pytest.mark.parametrize("content, says", [
    (b'dialect = "en-US"\n# caf\xe9\n', "not UTF-8 text"),
    (b"a = " + b"[" * 50_000, "nested too deeply"),
], ids=["not-utf8", "deep"])
def test_an_undecodable_or_deeply_nested_config_is_a_config_error(repo, content, says):
    (repo / "newslint.toml").write_bytes(content)
    r = newslint("check", "posts", cwd=repo)
    assert r.returncode == 2 and "newslint.toml" in r.stderr and says in r.stderr
    assert "internal error" not in r.stderr


def test_a_broken_pyproject_is_reported(repo):
    (repo / "pyproject.toml").write_text('[tool.newslint]\nfail-on = "never"\n[broken\n')
    r = newslint("check", "posts", cwd=repo)
    assert r.returncode == 2 and "pyproject.toml: invalid TOML" in r.stderr


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_dictionary_that_is_a_fifo_or_a_device_neither_hangs_nor_eats_memory(repo, kind):
    target = "/dev/zero"
    if kind == "fifo":
        os.mkfifo(repo / "words.fifo")
        target = "words.fifo"
    (repo / "newslint.toml").write_text(f'dictionary = ["{target}"]\n')
    r = newslint("check", "posts", cwd=repo, timeout=60)
    assert r.returncode == 2 and "not a regular file" in r.stderr


# --- issue 22 item 2: a repository's configuration starts no program and contacts no URL -----------------

@pytest.fixture
def fake_java(tmp_path):
    """A `java` first on PATH that leaves a mark when it runs, and a LanguageTool install."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    mark = tmp_path / "java-ran"
    (bin_dir / "java").write_text(f"#!/bin/sh\ntouch '{mark}'\nexit 3\n")
    (bin_dir / "java").chmod(0o755)
    return mark, {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


class Listener:
    """A TCP port that records whether anything connected to it."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections = 0
        self.done = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.done:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()


def test_a_repository_config_cannot_start_a_program(repo, fake_java):
    mark, env = fake_java
    (repo / "x").mkdir()
    (repo / "x" / "languagetool-server.jar").write_bytes(b"PK")
    (repo / "newslint.toml").write_text('[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\npath = "./x"\n')
    git(repo, "add", ".")  # as a pull request would bring it
    r = newslint("check", "posts", cwd=repo, env_extra=env)
    assert not mark.exists() and r.returncode == 0
    assert "[grammar.languagetool] path (starts a program) ignored" in r.stderr and "--trust-config" in r.stderr
    # the language server reads the same configuration the same way
    from lsp_client import Client

    c = Client(repo, env={**os.environ, **env})
    try:
        c.request("initialize", {"processId": None, "rootUri": repo.as_uri(), "capabilities": {}})
        c.notify("initialized", {})
        story = repo / "posts" / "a.md"
        c.notify("textDocument/didOpen", {"textDocument": {"uri": story.as_uri(), "languageId": "markdown",
                                                           "version": 1, "text": story.read_text()}})
        c.diagnostics(story.as_uri())
        assert c.close() == 0
    finally:
        if c.proc.poll() is None:
            c.proc.kill()
    assert not mark.exists()
    # the user may trust the repository's configuration
    newslint("check", "posts", "--trust-config", cwd=repo, env_extra=env)
    assert mark.exists()


def test_a_repository_config_cannot_send_copy_to_a_url_but_the_users_config_can(repo, tmp_path):
    server = Listener()
    try:
        (repo / "newslint.toml").write_text(f'[grammar]\nbackend = "languagetool"\n'
                                            f'[grammar.languagetool]\nurl = "{server.url}"\nallow-remote = true\n')
        r = newslint("check", "posts", cwd=repo)
        assert server.connections == 0 and r.returncode == 0
        assert "[grammar.languagetool] url" in r.stderr and "[grammar.languagetool] allow-remote" in r.stderr
        user = tmp_path / "user.toml"
        user.write_text(f'[grammar.languagetool]\nurl = "{server.url}"\n')
        r = newslint("check", "posts", cwd=repo, env_extra={"NEWSLINT_USER_CONFIG": str(user)})
        assert server.connections >= 1 and "using Harper" in r.stderr
    finally:
        server.done = True


def test_a_repository_config_cannot_load_a_model(repo):
    (repo / "model").mkdir()
    (repo / "newslint.toml").write_text('[rules."word-choice/unusual-word"]\nmasked-model = "./model"\n')
    r = newslint("check", "posts", "--select", "word-choice/unusual-word", cwd=repo)
    assert '[rules."word-choice/unusual-word"] masked-model (loads model weights' in r.stderr
    assert "masked-model not used" not in r.stderr  # never tried


@pytest.mark.parametrize("url", ["not a url", "ftp://127.0.0.1/", "http://"])
def test_a_bad_languagetool_url_is_a_config_error(repo, tmp_path, url):
    user = tmp_path / "user.toml"
    user.write_text(f'[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\nurl = "{url}"\n')
    r = newslint("check", "posts", cwd=repo, env_extra={"NEWSLINT_USER_CONFIG": str(user)})
    assert r.returncode == 2 and "user.toml" in r.stderr and "url must be an http" in r.stderr


# --- issue 28 items 1 and 14: the result cache -----------------------------------------------------------

def cache_key(repo: Path, story: str, cache: Path, select: list[str], monkeypatch) -> str:
    """The key a run of `newslint check STORY --select ...` in `repo` uses for the story."""
    from newslint.context import Overrides, RunContext

    monkeypatch.chdir(repo)
    ctx = RunContext(Overrides(select=select, cache_dir=cache))
    return ctx.cache.key(story, (repo / story).read_bytes(), ctx.engine_key(ctx.engine(story)))


def entries(cache: Path) -> list[Path]:
    return [p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"]


def test_result_cache_is_data_kept_outside_the_tree(repo, tmp_path, monkeypatch):
    (repo / "posts" / "a.md").write_text("The govermment met.\n")
    xdg = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    sel = ["--select", "spelling/unknown-word", "--format", "json"]
    first = newslint("check", "posts", *sel, "--cache", cwd=repo, env_extra=xdg)
    assert not [p for p in repo.rglob("*") if "cache" in p.name]
    [entry] = entries(tmp_path / "xdg" / "newslint" / "results")
    assert json.loads(entry.read_bytes())["path"] == "posts/a.md"
    assert newslint("check", "posts", *sel, "--cache", cwd=repo, env_extra=xdg).stdout == first.stdout
    # an entry planted where the key points is never run, only read as data
    import pickle

    mark = tmp_path / "pickle-ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch '{mark}'",))

    cache = tmp_path / "own-cache"
    key = cache_key(repo, "posts/a.md", cache, ["spelling/unknown-word"], monkeypatch)
    (cache / key[:2]).mkdir(parents=True)
    (cache / key[:2] / key).write_bytes(pickle.dumps(Payload()))
    r = newslint("check", "posts", *sel, "--cache", "--cache-dir", str(cache), cwd=repo)
    assert not mark.exists() and r.stdout == first.stdout


def test_a_cache_dir_git_tracks_or_that_is_a_link_is_refused(repo, tmp_path):
    (repo / "posts" / "a.md").write_text("The govermment met.\n")
    planted = repo / ".newslint_cache"
    (planted / "ab").mkdir(parents=True)
    (planted / "ab" / "entry").write_text("{}")
    git(repo, "add", ".")
    sel = ["posts", "--select", "spelling/unknown-word", "--cache"]
    r = newslint("check", *sel, "--cache-dir", ".newslint_cache", cwd=repo)
    assert r.returncode == 1 and "holds files git tracks; results are not cached" in r.stderr
    assert len(entries(planted)) == 1
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "linked").symlink_to(outside)
    r = newslint("check", *sel, "--cache-dir", "linked", cwd=repo)
    assert r.returncode == 1 and "is a symbolic link" in r.stderr and not list(outside.iterdir())


def test_cache_writes_never_follow_links_inside_the_cache_dir(repo, tmp_path):
    (repo / "posts" / "a.md").write_text("The govermment met.\n")
    cache, outside = tmp_path / "cache", tmp_path / "outside"
    cache.mkdir()
    outside.mkdir()
    (cache / ".gitignore").symlink_to(outside / "gitignore")
    for i in range(256):
        (cache / f"{i:02x}").symlink_to(outside)
    r = newslint("check", "posts", "--select", "spelling/unknown-word", "--cache", "--cache-dir", str(cache), cwd=repo)
    assert r.returncode == 1 and list(outside.iterdir()) == []


def test_an_unreadable_cache_never_blocks_a_check(repo, tmp_path, monkeypatch):
    (repo / "posts" / "a.md").write_text("The govermment met.\n")
    sel = ["--select", "spelling/unknown-word"]
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    for extra in (["--cache", "--cache-dir", str(not_a_dir)], ["--no-cache", "--cache-dir", str(not_a_dir)]):
        r = newslint("check", "posts", *sel, *extra, cwd=repo, timeout=120)
        assert r.returncode == 1 and "govermment" in r.stdout
    cache = tmp_path / "cache"
    key = cache_key(repo, "posts/a.md", cache, ["spelling/unknown-word"], monkeypatch)
    (cache / key[:2]).mkdir(parents=True)
    os.mkfifo(cache / key[:2] / key)  # an entry that would block a reader
    r = newslint("check", "posts", *sel, "--cache", "--cache-dir", str(cache), cwd=repo, timeout=120)
    assert r.returncode == 1 and "govermment" in r.stdout


def test_cache_is_keyed_by_package_versions_and_skips_degraded_runs(repo, tmp_path):
    (repo / "posts" / "a.md").write_text("This is an test of the govermment.\n")
    cache = tmp_path / "cache"
    run = ["check", "posts", "--select", "spelling/unknown-word,grammar", "--ignore", "grammar/article", "--cache",
           "--cache-dir", str(cache)]
    newslint(*run, cwd=repo)
    assert len(entries(cache)) == 1
    # a newer word list: another key (a package's metadata found first on the path)
    fake = tmp_path / "site" / "wordfreq-99.0.dist-info"
    fake.mkdir(parents=True)
    (fake / "METADATA").write_text("Metadata-Version: 2.1\nName: wordfreq\nVersion: 99.0\n")
    newslint(*run, cwd=repo, env_extra={"PYTHONPATH": str(tmp_path / "site")})
    assert len(entries(cache)) == 2
    # LanguageTool configured but down: Harper stands in, and the result is not kept
    user = tmp_path / "user.toml"
    user.write_text('[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\nurl = "http://127.0.0.1:9"\n')
    r = newslint(*run, cwd=repo, env_extra={"NEWSLINT_USER_CONFIG": str(user)})
    assert "using Harper" in r.stderr and "grammar/harper/AnA" in r.stdout
    assert len(entries(cache)) == 2


# --- issue 22 item 9: the data cache shared by several installs -------------------------------------------

def test_data_cache_keeps_other_installs_entries_and_prunes_by_age(repo, tmp_path):
    import time

    data = tmp_path / "data-cache"
    data.mkdir()
    live = [data / "lexicon-0123456789abcdef0123.trie", data / "lexicon-0123456789abcdef0123.u16"]
    stale = data / "names-fedcba9876543210fedc.trie"
    for p in (*live, stale):
        p.write_bytes(b"another install's entry")
    old = time.time() - 60 * 86400
    os.utime(stale, (old, old))
    (repo / "posts" / "a.md").write_text("The govermment met.\n")
    r = newslint("check", "posts", "--select", "spelling/unknown-word", cwd=repo,
                 env_extra={"NEWSLINT_DATA_CACHE": str(data)})
    assert r.returncode == 1 and "govermment" in r.stdout
    built = [p for p in data.glob("lexicon-*.trie") if p not in live]
    assert built and all(p.exists() for p in live) and not stale.exists()


# --- issue 28 items 3 and 14: what is read -------------------------------------------------------------

def test_story_links_out_of_the_tree_are_not_read(repo, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("The private govermment memo.\n")
    (repo / "posts" / "leak.md").symlink_to(secret)
    (repo / "posts" / "inside.md").symlink_to(repo / "posts" / "a.md")
    (repo / "linked-dir").symlink_to(tmp_path)
    (tmp_path / ".git").mkdir()  # a link to another work tree leads out of this one all the same
    git(repo, "add", ".")
    sel = ["--select", "spelling/unknown-word", "--format", "json"]
    for args in (["posts"], ["posts/leak.md", "posts/inside.md"], ["linked-dir"]):
        r = newslint("check", *args, *sel, cwd=repo)
        assert "govermment" not in r.stdout and "outside the checked tree" in r.stderr, args
    r = newslint("check", "posts", *sel, cwd=repo)
    assert {d["path"] for d in json.loads(r.stdout)["files"]} == {"posts/a.md", "posts/inside.md"}
    r = newslint("check", "posts", *sel, "--follow-links", cwd=repo)
    assert "govermment" in r.stdout


def test_unreadable_or_binary_files_named_on_the_command_line_fail_the_run(repo):
    (repo / "posts" / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    os.mkfifo(repo / "posts" / "pipe.md")
    for name in ("binary.md", "pipe.md"):
        r = newslint("check", f"posts/{name}", "posts/a.md", cwd=repo, timeout=120)
        assert r.returncode == 2 and f"posts/{name}: skipped" in r.stderr and "All clear" not in r.stdout, name


# --- issue 22 item 8 and issue 28 item 14: suppression comments ------------------------------------------

def test_mdx_suppression_comments_work(repo):
    (repo / "posts" / "a.mdx").write_text(
        "import Aside from './Aside'\n\n"
        "{/* newslint-disable-next-line spelling/unknown-word */}\n"
        "The govermment met.\n\n"
        "{/* newslint-disable grammar/repeated-word */}\n"
        "It was the the end.\n\n"
        "{/* newslint-enable grammar/repeated-word */}\n"
        "A recieve slip and the the end.\n")
    r = newslint("check", "posts/a.mdx", "--select", "spelling/unknown-word,grammar/repeated-word",
                 "--format", "json", cwd=repo)
    found = sorted((d["line"], d["rule"]) for d in json.loads(r.stdout)["diagnostics"])
    assert found == [(10, "grammar/repeated-word"), (10, "spelling/unknown-word")], r.stdout


def test_a_suppression_naming_no_rule_is_reported(repo):
    (repo / "posts" / "a.md").write_text("<!-- newslint-disable-next-line speling -->\nThe govermment met.\n")
    r = newslint("check", "posts/a.md", "--select", "spelling/unknown-word", "--format", "json", cwd=repo)
    found = {d["rule"]: d["message"] for d in json.loads(r.stdout)["diagnostics"]}
    assert "spelling/unknown-word" in found
    assert "'speling' names no rule" in found["newslint/unused-suppression"]
    assert "did you mean 'spelling'" in found["newslint/unused-suppression"]


# --- issue 22 item 3: learn never learns a misspelling ------------------------------------------------------

def test_learn_lists_misspellings_apart_and_never_learns_them(repo):
    for i in range(4):
        (repo / "posts" / f"s{i}.md").write_text(
            f"Frobnitzia said the govermment had recieved the Frobnitzia plan. The govermment agreed. Story {i}.\n")
    r = newslint("learn", "posts", "-o", "newsroom.dic", cwd=repo)
    assert r.returncode == 0 and "govermment (government?)" in r.stderr
    text = (repo / "newsroom.dic").read_text()
    learned = {line.split("#", 1)[0].strip() for line in text.splitlines()} - {""}
    assert learned == {"Frobnitzia"}
    assert "# govermment" in text and "'government'" in text and "# recieved" in text
    (repo / "newslint.toml").write_text('dictionary = ["newsroom.dic"]\n')
    r = newslint("check", "posts/s0.md", "--select", "spelling/unknown-word", "--format", "json", cwd=repo)
    flagged = {d["message"].split("'")[1] for d in json.loads(r.stdout)["diagnostics"]}
    assert flagged == {"govermment", "recieved"}


# --- issue 22 item 12: the GitHub Action -------------------------------------------------------------------

def action() -> dict:
    import yaml

    return yaml.safe_load((Path(__file__).resolve().parent.parent / "action.yml").read_text())


def run_check_step(repo: Path, tmp_path: Path) -> tuple[int, str]:
    """The Action's check step, as GitHub runs it (bash -e -o pipefail), with the real newslint."""
    step = next(s for s in action()["runs"]["steps"] if s.get("id") == "check")
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    summary.write_text("")
    env = {**os.environ, "INPUT_PATHS": "posts", "INPUT_CHANGED_ONLY": "true", "INPUT_ONLY_CHANGED_LINES": "false",
           "INPUT_BASELINE": "", "INPUT_FAIL_ON": "warning", "INPUT_CONFIG": "", "BASE_REF": "",
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo, env=env,
                       capture_output=True, text=True)
    assert f"exit-code={r.returncode}" in output.read_text()
    return r.returncode, summary.read_text()


def test_action_summary_never_says_no_findings_when_the_run_failed(repo, tmp_path):
    code, summary = run_check_step(repo, tmp_path)
    assert code == 0 and "No findings." in summary
    (repo / "newslint.toml").write_text('select = ["no-such-rule"]\n')
    code, summary = run_check_step(repo, tmp_path)
    assert code == 2 and "No findings" not in summary and "could not complete the check" in summary


def test_action_sarif_upload_failure_is_a_notice_and_pip_is_cached():
    steps = action()["runs"]["steps"]
    upload = next(s for s in steps if "upload-sarif" in str(s.get("uses")))
    assert upload["continue-on-error"] is True
    notice = next(s for s in steps if f"steps.{upload['id']}.outcome == 'failure'" in str(s.get("if")))
    assert "::notice" in notice["run"]
    install = next(i for i, s in enumerate(steps) if s.get("name") == "Install newslint")
    assert any("actions/cache" in str(s.get("uses")) and "pip" in s["with"]["path"] for s in steps[:install])


# --- issue 23 item 5: the configuration described once ----------------------------------------------------

def test_docs_configuration_table_is_the_generated_one(repo):
    r = newslint("config", "--format", "markdown", cwd=repo)
    doc = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text()
    section = doc.split("<!-- generated by: newslint config --format markdown -->\n", 1)[1]
    assert r.returncode == 0 and section.split("<!-- end of generated table -->", 1)[0] == r.stdout
    assert "`[grammar.languagetool] path`" in r.stdout and "**User only**" in r.stdout


def test_init_writes_the_schema_and_the_file_works(repo):
    from newslint.config import SCHEMA

    r = newslint("init", cwd=repo)
    text = (repo / "newslint.toml").read_text()
    assert r.returncode == 0 and all(f"{k.name} =" in text or f"[{k.name}" in text for k in SCHEMA)
    assert text == newslint("config", cwd=repo).stdout
    (repo / "posts" / "a.md").write_text("The govermment met.\n")
    r = newslint("check", "posts", "--select", "spelling/unknown-word", cwd=repo)
    assert r.returncode == 1 and "govermment" in r.stdout and r.stderr == ""
