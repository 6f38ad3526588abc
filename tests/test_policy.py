"""One decision engine: selection, severity, per-file ignores and suppressions, with the
most specific pattern winning; ids that name no rule are errors."""
from __future__ import annotations

import json

import pytest
from conftest import lint

from newslint import ConfigError
from newslint.config import Config
from newslint.registry import default_registry

TYPO = "The govermment said its plan was ready.\n"
BOTH = "The govermment said the the plan was ready.\n"


def rules_of(diags):
    return sorted({d.rule for d in diags})


def policy(**kw):
    return Config(**kw).policy(default_registry())


def test_more_specific_select_beats_family_ignore():
    assert rules_of(lint(TYPO, select=["spelling/unknown-word"], ignore=["spelling"])) == ["spelling/unknown-word"]


def test_more_specific_ignore_beats_family_select():
    p = policy(select=("spelling",), ignore=("spelling/dialect",))
    assert p.decide("spelling/unknown-word") and not p.decide("spelling/dialect")


def test_equal_specificity_ignore_wins():
    assert lint(TYPO, select=["spelling"], ignore=["spelling"]) == []


def test_extend_select_turns_on_an_off_by_default_rule_and_default_rules_stay():
    p = policy(extend_select=("readability/passive-voice",))
    assert p.decide("readability/passive-voice") and p.decide("spelling/unknown-word")
    assert not policy().decide("readability/passive-voice")


def test_sub_rule_selection_runs_the_parent_and_keeps_only_that_sub_rule():
    text = "This is an test. They is here.\n"
    found = rules_of(lint(text, select=["grammar/harper/AnA"]))
    assert found == ["grammar/harper/AnA"]
    p = policy(select=("grammar/harper/AnA",))
    assert p.runs(default_registry().rules["grammar/harper"]) and not p.decide("grammar/harper/Other")


def test_ignoring_a_sub_rule_keeps_its_siblings():
    text = "This is an test.\n"
    assert "grammar/harper/AnA" in rules_of(lint(text, select=["grammar/harper"]))
    assert "grammar/harper/AnA" not in rules_of(lint(text, select=["grammar/harper"], ignore=["grammar/harper/AnA"]))


def test_a_sub_rule_measured_off_by_default_is_dropped_unless_selected():
    """grammar/harper/AnA is off by default (rules/data/harper_rules.toml: grammar/article does
    a/an); naming it turns it back on, and a sibling that is on stays on."""
    assert not policy().decide("grammar/harper/AnA") and policy().decide("grammar/harper/Nowhere")
    assert policy(extend_select=("grammar/harper/AnA",)).decide("grammar/harper/AnA")
    assert policy(select=("grammar/harper",)).decide("grammar/harper/AnA")
    text = "This is an test.\n"
    assert rules_of(lint(text)) == ["grammar/article"]
    # (grammar/article keeps a span both report: ignore it to see Harper's)
    assert "grammar/harper/AnA" in rules_of(lint(text, extend_select=["grammar/harper/AnA"],
                                                 ignore=["grammar/article", "word-choice/real-word"]))


def test_engine_ids_survive_a_select_and_can_be_ignored_by_name(tmp_path):
    text = "<!-- newslint-disable grammar/repeated-word -->\nAll fine here.\n"
    story = tmp_path / "s.md"
    story.write_text(text)
    from newslint import lint_paths

    assert rules_of(lint_paths([str(story)], select=["grammar"]).diagnostics) == ["newslint/unused-suppression"]
    assert lint_paths([str(story)], select=["grammar"], ignore=["newslint/unused-suppression"]).diagnostics == []
    # a suppression of a rule that did not run is not "unused"
    assert lint_paths([str(story)], select=["spelling"]).diagnostics == []


def test_severity_most_specific_wins():
    p = policy(severity={"grammar": __import__("newslint").Severity.INFO,
                         "grammar/repeated-word": __import__("newslint").Severity.WARNING})
    assert p.severity_for("grammar/repeated-word").value == "warning"
    assert p.severity_for("grammar/harper/AnA").value == "info"
    assert p.severity_for("spelling/unknown-word") is None


@pytest.mark.parametrize("bad, hint", [("spellin", "spelling"), ("grammar/repeated-words", "grammar/repeated-word"),
                                       ("grammar/harper/AnAA", "grammar/harper/AnA")])
