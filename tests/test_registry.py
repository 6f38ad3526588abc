from __future__ import annotations

import pytest

from newslint import registry as reg_mod
from newslint.registry import RegistryError, load_registry
from newslint.rules.grammar.repeated_word import RepeatedWord


class _EP:
    def __init__(self, name, obj=None, exc=None):
        self.name, self.value, self._obj, self._exc = name, f"x:{name}", obj, exc

    def load(self):
        if self._exc:
            raise self._exc
        return self._obj


def test_builtin_rules_come_through_entry_points():
    reg = load_registry()
    assert reg.rules["grammar/repeated-word"] is RepeatedWord
    assert not reg.failures


def test_broken_plugin_is_reported_and_skipped(monkeypatch):
    eps = [_EP("good", RepeatedWord), _EP("broken", exc=ImportError("no module named foo"))]
    monkeypatch.setattr(reg_mod, "entry_points", lambda group: eps)
    reg = load_registry()
    assert list(reg.rules) == ["grammar/repeated-word"]
    assert reg.failures and "no module named foo" in reg.failures[0][1]


def test_duplicate_ids_are_an_error(monkeypatch):
    class Other(RepeatedWord):
        pass

    monkeypatch.setattr(reg_mod, "entry_points", lambda group: [_EP("a", RepeatedWord), _EP("b", Other)])
    with pytest.raises(RegistryError, match="duplicate rule id"):
        load_registry()


def test_crashing_rule_is_an_internal_error_and_others_still_report():
    from conftest import engine_of
    from newslint.markup import parse
    from newslint.runner import run_rules

    class Boom(RepeatedWord):
        id = "test/boom"

        def check(self, doc):
            raise RuntimeError("kaboom")

    doc = parse("s.txt", "It fails the the test.\n")
    diags, _ = run_rules(doc, engine_of([Boom(), RepeatedWord()]))
    assert {d.rule for d in diags} == {"newslint/internal-error", "grammar/repeated-word"}


def test_a_broken_plugin_fails_the_check_after_the_other_rules_report(monkeypatch, cli, tmp_path):
    """A gate (pre-commit, CI) must not pass when rules could not load: the findings of the
    others are printed, one notice names the plugin, and the exit code is 2."""
    import newslint.cli  # noqa: F401 - it registers the plugin commands on import: before the patch

    real = reg_mod.entry_points(group=reg_mod.GROUP)
    eps = [*real, _EP("test/broken", exc=ImportError("no module named newslint_extra"))]
    monkeypatch.setattr(reg_mod, "entry_points", lambda group: eps if group == reg_mod.GROUP else [])
    reg_mod.default_registry.reset()
    try:
        story = tmp_path / "s.txt"
        story.write_text("It was the the end.\n", encoding="utf-8")
        r = cli("check", "--no-cache", "--format", "concise", str(story))
    finally:
        reg_mod.default_registry.reset()
    assert r.returncode == 2
    assert "grammar/repeated-word" in r.stdout
    assert "plugin test/broken failed to load" in r.stderr and "newslint_extra" in r.stderr


def test_explain_lives_beside_the_registry_and_the_server_needs_no_cli():
    """The CLI and the language server both document ids through Registry.explain; the
    server no longer imports the CLI (which imports the server), so there is no cycle."""
    import ast

    from conftest import ROOT

    reg = load_registry()
    assert "What it does" in reg.explain("grammar/repeated-word")
    assert reg.explain("grammar/harper/AnA").startswith("grammar/harper/AnA  (grammar, severity by the kind")
    assert reg.explain("newslint/parse-error").startswith("newslint/parse-error  (style, error)")
    assert reg.explain("nope/rule") is None and reg.explain("grammar/harper/NoSuchRule") is None
    for name in ("server", "registry"):
        tree = ast.parse((ROOT / "linter" / f"{name}.py").read_text(encoding="utf-8"))
        assert "cli" not in {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}, name
