"""One decision engine for what a run reports and at which severity.

Selection (``select``, ``extend-select``, ``ignore``, ``per-file-ignores``), severity
overrides (``[severity]``) and inline suppressions are decided here and nowhere else.
The most specific pattern wins (flake8's decision engine): ``--select
spelling/unknown-word --ignore spelling`` reports unknown words, ``--select spelling
--ignore spelling/dialect`` reports every spelling rule but the dialect one. At equal
specificity ``ignore`` wins. Without ``select`` a rule runs when it is on by default.
The engine's own ids (``newslint/...``) are reported unless ignored by name.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Sequence

from .diagnostic import Category, Diagnostic, Severity
from .registry import ENGINE_IDS, UNUSED_SUPPRESSION, Registry, matches, specificity
from .rule import Rule
from .suppress import Suppression


@dataclass(frozen=True)
class PathPattern:
    """A glob relative to the folder of the configuration file that declared it."""

    base: Path
    glob: str

    def matches(self, file_path: str) -> bool:
        return glob_match(relative_to(file_path, self.base), self.glob)


def relative_to(file_path: str, base: Path) -> str:
    # abspath, not resolve(): a symlink loop must not stop the run
    p = os.path.abspath(file_path)
    try:
        return PurePosixPath(Path(p).relative_to(os.path.abspath(base))).as_posix()
    except ValueError:
        return PurePosixPath(p).as_posix()


def glob_match(rel: str, pattern: str) -> bool:
    """gitignore-like: ``drafts/**``, ``*.md``, or a folder name matching everything below it."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern):
        return True
    if pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]):
        return True
    parts = rel.split("/")
    return any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


@dataclass(frozen=True)
class Policy:
    registry: Registry
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    # -- selection -----------------------------------------------------------------------------
    def _file_ignores(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        return tuple(p for pat, ids in self.per_file_ignores if pat.matches(path) for p in ids)

    def decide(self, emitted_id: str, path: str | None = None) -> bool:
        """Is a finding with this id reported for this file?"""
        return _decision(self, emitted_id, self._file_ignores(path))

    def _decide(self, emitted_id: str, file_ignores: tuple[str, ...]) -> bool:
        # (specificity, ignore-wins-ties, selected)
        votes: list[tuple[int, int, bool]] = []
        engine = emitted_id.startswith("newslint/")
        if self.select is None or engine:
            rule = self.registry.rule_for(emitted_id)
            votes.append((-1, 0, True if rule is None else rule.on_by_default(emitted_id)))
        for patterns, selected in ((self.select or (), True), (self.extend_select, True),
                                   (self.ignore, False), (file_ignores, False)):
            for p in patterns:
                if engine and not p.startswith("newslint"):
                    continue
                if matches(emitted_id, p):
                    votes.append((specificity(p), 0 if selected else 1, selected))
        return max(votes)[2] if votes else False

    def runs(self, rule: type[Rule], path: str | None = None) -> bool:
        """Does `rule` have to run on this file (for its own id or a selected sub-id)?"""
        if self.decide(rule.id, path):
            return True
        prefix = rule.id + "/"
        return any(p.startswith(prefix) and self.decide(p, path)
                   for p in (*(self.select or ()), *self.extend_select))

    def severity_for(self, emitted_id: str) -> Severity | None:
        best: tuple[int, Severity] | None = None
        for pattern, sev in self.severity:
            if matches(emitted_id, pattern) and (best is None or specificity(pattern) >= best[0]):
                best = (specificity(pattern), sev)
        return best[1] if best else None

    # -- applying it to one file's findings ------------------------------------------------------
    def apply(self, path: str, diags: Sequence[Diagnostic], suppressions: Sequence[Suppression],
              ran: Sequence[str]) -> list[Diagnostic]:
        """Selected findings at their configured severity, less the suppressed ones, plus a
        note for each suppression that silenced nothing of the rules that ran (`ran`)."""
        kept: list[Diagnostic] = []
        for d in diags:
            if not self.decide(d.rule, path):
                continue
            sev = self.severity_for(d.rule)
            kept.append(dataclasses.replace(d, severity=sev) if sev and sev != d.severity else d)
        if not suppressions:
            return kept
        out = []
        for d in kept:
            hit = [s for s in suppressions if s.covers(d)]
            for s in hit:
                s.used = True
            if not hit:
                out.append(d)
        for s in suppressions if self.decide(UNUSED_SUPPRESSION, path) else ():
            unknown = [r for r in s.rules if not self.registry.is_known(r)]
            could_fire = not s.rules or any(matches(r, p) or matches(p, r) for p in s.rules for r in ran)
            if unknown:  # a misspelt id silences nothing, whatever else the directive names
                message = "suppression: " + "; ".join(self.registry.unknown_message(r) for r in unknown)
            elif s.used or not could_fire:
                continue
            else:
                message = f"unused suppression ({', '.join(s.rules) or 'all rules'}): nothing here was reported"
            sev = self.severity_for(UNUSED_SUPPRESSION) or ENGINE_IDS[UNUSED_SUPPRESSION].severity
            out.append(Diagnostic(path, s.line, s.column, s.line, s.end_column, UNUSED_SUPPRESSION,
                                  Category.STYLE, sev, message))
        return out


@lru_cache(maxsize=4096)
def _decision(policy: Policy, emitted_id: str, file_ignores: tuple[str, ...]) -> bool:
    """``policy._decide``, remembered: a run asks the same few questions for every finding."""
    return policy._decide(emitted_id, file_ignores)