def test_unknown_ids_on_the_command_line_are_usage_errors(cli, bad, hint):
    r = cli("check", "--select", bad, "seeds/")
    assert r.returncode == 2 and "names no rule" in r.stderr and f"'{hint}'" in r.stderr, r.stderr
    r = cli("check", "--ignore", bad, "seeds/")
    assert r.returncode == 2


@pytest.mark.parametrize("toml, key", [
    ('select = ["spellin"]\n', "select"),
    ('ignore = ["grammar/nope"]\n', "ignore"),
    ('extend-select = ["wordchoice"]\n', "extend-select"),
    ('[severity]\n"spelling/unknown" = "info"\n', "severity"),
    ('[per-file-ignores]\n"a/**" = ["readabilty"]\n', "per-file-ignores.a/**"),
    ('[rules."spelling/unknow-word"]\n', "rules"),
])
def test_unknown_ids_in_config_name_the_file_and_key(cli, tmp_path, toml, key):
    (tmp_path / "newslint.toml").write_text(toml)
    (tmp_path / "s.txt").write_text("Fine.\n")
    r = cli("check", str(tmp_path / "s.txt"))
    assert r.returncode == 2, r.stderr
    assert "newslint.toml" in r.stderr and key in r.stderr and "names no rule" in r.stderr


def test_open_sub_rules_of_languagetool_are_accepted(tmp_path):
    from newslint import lint_paths

    (tmp_path / "newslint.toml").write_text('ignore = ["grammar/languagetool/EN_A_VS_AN"]\n')
    (tmp_path / "s.txt").write_text("Fine.\n")
    assert lint_paths([str(tmp_path / "s.txt")]).diagnostics == []


def test_per_file_ignores_are_relative_to_their_config(tmp_path):
    from newslint import lint_paths

    (tmp_path / "newslint.toml").write_text('[per-file-ignores]\n"archive/**" = ["spelling"]\n')
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(TYPO)
    (tmp_path / "new.txt").write_text(TYPO)
    found = {(d.path.split("/")[-1], d.rule) for d in lint_paths([str(tmp_path)]).diagnostics}
    assert ("new.txt", "spelling/unknown-word") in found
    assert not any(name == "old.txt" and rule.startswith("spelling") for name, rule in found)


def test_config_error_is_raised_by_the_library_too(tmp_path):
    from newslint import lint_paths

    (tmp_path / "newslint.toml").write_text('select = ["spellin"]\n')
    (tmp_path / "s.txt").write_text("Fine.\n")
    with pytest.raises(ConfigError, match="did you mean 'spelling'"):
        lint_paths([str(tmp_path / "s.txt")])


def test_rules_all_and_explain_cover_every_emitted_id(cli):
    r = cli("rules", "--all")
    assert r.returncode == 0
    assert "grammar/harper/AnA" in r.stdout and "newslint/unused-suppression" in r.stdout
    for rid in ("grammar/harper/AnA", "newslint/internal-error", "newslint/unused-suppression",
                "grammar/languagetool/EN_A_VS_AN", "grammar/repeated-word"):
        r = cli("explain", rid)
        assert r.returncode == 0 and rid in r.stdout, (rid, r.stderr)
        assert "``" not in r.stdout and "`" not in r.stdout  # plain prose
    r = cli("explain", "grammar/harper/NoSuchRule")
    assert r.returncode == 2 and "names no rule" in r.stderr


def test_json_of_a_sub_rule_run(cli):
    r = cli("check", "--format", "json", "--select", "grammar/harper/AnA", "-", input="This is an test.\n")
    assert [d["rule"] for d in json.loads(r.stdout)["diagnostics"]] == ["grammar/harper/AnA"]


def test_the_policy_is_a_value_with_no_state_inside():
    """A frozen Policy holds no mutable memo of its own; its decisions are remembered outside
    it, keyed by the policy, so equal policies share them and a policy can be a dict key."""
    import dataclasses

    policy = Config(ignore=("spelling",)).policy(default_registry())
    assert all(not isinstance(getattr(policy, f.name), (dict, list, set)) for f in dataclasses.fields(policy))
    assert {policy: 1}[Config(ignore=("spelling",)).policy(default_registry())] == 1
    assert not policy.decide("spelling/unknown-word") and policy.decide("grammar/repeated-word")
