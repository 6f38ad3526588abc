#!/usr/bin/env python3
"""Speed benchmark, one process, one core: words per second of single rules on parsed stories.

    python benchmarks/speed.py [--limit 300] [--every-rule] [--processes 3] [DIR ...]

Stories come from the folders given, else ../shared/eval/dev/clean and ../shared/corpus/18f
when present. Reports:
- spelling/unknown-word: load time (first use) and words/s once loaded (cold: empty caches;
  warm: the same stories again);
- Harper: words/s linting whole stories, single paragraphs, and runs of blocks (the rule's way);
- readability rules: their share of the default rule set's time;
- with ``--every-rule``: words/s of each rule alone, cold and warm;
- with ``--processes N``: whole commands side by side, alternately, N times each (medians):
  ``newslint check --no-cache`` with ``--jobs 1`` and ``--jobs 2``, its own rules without
  Harper, and Harper alone (its default rules, whole stories, one process), as ratios.
Timings are noisy; compare ratios, not absolute numbers.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from newslint.context import Overrides, RunContext  # noqa: E402
from newslint.markup import SUPPORTED_EXTENSIONS, parse  # noqa: E402
from newslint.runner import run_rules  # noqa: E402


def stories(dirs: list[Path], limit: int):
    files = []
    for d in dirs:
        if d.is_dir():
            files += sorted(p for p in d.rglob("*") if p.suffix.lower() in SUPPORTED_EXTENSIONS)
    return [parse(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files[:limit]]


def engine_for(select: list[str] | None, ignore: list[str] | None = None):
    ctx = RunContext(Overrides(config=None, select=select, ignore=ignore or []))
    engine = ctx.engine(None)
    ctx.wait_warm()
    return engine


def timed(docs, engine) -> float:
    t = time.perf_counter()
    for d in docs:
        run_rules(d, engine)
    return time.perf_counter() - t


def fresh(docs):
    """Documents parsed anew (tokens and sentences are cached on a Document)."""
    return [parse(d.path, d.source) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--every-rule", action="store_true", help="words/s of each rule alone, cold and warm")
    ap.add_argument("--processes", type=int, default=0, help="time whole commands side by side, N runs each")
    args = ap.parse_args()
    dirs = args.dirs or [ROOT.parent / "shared" / "eval" / "dev" / "clean", ROOT.parent / "shared" / "corpus" / "18f"]
    docs = stories(dirs, args.limit)
    if not docs:
        print("no stories found")
        return
    words = sum(d.word_count for d in docs)
    print(f"{len(docs)} stories, {words} words")

    # spelling: load, then cold and warm throughput
    eng = engine_for(["spelling/unknown-word"])
    t = time.perf_counter()
    run_rules(parse("x.txt", "Loading the lexicon and its sugestion index.\n"), eng)  # a slip builds the index
    load = time.perf_counter() - t
    cold = timed(fresh(docs), eng)
    warm = timed(fresh(docs), eng)
    print(f"spelling/unknown-word: load {load:.2f} s; {words / cold:,.0f} words/s cold, {words / warm:,.0f} warm")

    # word choice: language model and word vectors
    for rule_id in ("word-choice/confused-word", "word-choice/unusual-word", "word-choice/real-word"):
        wc = engine_for([rule_id])
        t = time.perf_counter()
        run_rules(parse("x.txt", "The council met on Tuesday to discuss the budget deficit.\n"), wc)
        load = time.perf_counter() - t
        t_cold = timed(fresh(docs), wc)
        t_wc = timed(fresh(docs), wc)
        print(f"{rule_id}: load {load:.2f} s; {words / t_cold:,.0f} words/s cold, {words / t_wc:,.0f} warm")

    # Harper: whole stories, single paragraphs, and runs of blocks (the rule's way), uncached
    import harper

    from newslint.rules.grammar import harper_backend as hb
    from newslint.rules.grammar.harper import chunks

    lin = hb.get_linter("en-US", hb.NOISY_ON_NEWS)
    t = time.perf_counter()
    for d in docs:
        lin.organized_lints(d.prose, language=harper.Language.PLAINTEXT)
    whole = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        for b in d.blocks:
            lin.organized_lints(d.prose[b.start:b.end], language=harper.Language.PLAINTEXT)
    per_block = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        for s, e, _ in chunks(d):
            lin.organized_lints(d.prose[s:e], language=harper.Language.PLAINTEXT)
    runs = time.perf_counter() - t
    print(f"Harper: {words / whole:,.0f} words/s whole stories, {words / per_block:,.0f} per paragraph, "
          f"{words / runs:,.0f} in runs of blocks (the rule's way)")

    # Harper alone as a tool: its default rules on each whole story
    plain = harper.Linter()
    t = time.perf_counter()
    for d in docs:
        plain.organized_lints(d.prose, language=harper.Language.PLAINTEXT)
    harper_alone = time.perf_counter() - t

    # readability's share of the default rule set (Harper's cache cleared before each run)
    all_rules = engine_for(None)
    no_read = engine_for(None, ["readability"])
    timed(docs[:5], all_rules)  # load everything once
    hb.lint_block.cache_clear()
    t_all = timed(fresh(docs), all_rules)
    hb.lint_block.cache_clear()
    t_nr = timed(fresh(docs), no_read)
    print(f"default rules: {words / t_all:,.0f} words/s; without readability {words / t_nr:,.0f} words/s; "
          f"readability adds {100 * (t_all - t_nr) / t_nr:.1f}%")
    print(f"Harper alone (its default rules, whole stories): {words / harper_alone:,.0f} words/s; "
          f"the default rule set is {harper_alone / t_all:.2f}x as fast")


    if args.every_rule:
        every_rule(docs, words)
    if args.processes:
        processes(docs, words, args.processes)


def every_rule(docs, words: int) -> None:
    """Each rule alone: words/s on the stories parsed anew (cold: its caches empty), then again (warm)."""
    from newslint.registry import default_registry

    print(f"{'rule':<30} {'cold w/s':>10} {'warm w/s':>10}")
    for rule_id in sorted(default_registry().rules):
        if rule_id in ("grammar/languagetool",):
            continue  # needs a server the user provides
        eng = engine_for([rule_id])
        cold = timed(fresh(docs), eng)
        warm = timed(fresh(docs), eng)
        print(f"{rule_id:<30} {words / cold:>10,.0f} {words / warm:>10,.0f}")


HARPER_FILES = ("import sys, harper\n"
                "lin = harper.Linter()\n"
                "for p in sys.argv[1:]:\n"
                "    lin.organized_lints(open(p, encoding='utf-8').read(), language=harper.Language.PLAINTEXT)\n")


def processes(docs, words: int, runs: int) -> None:
    """Whole commands over the same stories, alternately, `runs` times each: medians and ratios
    to Harper alone (timings on a shared machine are noisy: compare the ratios of one run)."""
    paths = [d.path for d in docs]
    script = Path(sys.executable).parent / "newslint"  # the command users run (python -m has no early start)
    exe = [*([str(script)] if script.exists() else [sys.executable, "-m", "newslint"]),
           "check", "--format", "json", "--no-cache", "--exit-zero", "--quiet"]
    cmds = {
        "Harper alone": [sys.executable, "-c", HARPER_FILES, *paths],
        "newslint --jobs 1": [*exe, "--jobs", "1", *paths],
        "newslint --jobs 2": [*exe, "--jobs", "2", *paths],
        "own rules, --jobs 1": [*exe, "--jobs", "1", "--ignore", "grammar/harper", *paths],
    }
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t)
    base = statistics.median(times["Harper alone"])
    print(f"whole commands over {len(paths)} stories ({words} words), {runs} runs each, medians:")
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"  {name:<22} {m:7.1f} s  {words / m:8,.0f} words/s  {base / m:5.2f}x Harper alone")


if __name__ == "__main__":
    main()
