#!/usr/bin/env python3
"""Accuracy benchmark: runs ../shared/eval/score.py on the dev sets when they are present.

    python benchmarks/accuracy.py                 # both sets, summaries
    python benchmarks/accuracy.py --set dev --details --select spelling

--details lists the injected errors that were missed and the findings on clean copy
(false alarms), by rule, to guide work on a rule. The articles themselves stay in
../shared/eval (CC BY-SA, for evaluation only).
"""
from __future__ import annotations

import argparse
import collections
import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SETS = {"dev": "--dialect en-GB", "dev-md": ""}


def run(cmd: str, files: list[Path]) -> list[dict]:
    proc = subprocess.run(shlex.split(cmd) + [str(f) for f in files], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr)
    return json.loads(proc.stdout)["diagnostics"]


def offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def details(set_dir: Path, cmd: str, kinds: set[str] | None) -> None:
    gold = [json.loads(x) for x in (set_dir / "gold.jsonl").read_text().splitlines() if x]
    dirty = sorted((set_dir / "dirty").iterdir())
    clean = sorted((set_dir / "clean").iterdir())
    for label, files in (("dirty", dirty), ("clean", clean)):
        diags = run(cmd, files)
        texts = {f.name: f.read_text(encoding="utf-8") for f in files}
        starts = {n: offsets(t) for n, t in texts.items()}
        spans = collections.defaultdict(list)
        for d in diags:
            n = Path(d["path"]).name
            st = starts[n]
            s = st[d["line"] - 1] + d["column"] - 1
            e = st[d["end_line"] - 1] + d["end_column"] - 1
            spans[n].append((s, max(e, s + 1), d))
        if label == "dirty":
            print("== missed injected errors")
            for g in gold:
                if kinds and g["kind"] not in kinds:
                    continue
                hit = any(s < g["end"] and e > g["start"] and e - s <= max(40, g["end"] - g["start"] + 10)
                          for s, e, _ in spans[g["file"]])
                if not hit:
                    t = texts[g["file"]]
                    ctx = t[max(0, g["start"] - 40):g["end"] + 40].replace("\n", " ")
                    print(f"  {g['kind']:<13} {g['wrong']!r:>16} -> {g['right']!r:<14} ...{ctx}...")
        else:
            print("== findings on clean copy (word-level)")
            by_rule = collections.Counter()
            for n, items in sorted(spans.items()):
                for s, e, d in items:
                    if e - s > 40:
                        continue
                    by_rule[d["rule"]] += 1
                    t = texts[n]
                    print(f"  {d['rule']:<28} {t[s:e]!r:<20} {d['message'][:70]} | "
                          f"{t[max(0, s - 30):e + 30].replace(chr(10), ' ')}")
            print(by_rule.most_common())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=list(SETS), action="append")
    ap.add_argument("--select", default=None)
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--kinds", default=None, help="with --details: comma-separated kinds of missed errors")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"no benchmark at {EVAL}; nothing to do")
        return
    for name in args.set or list(SETS):
        cmd = f"newslint check --format json {SETS[name]}" + (f" --select {args.select}" if args.select else "")
        print(f"### {name}: {cmd}")
        if args.details:
            details(EVAL / name, cmd, set(args.kinds.split(",")) if args.kinds else None)
        else:
            subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / name), "--cmd", cmd], check=False)


if __name__ == "__main__":
    main()
