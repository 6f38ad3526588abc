#!/usr/bin/env python3
"""Speed benchmark, one process, one core: words per second of single rules on parsed stories.

    python benchmarks/speed.py [--limit 300] [DIR ...]

Stories come from the folders given, else ../shared/eval/dev/clean and ../shared/corpus/18f
when present. Reports:
- spelling/unknown-word: load time (first use) and words/s once loaded (cold: empty caches;
  warm: the same stories again);
- Harper: words/s linting whole stories, single paragraphs, and runs of blocks (the rule's way);
- readability rules: their share of the default rule set's time.
Timings are noisy; compare ratios, not absolute numbers.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from newslint.config import Config  # noqa: E402
from newslint.markup import SUPPORTED_EXTENSIONS, parse  # noqa: E402
from newslint.registry import default_registry  # noqa: E402
from newslint.runner import run_rules  # noqa: E402


def stories(dirs: list[Path], limit: int):
    files = []
    for d in dirs:
        if d.is_dir():
            files += sorted(p for p in d.rglob("*") if p.suffix.lower() in SUPPORTED_EXTENSIONS)
    return [parse(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files[:limit]]


def rules_for(select: list[str] | None, ignore: list[str] | None = None):
    cfg = Config(select=select, ignore=ignore or [])
    return cfg, cfg.build_rules(default_registry())


def timed(docs, cfg, rules) -> float:
    t = time.perf_counter()
    for d in docs:
        run_rules(d, rules, cfg)
    return time.perf_counter() - t


def fresh(docs):
    """Documents parsed anew (tokens and sentences are cached on a Document)."""
    return [parse(d.path, d.source) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    dirs = args.dirs or [ROOT.parent / "shared" / "eval" / "dev" / "clean", ROOT.parent / "shared" / "corpus" / "18f"]
    docs = stories(dirs, args.limit)
    if not docs:
        print("no stories found")
        return
    words = sum(d.word_count for d in docs)
    print(f"{len(docs)} stories, {words} words")

    # spelling: load, then cold and warm throughput
    cfg, rules = rules_for(["spelling/unknown-word"])
    t = time.perf_counter()
    run_rules(parse("x.txt", "Loading the lexicon and its sugestion index.\n"), rules, cfg)  # a slip builds the index
    load = time.perf_counter() - t
    cold = timed(fresh(docs), cfg, rules)
    warm = timed(fresh(docs), cfg, rules)
    print(f"spelling/unknown-word: load {load:.2f} s; {words / cold:,.0f} words/s cold, {words / warm:,.0f} warm")

    # word choice: language model and word vectors
    for rule_id in ("word-choice/confused-word", "word-choice/unusual-word"):
        cfg_wc, wc = rules_for([rule_id])
        t = time.perf_counter()
        run_rules(parse("x.txt", "The council met on Tuesday to discuss the budget deficit.\n"), wc, cfg_wc)
        load = time.perf_counter() - t
        t_wc = timed(fresh(docs), cfg_wc, wc)
        print(f"{rule_id}: load {load:.2f} s; {words / t_wc:,.0f} words/s")

    # Harper: whole stories, single paragraphs, and runs of blocks (the rule's way), uncached
    import harper

    from newslint.rules.grammar import harper_backend as hb
    from newslint.rules.grammar.check import chunks

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

    # readability's share of the default rule set (Harper's cache cleared before each run)
    cfg_all, all_rules = rules_for(None)
    cfg_nr, no_read = rules_for(None, ["readability"])
    timed(docs[:5], cfg_all, all_rules)  # load everything once
    hb.lint_block.cache_clear()
    t_all = timed(fresh(docs), cfg_all, all_rules)
    hb.lint_block.cache_clear()
    t_nr = timed(fresh(docs), cfg_nr, no_read)
    print(f"default rules: {words / t_all:,.0f} words/s; without readability {words / t_nr:,.0f} words/s; "
          f"readability adds {100 * (t_all - t_nr) / t_nr:.1f}%")


if __name__ == "__main__":
    main()
