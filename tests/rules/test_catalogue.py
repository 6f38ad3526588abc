"""The rules catalogue a newcomer finds their way in: every registered rule lives in the
module its id names, documents what it does, why and an example, has its own test file, and
is listed in the README's rules table as ``newslint rules --format markdown`` prints it.
The families import only the plugin API and the shared language resources."""
from __future__ import annotations

import ast
import inspect
import re
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import ROOT

from newslint.registry import GROUP, default_registry

RULES = sorted(default_registry().rules.items())
ENTRY_POINTS = {ep.name: ep for ep in entry_points(group=GROUP)}


def module_of(rule_id: str) -> str:
    """``spelling/unknown-word`` -> ``newslint.rules.spelling.unknown_word``."""
    return "newslint.rules." + rule_id.replace("-", "_").replace("/", ".")


@pytest.mark.parametrize("rule_id, cls", RULES, ids=[r for r, _ in RULES])
def test_entry_point_id_and_module_path_agree(rule_id, cls):
    ep = ENTRY_POINTS[rule_id]
    assert ep.name == cls.id == rule_id
    assert ep.value.split(":")[0] == cls.__module__ == module_of(rule_id)


def test_one_rule_per_module():
    from newslint.api import Rule

    for rule_id, cls in RULES:
        module = sys.modules[cls.__module__]
        own = [c for _, c in inspect.getmembers(module, inspect.isclass)
               if issubclass(c, Rule) and c.__module__ == module.__name__ and getattr(c, "id", "")]
        assert own == [cls], (rule_id, own)


@pytest.mark.parametrize("rule_id, cls", RULES, ids=[r for r, _ in RULES])
def test_docs_say_what_why_and_give_an_example(rule_id, cls):
    doc = inspect.getdoc(cls) or ""
    paragraphs = [p.strip() for p in doc.split("\n\n")]
    for head in ("What it does:", "Why:", "Example:"):
        assert any(p.startswith(head) and len(p) > len(head) + 10 for p in paragraphs), (rule_id, head)
    assert cls.summary and "\n" not in cls.summary


@pytest.mark.parametrize("rule_id, cls", RULES, ids=[r for r, _ in RULES])
def test_each_rule_has_its_test_file(rule_id, cls):
    family, name = rule_id.replace("-", "_").split("/")
    path = ROOT / "tests" / "rules" / family / f"test_{name}.py"
    assert path.is_file(), path
    assert re.search(rf"\b{cls.__name__}\b", path.read_text(encoding="utf-8")), (path, cls.__name__)


def test_the_readme_rules_table_is_the_generated_one(cli):
    """The README's table is ``newslint rules --format markdown``, pasted after its marker."""
    table = cli("rules", "--format", "markdown").stdout.strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "<!-- rules table: newslint rules --format markdown -->\n"
    assert marker in readme
    after = readme.split(marker, 1)[1]
    pasted = after[:after.index("\n\n")] if "\n\n" in after else after
    assert pasted.strip() == table, "README rules table is out of date: paste `newslint rules --format markdown`"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every import of a file: level 0 absolute, 1 the same package..."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(0, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.level, node.module or ""))
    return out


def test_families_import_only_the_api_and_the_language_resources():
    rules_dir = ROOT / "rules"
    for path in sorted(rules_dir.rglob("*.py")):
        parts = path.relative_to(rules_dir).parts
        if len(parts) < 2:
            continue  # rules/__init__.py
        family = parts[0]
        for level, module in _imports(path):
            ours = module.startswith(("newslint", "linter", "rules"))
            if level:
                ok = level == 1  # a module of its own family (or of lang itself)
            elif family == "lang":
                ok = not ours or module == "newslint.api"
            else:
                ok = not ours or module == "newslint.api" or module.split(".")[:3] == ["newslint", "rules", "lang"]
            assert ok, f"{path.relative_to(ROOT)} imports {'.' * level}{module}"
