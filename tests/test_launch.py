"""The command's entry point starts Harper's dictionary before the rest of newslint loads,
for the commands that lint, and for no other."""
from __future__ import annotations

import subprocess
import sys

import pytest

from newslint.rules import launch


@pytest.mark.parametrize("argv, wanted", [
    (["check", "story.md"], True),
    (["check", "--format", "json", "-"], True),
    (["baseline", "."], True),
    (["report", "."], True),
    (["check", "--select", "spelling", "story.md"], False),   # the run named other rules
    (["check", "--select=style,spelling", "story.md"], False),
    (["check", "--select", "spelling,grammar", "story.md"], True),
    (["check", "--select=grammar/harper/AnA", "story.md"], True),
    (["check", "--ignore", "grammar/harper", "story.md"], False),
    (["check", "--ignore=style", "story.md"], True),
    (["check", "--help"], False),
    (["rules"], False),
    (["explain", "grammar/harper"], False),
    (["serve"], False),     # the language server warms its own rules
    ([], False),
])
def test_which_commands_start_the_dictionary(argv, wanted):
    assert launch._wanted(argv) is wanted


def _threads_after(argv: list[str]) -> str:
    code = ("import sys, threading; from newslint import launch; from newslint.rules.launch import start_harper; "
            "start_harper(sys.argv[1:]); print(sorted(t.name for t in threading.enumerate())); launch.wait(); "
            "import harper; harper.Linter(dialect=harper.Dialect.BRITISH)")
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True).stdout


def test_a_linting_command_builds_the_dictionary_in_a_thread_before_the_cli_loads():
    assert "newslint-harper-dictionary" in _threads_after(["check", "story.md"])
    assert "newslint-harper-dictionary" not in _threads_after(["rules"])


def test_nothing_but_the_standard_library_loads_before_the_dictionary_starts():
    code = ("import sys; from newslint.rules import launch; "
            "print(sorted(m for m in sys.modules if m.startswith('newslint')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['newslint', 'newslint.launch', 'newslint.resource', 'newslint.rules', 'newslint.rules.launch']"


def test_the_command_is_the_launcher():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"]["newslint"] == "newslint.rules.launch:main"


def test_the_entry_point_runs_the_command(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("It was the the end of the day.\n")
    r = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json", str(story)],
                       capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    assert '"grammar/repeated-word"' in r.stdout
