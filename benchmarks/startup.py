#!/usr/bin/env python3
"""Start-up and memory of the one-story case (pre-commit, an editor save), measured side
by side with Harper alone in the same Python, and a long story's time and memory.

    python benchmarks/startup.py              # seed story, 5 alternating runs each
    python benchmarks/startup.py --big 5      # also a 5 MB story (18F corpus text if present)

Each run is a fresh process; wall time and peak resident memory come from wait4(), so
the two commands are measured the same way, alternately, and reported as medians and
ratios (timings on a shared machine are noisy: compare ratios, not seconds). newslint's data
cache (word tables compiled once per install) is built before the side-by-side runs; the
first run after an install, which builds it, is reported on its own line.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7467d37895fd2b1a.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "18f"
HARPER = ("import sys, harper; text = open(sys.argv[1], encoding='utf-8').read(); "
          "harper.Linter().lint(text, language=harper.Language.PLAINTEXT)")


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak MB) of one fresh process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def newslint_cmd(path: Path) -> list[str]:
    exe = Path(sys.executable).parent / "newslint"
    return [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "newslint"]),
            "check", "--format", "json", "--no-cache", str(path)]  # the cold case: a changed story


def first_run(path: Path, runs: int) -> None:
    """The first run after an install: the data cache is empty and its tables are built."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            out.append(measure(newslint_cmd(path), {**os.environ, "NEWSLINT_DATA_CACHE": tmp}))
    print(f"  first run after install (data cache built): {statistics.median(x[0] for x in out):5.2f} s  "
          f"{statistics.median(x[1] for x in out):6.0f} MB")


def side_by_side(path: Path, runs: int) -> None:
    measure(newslint_cmd(path))  # the data cache is built once per install, not per story
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(measure(newslint_cmd(path)))
        theirs.append(measure([sys.executable, "-c", HARPER, str(path)]))
    t1, m1 = statistics.median(x[0] for x in ours), statistics.median(x[1] for x in ours)
    t0, m0 = statistics.median(x[0] for x in theirs), statistics.median(x[1] for x in theirs)
    print(f"one story ({path.name}, {runs} runs each, medians)")
    print(f"  newslint check (default rules): {t1:5.2f} s  {m1:6.0f} MB")
    print(f"  Harper alone, same Python:      {t0:5.2f} s  {m0:6.0f} MB")
    print(f"  ratio:                          {t1 / t0:5.2f}x  {m1 / m0:5.2f}x")


def big_story(mb: float, out: Path) -> Path:
    """A long Markdown story: the 18F posts' bodies (public domain) when present, else the
    project's own seed and examples, repeated with numbered paragraphs."""
    if CORPUS.is_dir():
        parts = [re.sub(r"\A---\n.*?\n---\n", "", p.read_text(encoding="utf-8", errors="replace"), flags=re.S)
                 for p in sorted(CORPUS.rglob("*.md"))]
    else:
        base = [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.md"))]
        parts = [f"Part {i}. " + t for i in range(2000) for t in base]
    body = "\n\n".join(parts)
    n = int(mb * 1_000_000)
    out.write_text((body * (n // len(body) + 1))[:n], encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big", type=float, nargs="*", default=[], help="sizes in MB of long stories to time")
    args = ap.parse_args()
    side_by_side(SEED, args.runs)
    first_run(SEED, 3)
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.big:
            path = big_story(mb, Path(tmp) / f"story-{mb:g}mb.md")
            secs, peak = measure(newslint_cmd(path))
            print(f"{mb:g} MB story: {secs:6.1f} s  {peak:6.0f} MB peak  ({mb * 1e6 / secs / 1000:.0f} kB/s)")


if __name__ == "__main__":
    main()
