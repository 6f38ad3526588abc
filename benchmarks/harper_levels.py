"""Set each Harper sub-rule's severity from its measured precision on published copy.

    python benchmarks/harper_levels.py --runs DIR     # DIR/<corpus>.json: runs of newslint on the corpora

Reads the runs (``benchmarks/precision.py --save-runs``; runs made before this file's levels
applied, so that every sub-rule reported at its Harper default) and the judgements in
``benchmarks/judged/``, and writes ``rules/data/harper_rules.toml``: for every Harper sub-rule
with judged error/warning findings, its precision, the number judged, and the level it gets:

- 10 or more judged: ``off`` under 30%, ``info`` under 80%, ``warning`` under 95%, else ``error``;
- fewer than 10 judged: ``info`` (too few to earn a warning), but ``off`` when 5 or more were
  judged and none was right (were its precision 30%, five misses in a row would happen 17% of
  the time);
- never judged (it never fired at error/warning on the corpora): not listed, its Harper default.

Levels decided by hand (``MANUAL`` below) keep their level and say why.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import precision as pr  # noqa: E402

OUT = pr.ROOT / "rules" / "data" / "harper_rules.toml"
PREFIX = "grammar/harper/"
# sub-rule -> (level, why): decisions the judged numbers alone do not make
MANUAL = {
    "AnA": ("off", "grammar/article says a/an by pronunciation (acronyms, numerals, letter labels)"),
}


def level(true: int, n: int) -> str:
    p = true / n
    if n >= 10:
        return "off" if p < 0.30 else "info" if p < 0.80 else "warning" if p < 0.95 else "error"
    return "off" if n >= 5 and true == 0 else "info"


def judged_counts(runs: dict[str, dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for name, data in runs.items():
        judged = pr.load_judged(name)
        for d in data["diagnostics"]:
            if not d["rule"].startswith(PREFIX) or d["severity"] not in pr.LEVELS:
                continue
            j = judged.get(pr.key_of(name, d))
            if j:
                out.setdefault(d["rule"][len(PREFIX):], Counter())[j["label"]] += 1
    return out


def write(runs: dict[str, dict]) -> str:
    counts = judged_counts(runs)
    lines = ["# The level of each Harper sub-rule (grammar/harper/<Sub>), from its measured precision on",
             "# published copy: the share of its error/warning findings that a copy editor judged right,",
             f"# over the judgements in benchmarks/judged/ and runs of the corpora {', '.join(runs)}",
             "# (../shared/corpus) made with Harper's own severities. Written by benchmarks/harper_levels.py,",
             "# whose docstring gives the bands: off < 30%, info < 80%, warning < 95%, error otherwise, with",
             "# 10 or more judged; fewer judged: info (off when 5 or more were all wrong).",
             "# A sub-rule not listed keeps the severity of its Harper kind (rules/grammar/harper_backend.py).",
             "# An 'off' sub-rule still runs on request: select or extend-select grammar/harper/<Sub>.", ""]
    for sub in sorted(set(counts) | set(MANUAL)):
        c = counts.get(sub, Counter())
        n = sum(c.values())
        lv, why = MANUAL.get(sub, (level(c["TRUE"], n) if n else "info", ""))
        lines.append(f"[{sub}]")
        lines.append(f'level = "{lv}"')
        lines.append(f"judged = {n}")
        lines.append(f"true = {c['TRUE']}")
        if n:
            lines.append(f"precision = {c['TRUE'] / n:.2f}")
        if why:
            lines.append(f'why = "{why}"')
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    return f"wrote {OUT} ({len(counts)} judged sub-rules)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=Path, required=True)
    args = ap.parse_args()
    runs = {n: d for n in pr.CORPORA if (d := pr.load_run(n, args.runs, [])) is not None}
    print(write(runs))


if __name__ == "__main__":
    main()
