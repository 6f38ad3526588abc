"""Rule discovery through the ``newslint.rules`` entry-point group.

Built-in rules are registered in this project's ``pyproject.toml`` through the same group
as third-party plugins, so there is one path for both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points

from .rule import Rule

GROUP = "newslint.rules"


class RegistryError(Exception):
    """Two plugins claim one rule id, or a plugin is not a Rule."""


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    # (entry point name, error) for plugins that failed to load: reported once, then skipped
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, rule: type[Rule], origin: str) -> None:
        if not (isinstance(rule, type) and issubclass(rule, Rule)) or not rule.id:
            raise RegistryError(f"plugin {origin} does not provide a Rule subclass with an id")
        if rule.id in self.rules and self.rules[rule.id] is not rule:
            raise RegistryError(f"duplicate rule id {rule.id!r} (from {origin})")
        self.rules[rule.id] = rule

    def matching(self, pattern: str) -> list[str]:
        """Rule ids equal to `pattern` or under it as a family prefix (``spelling`` or ``grammar/harper``)."""
        return [rid for rid in self.rules if matches(rid, pattern)]


def matches(rule_id: str, pattern: str) -> bool:
    if pattern in ("ALL", "all", "*"):
        return True
    return rule_id == pattern or rule_id.startswith(pattern.rstrip("/") + "/")


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


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return load_registry()
