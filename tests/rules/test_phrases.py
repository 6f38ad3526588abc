"""word-choice/usage, readability/complex-word and style/house-terms (data-driven rules)."""
from __future__ import annotations

import sys

import pytest
from conftest import at, lint

from newslint.phrase_rule import load_pack

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_usage_flags_misuse_redundancy_and_cliche():
    text = ("The agency will utilize new tools. The team is comprised of five. Irregardless, the "
            "past history shows it. In the wake of the vote, critics slammed the plan.\n")
    found = {at(text, d).lower(): d for d in lint(text, select=["word-choice/usage"])}
    assert set(found) == {"utilize", "is comprised of", "irregardless", "past history", "in the wake of", "slammed"}
    assert found["utilize"].suggestions == ("use",) and found["utilize"].severity.value == "warning"
    assert found["past history"].severity.value == "info"
    assert found["in the wake of"].suggestions[0] == "After"  # case follows the text


def test_usage_leaves_quotes_and_right_uses_alone():
    text = ("\u201cWe will utilize every tool,\u201d she said. The team comprises five. "
            "The door slammed? No: the wake of the ship. History shows it.\n")
    assert [at(text, d) for d in lint(text, select=["word-choice/usage"])] == ["slammed"]


def test_complex_word():
    text = "In order to help, prior to the vote the council will commence work.\n"
    diags = lint(text, select=["readability/complex-word"])
    assert [(at(text, d), d.suggestions[0]) for d in diags] == [("In order to", "To"), ("prior to", "before"),
                                                                ("commence", "begin")]
    assert lint("To help, before the vote the council will begin work.\n", select=["readability/complex-word"]) == []


@pytest.mark.parametrize("name", ["data/usage.toml", "data/complex_words.toml"])
def test_every_pack_entry_has_a_source(name):
    from importlib import resources

    raw = tomllib.loads(resources.files("newslint.rules").joinpath(name).read_text(encoding="utf-8"))
    assert raw["entry"] and all(e.get("source") for e in raw["entry"])
    assert load_pack("newslint.rules", name).entries


def test_house_terms_from_config(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'select = ["style/house-terms"]\n[rules."style/house-terms".patterns]\n"(?i)\\\\bkiev\\\\b" = "Kyiv"\n')
    story = tmp_path / "s.txt"
    story.write_text("Troops left Kiev. \u201cKiev is home,\u201d he said. Kyiv is calm.\n")
    from newslint import lint_paths

    diags = lint_paths([str(story)]).diagnostics
    assert [(d.column, d.suggestions) for d in diags] == [(13, ("Kyiv",))]


def test_house_terms_bad_or_dangerous_patterns_are_config_errors(tmp_path, cli):
    story = tmp_path / "s.txt"
    story.write_text("Fine.\n")
    for pattern, words in (("(\\\\w+", "invalid regular expression"), ("(?<=x)y", "lookaround"),
                           ("(a)\\\\1", "backreference")):
        (tmp_path / "newslint.toml").write_text(f'[rules."style/house-terms".patterns]\n"{pattern}" = "x"\n')
        r = cli("check", str(story))
        assert r.returncode == 2 and "newslint.toml" in r.stderr and words in r.stderr, r.stderr


def test_house_terms_run_in_linear_time(tmp_path):
    """A pattern that backtracks catastrophically in Python's re finishes at once under RE2."""
    (tmp_path / "newslint.toml").write_text('select = ["style/house-terms"]\n'
                                            '[rules."style/house-terms".patterns]\n"(a+)+$" = "a"\n')
    story = tmp_path / "s.txt"
    story.write_text("a" * 5000 + "b\n")
    from newslint import lint_paths

    assert lint_paths([str(story)]).diagnostics == []
