"""The run's own vocabulary (newslint.vocabulary): a word that several stories of the run use
is the publication's name or term; a misspelling's shape stays reported wherever it recurs.
Real CLI processes. Written for this project."""
from __future__ import annotations

import json

from conftest import run_cli


def _unknown(stdout: str) -> list[tuple[str, str]]:
    return sorted((d["path"].rsplit("/", 1)[-1], d["message"].split("'")[1])
                  for d in json.loads(stdout)["diagnostics"] if d["rule"] == "spelling/unknown-word")


def test_a_term_three_stories_use_is_the_publications(tmp_path):
    for n in range(3):
        (tmp_path / f"s{n}.md").write_text(f"Story {n}. The frobnicator team met on Monday. The goverment agreed.\n")
    r = run_cli("check", "--format", "json", "--select", "spelling", "--no-cache", str(tmp_path))
    assert r.returncode in (0, 1), r.stderr
    assert _unknown(r.stdout) == [(f"s{n}.md", "goverment") for n in range(3)]  # the misspelling stays
    assert "used in several other stories" in r.stderr
    # one story alone: the word is reported, as it is when only two stories use it
    r = run_cli("check", "--format", "json", "--select", "spelling", "--no-cache", str(tmp_path / "s0.md"),
                str(tmp_path / "s1.md"))
    assert ("s0.md", "frobnicator") in _unknown(r.stdout) and ("s1.md", "frobnicator") in _unknown(r.stdout)


def test_a_slips_shape_takes_more_stories_than_a_new_word(tmp_path):
    """'recieving' (a common misspelling's shape) in four stories stays reported; a word no
    common word is close to is a term from three."""
    for n in range(4):
        (tmp_path / f"s{n}.md").write_text(f"Story {n}. They are recieving the zorblax plans.\n")
    r = run_cli("check", "--format", "json", "--select", "spelling", "--no-cache", str(tmp_path))
    assert _unknown(r.stdout) == [(f"s{n}.md", "recieving") for n in range(4)]
