"""Configuration that composes: nested files inherit unless root = true, extend names a
parent, exclude applies to named files, .gitignore is respected, and a long-lived process
sees edited dictionaries and deleted configs."""
from __future__ import annotations

import os

import pytest

from newslint import ConfigError, RunContext, lint_paths
from newslint.context import Overrides

TERM = "The team moved the site to cloudgov last year. The plan was praised.\n"


def found(paths, **kw):
    return {(os.path.relpath(d.path, kw.pop("base")) if "base" in kw else d.path, d.rule)
            for d in lint_paths([str(p) for p in paths], **kw).diagnostics}


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'dictionary = ["house.dic"]\n'
        '[severity]\n"style/house-terms" = "error"\n'
        '[rules."style/house-terms".patterns]\n"(?i)\\\\bkiev\\\\b" = "Kyiv"\n')
    (tmp_path / "house.dic").write_text("cloudgov\n")
    (tmp_path / "opinion").mkdir()
    return tmp_path


def test_nested_config_inherits_dictionary_house_terms_and_severity(repo):
    (repo / "opinion" / "newslint.toml").write_text('dialect = "en-GB"\n')
    story = repo / "opinion" / "column.txt"
    story.write_text(TERM + "He flew to Kiev.\n")
    diags = lint_paths([str(story)]).diagnostics
    assert [(d.rule, d.severity.value) for d in diags if d.rule == "style/house-terms"] == [("style/house-terms", "error")]
    assert not any(d.rule == "spelling/unknown-word" for d in diags)  # root dictionary still applies
    ctx = RunContext()
    assert ctx.config_for(str(story)).dialect == "en-GB"


def test_root_true_starts_afresh(repo):
    (repo / "opinion" / "newslint.toml").write_text("root = true\n")
    story = repo / "opinion" / "column.txt"
    story.write_text(TERM + "He flew to Kiev.\n")
    rules = {d.rule for d in lint_paths([str(story)]).diagnostics}
    assert "style/house-terms" not in rules and "spelling/unknown-word" in rules


def test_extend_names_the_parent(tmp_path):
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "shared.toml").write_text('ignore = ["readability"]\ndialect = "en-GB"\n')
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "newslint.toml").write_text('extend = "../base/shared.toml"\n')
    cfg = RunContext().config_for(str(tmp_path / "site" / "s.txt"))
    assert cfg.dialect == "en-GB" and cfg.ignore == ("readability",)
    (tmp_path / "site" / "newslint.toml").write_text('extend = "../base/missing.toml"\n')
    with pytest.raises(ConfigError, match="missing.toml"):
        RunContext().config_for(str(tmp_path / "site" / "s.txt"))


def test_a_nearer_select_starts_the_selection_afresh(tmp_path):
    (tmp_path / "newslint.toml").write_text('ignore = ["spelling"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "newslint.toml").write_text('select = ["spelling"]\n')
    cfg = RunContext().config_for(str(tmp_path / "sub" / "s.txt"))
    assert cfg.select == ("spelling",) and cfg.ignore == ()


def test_exclude_applies_to_named_files_unless_no_force_exclude(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('exclude = ["drafts/**"]\n')
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "d.txt"
    draft.write_text("The govermment said so.\n")
    assert cli("check", str(draft)).returncode == 0  # as pre-commit passes it
    assert cli("check", "--no-force-exclude", str(draft)).returncode == 1
    assert cli("check", str(tmp_path)).returncode == 0


def test_gitignore_is_respected_when_walking(tmp_path):
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.md\n!keep.tmp.md\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out.md").write_text("The govermment said so.\n")
    (tmp_path / "x.tmp.md").write_text("The govermment said so.\n")
    (tmp_path / "keep.tmp.md").write_text("The govermment said so.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("secret.md\n")
    (tmp_path / "sub" / "secret.md").write_text("The govermment said so.\n")
    (tmp_path / "sub" / "story.md").write_text("The govermment said so.\n")
    checked = sorted(os.path.relpath(f.path, tmp_path) for f in lint_paths([str(tmp_path)]).files)
    assert checked == ["keep.tmp.md", "sub/story.md"]


def test_a_long_lived_process_sees_an_edited_dictionary_and_a_deleted_config(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(TERM)
    dic = tmp_path / "house.dic"
    dic.write_text("# nothing yet\n")
    (tmp_path / "newslint.toml").write_text('dictionary = ["house.dic"]\nselect = ["spelling"]\n')
    assert any(d.rule == "spelling/unknown-word" for d in lint_paths([str(story)]).diagnostics)
    dic.write_text("cloudgov\n")
    os.utime(dic, ns=(1, 10**18))  # a new modification time even on a coarse clock
    assert lint_paths([str(story)]).diagnostics == []
    (tmp_path / "newslint.toml").unlink()
    rules = {d.rule for d in lint_paths([str(story)]).diagnostics}
    assert "spelling/unknown-word" in rules


def test_family_sections_are_validated_like_rule_options(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_TRUST_CONFIG", "1")  # url may be set here (newslint.trust)
    (tmp_path / "s.txt").write_text("Fine.\n")
    for toml, words in (('[grammar]\nbackend = "lt"\n', "grammar"), ('[grammar.languagetool]\nurl = 3\n', "url"),
                        ('[grammar]\nspeed = 1\n', "speed"), ('[spelling]\nx = 1\n', "spelling")):
        (tmp_path / "newslint.toml").write_text(toml)
        with pytest.raises(ConfigError, match=words):
            lint_paths([str(tmp_path / "s.txt")])


def test_command_line_config_file_is_used_for_every_path(tmp_path):
    cfg = tmp_path / "ci.toml"
    cfg.write_text('select = ["grammar/repeated-word"]\n')
    (tmp_path / "a.txt").write_text("The govermment said the the plan.\n")
    res = lint_paths([str(tmp_path / "a.txt")], overrides=Overrides(config=cfg))
    assert {d.rule for d in res.diagnostics} == {"grammar/repeated-word"}
