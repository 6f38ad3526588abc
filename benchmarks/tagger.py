#!/usr/bin/env python3
"""Cost of the optional error tagger of word-choice/real-word (newslint[tagger]): words per
second and peak memory with it on and off, one process and one core each.

    python benchmarks/tagger.py [--limit 60] [DIR ...]

Stories come from the folders given, else ../shared/eval/dev/clean. Each case runs in a fresh
process (so its peak memory, ru_maxrss, is its own): the rule alone and the default rule set,
with ``tagger = false`` and with the tagger on. The time is of the checks once everything is
loaded (one story is checked first, untimed); the load is timed apart. Timings are noisy:
compare the ratios.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "clean"
RULE = "word-choice/real-word"


def child(dirs: list[Path], limit: int, select: list[str] | None, tagger_on: bool) -> None:
    import resource

    from newslint.context import Overrides, RunContext
    from newslint.markup import SUPPORTED_EXTENSIONS, parse
    from newslint.runner import run_rules

    files = sorted(p for d in dirs if d.is_dir() for p in d.rglob("*") if p.suffix.lower() in SUPPORTED_EXTENSIONS)
    texts = [(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files[:limit]]
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "newslint.toml"
        cfg.write_text(f'[rules."{RULE}"]\ntagger = {"true" if tagger_on else "false"}\n')
        ctx = RunContext(Overrides(config=cfg, select=select))
        engine = ctx.engine(None)
        ctx.wait_warm()
        t = time.perf_counter()
        run_rules(parse(*texts[0]), engine)  # loads what the rules load
        load = time.perf_counter() - t
        docs = [parse(p, s) for p, s in texts]
        words = sum(len(s.split()) for _, s in texts)
        t = time.perf_counter()
        found = sum(len(run_rules(d, engine)[0]) for d in docs)
        took = time.perf_counter() - t
    print(json.dumps({"words": words, "seconds": took, "load": load, "findings": found,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run(args, select: str, on: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", "on" if on else "off", "--select", select,
           "--limit", str(args.limit), *map(str, args.dirs)]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--child", choices=("on", "off"), help=argparse.SUPPRESS)
    ap.add_argument("--select", default=RULE, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.dirs = args.dirs or [DEV]
    if args.child:
        child(args.dirs, args.limit, None if args.select == "default" else [args.select], args.child == "on")
        return
    from newslint.rules.lang import tagger

    if not tagger.available():
        sys.exit(f"the error tagger is not installed ({tagger.INSTALL})")
    for select in (RULE, "default"):
        off, on = run(args, select, False), run(args, select, True)
        print(f"{select if select != 'default' else 'default rule set'} on {off['words']:,} words:")
        for name, r in (("tagger off", off), ("tagger on", on)):
            print(f"  {name:10}  {r['words'] / r['seconds']:8,.0f} words/s  peak {r['peak_mb']:5.0f} MB  "
                  f"first story (loading) {r['load']:5.2f} s  {r['findings']} findings")
        print(f"  with the tagger: {off['seconds'] and on['seconds'] / off['seconds']:.2f}x the time, "
              f"{on['peak_mb'] - off['peak_mb']:+.0f} MB peak")


if __name__ == "__main__":
    main()
