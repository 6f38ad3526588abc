"""Severity follows measured precision: every level of every rule (or Harper sub-rule) with
enough judged findings in rules/data/precision.toml meets its bar, and newslint rules shows the
numbers. The data is written by benchmarks/precision.py --write-data from benchmarks/judged.
Written for this project."""
from __future__ import annotations

import pytest

from conftest import run_cli

from newslint.precision import BARS, MIN_JUDGED, describe, measured

DATA = measured()


def test_the_data_is_there():
    assert DATA, "rules/data/precision.toml is missing: run benchmarks/precision.py --write-data"


@pytest.mark.parametrize("rule_id, level", [(rid, lv) for rid, levels in sorted(DATA.items())
                                            for lv in BARS if levels.get(lv, {}).get("judged", 0) >= MIN_JUDGED])
def test_each_level_meets_its_bar(rule_id, level):
    n = DATA[rule_id][level]
    assert n["true"] / n["judged"] >= BARS[level], (
        f"{rule_id} at {level}: {n['true']} of {n['judged']} judged findings right; lower its severity")


def test_newslint_rules_shows_the_measured_precision():
    out = run_cli("rules").stdout
    assert "measured" in out
    rid = next(r for r in DATA if r in out.split())
    level = next(lv for lv in ("error", "warning", "info") if DATA[rid].get(lv))
    assert describe(rid, level) != "-"
