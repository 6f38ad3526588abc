"""Precision per rule on real published copy, from findings a copy editor judged.

    python benchmarks/precision.py                  # run newslint over every corpus present, report
    python benchmarks/precision.py --runs DIR       # read DIR/<corpus>.json instead of running
    python benchmarks/precision.py --write-data     # also write rules/data/precision.toml
    python benchmarks/precision.py sample --runs DIR --out FILE [--per-rule N] [--seed S] [--info]
                                                    # unjudged findings with their context, to judge

The judged findings are in ``benchmarks/judged/<corpus>.jsonl`` (and later rounds in
``<corpus>.<round>.jsonl``), one per line: the key
(file relative to the corpus folder, line, column, rule), the label and a one-line reason,
never the copy's text:

    {"file": "...", "line": 7, "column": 12, "rule": "spelling/unknown-word",
     "label": "FALSE", "reason": "a surname", "severity": "error"}

Labels: TRUE (a copy desk would change it), FALSE (it would not), MARKUP (the finding is on
markup, not prose; counted as false). ``severity`` is the level the finding had when it was
judged. Findings are drawn per rule, so the overall precision is weighted by each rule's share
of the findings (what a reader of the whole output meets), beside the plain judged share.

The corpora are published content repos in ``../shared/corpus`` (see its README); when it is
absent the script says so and stops.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
JUDGED = HERE / "judged"
CORPUS_ROOT = ROOT.parent / "shared" / "corpus"
# name -> (folder of stories under the corpus root, dialect): as ../shared/corpus/README.md says
CORPORA = {
    "govuk-news": ("govuk-news/government/news", "en-GB"),
    "dta": ("dta/_posts", "en-AU"),
    "healthcare-gov": ("healthcare-gov/_posts", "en-US"),
    "18f": ("18f", "en-US"),
    "astro-docs": ("astro-docs/src", "en-US"),
    "hugo-docs": ("hugo-docs/content", "en-US"),
}
BAD = ("FALSE", "MARKUP")
LEVELS = ("error", "warning")


def corpus_dir(name: str) -> Path:
    return CORPUS_ROOT / CORPORA[name][0]


def run_corpus(name: str, extra: list[str]) -> dict:
    """newslint's JSON over one corpus (a fresh process, no result cache)."""
    folder, dialect = CORPORA[name]
    cmd = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache", "--exit-zero",
           "--dialect", dialect, *extra, str(CORPUS_ROOT / folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{name}: newslint exited {proc.returncode}: {proc.stderr[-1000:]}")
    return json.loads(proc.stdout)


def load_run(name: str, runs: Path | None, extra: list[str]) -> dict | None:
    if runs is None:
        return run_corpus(name, extra)
    p = runs / f"{name}.json"
    if not p.is_file():
        return None
    text = p.read_text(encoding="utf-8")
    return json.loads(text[text.index("{"):])  # older runs may carry native debug lines first


def rel(name: str, path: str) -> str:
    return Path(os.path.relpath(os.path.abspath(path), corpus_dir(name))).as_posix()


def key_of(name: str, d: dict) -> tuple:
    return rel(name, d["path"]), int(d["line"]), int(d["column"]), d["rule"]


def load_judged(name: str) -> dict[tuple, dict]:
    """The judgements of one corpus: ``<corpus>.jsonl`` and any ``<corpus>.<round>.jsonl``
    (later rounds, read in name order; a later judgement of the same key wins)."""
    out: dict[tuple, dict] = {}
    for p in [JUDGED / f"{name}.jsonl", *sorted(JUDGED.glob(f"{name}.*.jsonl"))]:
        if not p.is_file():
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                out[(j["file"], int(j["line"]), int(j["column"]), j["rule"])] = j
    return out


def family(rule: str) -> str:
    return rule.split("/", 1)[0]


def group_of(rule: str) -> str:
    """The unit a severity is set for: a rule, or a backend's sub-rule (grammar/harper/AnA)."""
    return rule


class Tally:
    def __init__(self) -> None:
        self.found = 0          # findings at error/warning in the run
        self.info = 0           # info findings in the run
        self.judged = Counter()  # label -> count, over judged error/warning findings
        self.judged_info = Counter()

    def precision(self, info: bool = False) -> float | None:
        c = self.judged_info if info else self.judged
        n = sum(c.values())
        return None if n == 0 else c["TRUE"] / n


def tally(runs: dict[str, dict], by) -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    for name, data in runs.items():
        judged = load_judged(name)
        for d in data["diagnostics"]:
            if d["rule"].startswith("newslint/"):
                continue
            t = out[by(d["rule"])]
            j = judged.get(key_of(name, d))
            if d["severity"] in LEVELS:
                t.found += 1
                if j:
                    t.judged[j["label"]] += 1
            else:
                t.info += 1
                if j:
                    t.judged_info[j["label"]] += 1
    return out


def fmt_p(p: float | None) -> str:
    return "  -  " if p is None else f"{p:5.2f}"


def table(title: str, tallies: dict[str, Tally], words: int) -> str:
    rows = [f"{title:<44} {'e+w/1k':>7} {'found':>6} {'judged':>6} {'prec':>5}   {'info/1k':>7} {'judged':>6} {'prec':>5}"]
    for k in sorted(tallies, key=lambda k: (-tallies[k].found, k)):
        t = tallies[k]
        rows.append(f"{k:<44} {1000 * t.found / words:7.2f} {t.found:6d} {sum(t.judged.values()):6d} "
                    f"{fmt_p(t.precision())}   {1000 * t.info / words:7.2f} {sum(t.judged_info.values()):6d} "
                    f"{fmt_p(t.precision(True))}")
    return "\n".join(rows)


def weighted(tallies: dict[str, Tally]) -> tuple[float | None, int]:
    """Precision over all error/warning findings, each rule's judged precision weighted by its
    number of findings; and how many findings belong to rules with no judgement."""
    num = den = unjudged = 0
    for t in tallies.values():
        p = t.precision()
        if p is None:
            unjudged += t.found
            continue
        num += p * t.found
        den += t.found
    return (num / den if den else None), unjudged


def report(runs: dict[str, dict]) -> str:
    lines = []
    total_words = 0
    for name, data in runs.items():
        words = sum(f.get("words", 0) for f in data["files"])
        total_words += words
        per = tally({name: data}, group_of)
        ew = sum(t.found for t in per.values())
        info = sum(t.info for t in per.values())
        judged = load_judged(name)
        keys = {key_of(name, d) for d in data["diagnostics"]}
        new = sum(1 for d in data["diagnostics"] if d["severity"] in LEVELS and key_of(name, d) not in judged
                  and not d["rule"].startswith("newslint/"))
        stale = sum(1 for k in judged if k not in keys)
        p, _ = weighted(per)
        lines.append(f"{name:<15} {words:8d} words  errors+warnings {ew:5d} ({1000 * ew / max(words, 1):.2f}/1k)  "
                     f"info {info:5d} ({1000 * info / max(words, 1):.2f}/1k)  precision (weighted) {fmt_p(p)}  "
                     f"unjudged e+w {new}  judged but gone {stale}")
    lines.append("")
    lines.append(table("family", tally(runs, family), total_words))
    lines.append("")
    lines.append(table("rule", tally(runs, group_of), total_words))
    p, unjudged = weighted(tally(runs, group_of))
    lines.append("")
    lines.append(f"all corpora: precision at error/warning (weighted by findings) {fmt_p(p)}; "
                 f"{unjudged} error/warning findings of rules never judged")
    return "\n".join(lines)


DATA_FILE = ROOT / "rules" / "data" / "precision.toml"


def by_level(runs: dict[str, dict]) -> dict[str, dict[str, Counter]]:
    """id (rule or backend sub-rule) -> severity -> labels of its judged findings at that level."""
    out: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for name, data in runs.items():
        judged = load_judged(name)
        for d in data["diagnostics"]:
            j = judged.get(key_of(name, d))
            if j and not d["rule"].startswith("newslint/"):
                out[d["rule"]][d["severity"]][j["label"]] += 1
    return out


def write_data(runs: dict[str, dict]) -> str:
    """``rules/data/precision.toml``: the measured precision of each id at each level."""
    import datetime

    levels = by_level(runs)
    total = sum(sum(c.values()) for lv in levels.values() for c in lv.values())
    lines = ["# Measured precision of newslint's findings on published copy: for each rule (or Harper",
             "# sub-rule) and severity level, how many of its findings at that level a copy editor judged",
             "# and how many were right (TRUE; FALSE and MARKUP are wrong). Written by",
             f"# benchmarks/precision.py --write-data on {datetime.date.today()} from {total} judged findings",
             f"# in {len(runs)} corpora of ../shared/corpus ({', '.join(runs)}); the judgements are in",
             "# benchmarks/judged/. newslint rules shows these numbers; tests/test_precision_data.py holds",
             "# every level with enough judged findings to its bar (error 0.95, warning 0.80).", ""]
    for rid in sorted(levels):
        lines.append(f'["{rid}"]')
        for sev in ("error", "warning", "info"):
            c = levels[rid].get(sev)
            if c:
                n = sum(c.values())
                lines.append(f'{sev} = {{ judged = {n}, true = {c["TRUE"]} }}')
        lines.append("")
    DATA_FILE.write_text("\n".join(lines), encoding="utf-8")
    return f"wrote {DATA_FILE} ({len(levels)} ids)"


def context(name: str, d: dict, width: int = 240) -> str:
    """The finding's source text with the span marked [[...]], `width` characters each side."""
    text = (corpus_dir(name) / rel(name, d["path"])).read_text(encoding="utf-8", errors="replace")
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    s = starts[d["line"] - 1] + d["column"] - 1
    e = starts[min(d["end_line"], len(starts)) - 1] + d["end_column"] - 1
    before, span, after = text[max(0, s - width):s], text[s:e], text[e:e + width]
    return " ".join(f"{before}[[{span}]]{after}".split())


def sample(runs: dict[str, dict], per_rule: int, seed: int, info: bool) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for name, data in runs.items():
        judged = load_judged(name)
        pool = defaultdict(list)
        for d in data["diagnostics"]:
            if d["rule"].startswith("newslint/") or (d["severity"] in LEVELS) == info:
                continue
            if key_of(name, d) not in judged:
                pool[d["rule"]].append(d)
        for rule, ds in sorted(pool.items()):
            for d in rng.sample(ds, min(per_rule, len(ds))):
                f, line, col, _ = key_of(name, d)
                out.append({"corpus": name, "file": f, "line": line, "column": col, "rule": rule,
                            "severity": d["severity"], "message": d["message"],
                            "suggestions": d.get("suggestions", [])[:3], "context": context(name, d)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", nargs="?", default="report", choices=("report", "sample"))
    ap.add_argument("--runs", type=Path, help="a folder of <corpus>.json outputs instead of running newslint")
    ap.add_argument("--corpus", action="append", help="only these corpora (default: every one present)")
    ap.add_argument("--out", type=Path, help="sample: where to write the findings to judge (JSON lines)")
    ap.add_argument("--per-rule", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--info", action="store_true", help="sample: info findings instead of errors and warnings")
    ap.add_argument("--save-runs", type=Path, help="keep newslint's outputs in this folder")
    ap.add_argument("--write-data", action="store_true", help="also write rules/data/precision.toml")
    ap.add_argument("--args", default="", help='more newslint options, e.g. --args "--select spelling"')
    args = ap.parse_args()
    if not CORPUS_ROOT.is_dir():
        sys.exit(f"no corpora at {CORPUS_ROOT}: nothing to measure")
    names = [n for n in (args.corpus or CORPORA) if corpus_dir(n).is_dir()]
    runs = {}
    for n in names:
        data = load_run(n, args.runs, shlex.split(args.args))
        if data is not None:
            runs[n] = data
            if args.save_runs:
                args.save_runs.mkdir(parents=True, exist_ok=True)
                (args.save_runs / f"{n}.json").write_text(json.dumps(data), encoding="utf-8")
    if args.command == "sample":
        items = sample(runs, args.per_rule, args.seed, args.info)
        with open(args.out, "w", encoding="utf-8") as fh:
            for it in items:
                fh.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(f"wrote {len(items)} findings to judge to {args.out}")
        return
    print(report(runs))
    if args.write_data:
        print(write_data(runs))


if __name__ == "__main__":
    main()
