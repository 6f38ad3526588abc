"""Rule discovery through the ``newslint.rules`` entry-point group.

Built-in rules are registered in this project's ``pyproject.toml`` through the same group
as third-party plugins, so there is one path for both. The registry also knows every id a
run can emit: rule ids, their sub-ids (``grammar/harper/AnA``) and the engine's own
``newslint/*`` ids, so that configuration naming none of them is an error; and it documents
each of them (``explain``, ``catalogue``) for the CLI, the language server and the README.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points

from .diagnostic import Category, Severity
from .resource import Resource
from .rule import Rule, plain_text

GROUP = "newslint.rules"
COMMANDS_GROUP = "newslint.commands"
ALL_PATTERNS = ("ALL", "all", "*")


@dataclass(frozen=True)
class EngineId:
    id: str
    category: Category
    severity: Severity
    summary: str
    explanation: str

    def explain(self) -> str:
        return f"{self.id}  ({self.category.value}, {self.severity.value})\n\n{self.summary}\n\n{self.explanation}\n"


INTERNAL_ERROR = "newslint/internal-error"
PARSE_ERROR = "newslint/parse-error"
UNUSED_SUPPRESSION = "newslint/unused-suppression"
ENGINE_IDS = {e.id: e for e in (
    EngineId(INTERNAL_ERROR, Category.STYLE, Severity.ERROR, "A rule crashed on this file.",
             "The other rules still ran and their findings are reported. The message names the rule and "
             "the error; run with --debug for the traceback and report it to the rule's authors."),
    EngineId(PARSE_ERROR, Category.STYLE, Severity.ERROR, "The file's markup could not be read as written.",
             "For example front matter that is not valid YAML or TOML. The rest of the file is still "
             "checked; the finding points at the place the parser gave up."),
    EngineId(UNUSED_SUPPRESSION, Category.STYLE, Severity.INFO, "An inline suppression silenced nothing.",
             "A newslint-disable comment whose rules reported nothing in its range. Remove it, or fix "
             "the rule id it names, so that suppressions keep meaning something."),
)}


class RegistryError(Exception):
    """Two plugins claim one rule id or one config section, or a plugin is not a Rule."""


def matches(rule_id: str, pattern: str) -> bool:
    """`pattern` is `rule_id`, a family prefix of it (``spelling``, ``grammar/harper``) or ALL."""
    if pattern in ALL_PATTERNS:
        return True
    return rule_id == pattern or rule_id.startswith(pattern.rstrip("/") + "/")


def specificity(pattern: str) -> int:
    """How specific a pattern is: ALL 0, a family 1, a rule 2, a sub-rule 3..."""
    return 0 if pattern in ALL_PATTERNS else pattern.rstrip("/").count("/") + 1


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    # (entry point name, error) for plugins that failed to load: reported once, then skipped
    failures: list[tuple[str, str]] = field(default_factory=list)
    # family configuration sections: name -> option dataclass
    sections: dict[str, type] = field(default_factory=dict)

    def add(self, rule: type[Rule], origin: str) -> None:
        if not (isinstance(rule, type) and issubclass(rule, Rule)) or not rule.id:
            raise RegistryError(f"plugin {origin} does not provide a Rule subclass with an id")
        if rule.id in self.rules and self.rules[rule.id] is not rule:
            raise RegistryError(f"duplicate rule id {rule.id!r} (from {origin})")
        if rule.id in ENGINE_IDS or rule.id.startswith("newslint/"):
            raise RegistryError(f"rule id {rule.id!r} (from {origin}) is reserved for the engine")
        if rule.config_section:
            name, cls = rule.config_section
            if self.sections.get(name, cls) is not cls:
                raise RegistryError(f"config section [{name}] is declared twice (again by {origin})")
            self.sections[name] = cls
        self.rules[rule.id] = rule

    def rule_for(self, emitted_id: str) -> type[Rule] | None:
        """The rule that reports `emitted_id` (itself or one of its sub-ids)."""
        while emitted_id:
            if emitted_id in self.rules:
                return self.rules[emitted_id]
            emitted_id = emitted_id.rpartition("/")[0]
        return None

    @lru_cache(maxsize=None)
    def subrules(self, rule_id: str) -> dict[str, str]:
        return dict(self.rules[rule_id].subrules())

    def is_known(self, pattern: str) -> bool:
        """Does `pattern` name something a run can report: a rule, a family, a sub-rule, an
        engine id (or a family of those), or ALL?"""
        p = pattern.rstrip("/")
        if p in ALL_PATTERNS or p in ENGINE_IDS or p == "newslint":
            return True
        if any(matches(rid, p) for rid in self.rules):
            return True
        parent = self.rule_for(p)
        if parent is None:
            return False
        rest = p[len(parent.id) + 1:]
        return parent.open_subrules or rest in self.subrules(parent.id)

    def close_matches(self, pattern: str) -> list[str]:
        names = set(self.rules) | set(ENGINE_IDS) | {r.split("/")[0] for r in self.rules}
        parent = self.rule_for(pattern)
        if parent is not None:
            names |= {f"{parent.id}/{s}" for s in self.subrules(parent.id)}
        return difflib.get_close_matches(pattern, sorted(names), n=3, cutoff=0.6)

    def unknown_message(self, pattern: str) -> str:
        near = self.close_matches(pattern)
        return f"'{pattern}' names no rule" + (f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else "")

    def explain(self, emitted_id: str) -> str | None:
        """The documentation of any id a run can emit, as plain text; None if unknown."""
        if emitted_id in ENGINE_IDS:
            return ENGINE_IDS[emitted_id].explain()
        cls = self.rule_for(emitted_id)
        if cls is None:
            return None
        if cls.id == emitted_id:
            return cls.explain()
        sub = emitted_id[len(cls.id) + 1:]
        text = self.subrules(cls.id).get(sub)
        if text is None and not cls.open_subrules:
            return None
        about = text or "A rule of the backend; its message says what it found."
        return plain_text(f"{emitted_id}  ({cls.category.value}, severity by the kind of finding)\n\n{about}\n\n"
                          f"Reported through {cls.id}:\n\n") + cls.explain()

    def catalogue(self, all_ids: bool = False) -> list[tuple[str, str, str, str]]:
        """(id, category, default severity, summary) of every rule, in id order; with
        `all_ids`, also the sub-rules of the grammar backends and the engine's own ids."""
        rows = []
        for rid in sorted(self.rules):
            cls = self.rules[rid]
            summary = cls.summary if cls.enabled_by_default else cls.summary.rstrip(".") + " (off by default)."
            rows.append((rid, cls.category.value, cls.default_severity.value, summary))
            if all_ids:
                if cls.open_subrules:
                    rows.append((f"{rid}/<RULE>", cls.category.value, "by kind", "any rule id of the backend"))
                for sub, text in self.subrules(rid).items():
                    rows.append((f"{rid}/{sub}", cls.category.value, "by kind", text))
        if all_ids:
            rows += [(e.id, e.category.value, e.severity.value, e.summary) for e in ENGINE_IDS.values()]
        return rows

    def __hash__(self) -> int:  # lru_cache on methods: one registry per process
        return id(self)


def load_registry() -> Registry:
    reg = Registry()
    eps = sorted(entry_points(group=GROUP), key=lambda ep: ep.name)
    for ep in eps:
        try:
            obj = ep.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the run
            reg.failures.append((ep.name, f"{type(exc).__name__}: {exc}"))
            continue
        reg.add(obj, f"{ep.name} = {ep.value}")
    return reg


# the installed rules, loaded once per process (reset() to load them again)
default_registry = Resource("registry", load_registry)


def plugin_commands() -> list[tuple[str, object]]:
    """CLI commands that plugins contribute (``newslint learn`` comes from the spelling rules)."""
    out = []
    for ep in sorted(entry_points(group=COMMANDS_GROUP), key=lambda ep: ep.name):
        try:
            out.append((ep.name, ep.load()))
        except Exception:  # noqa: BLE001 - a broken plugin command must not break the CLI
            continue
    return out
