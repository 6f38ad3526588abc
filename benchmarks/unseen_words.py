#!/usr/bin/env python3
"""Generalisation check for word-choice/unusual-word: rebuild the dev benchmark with
out-of-place words it was not fitted on, then score it.

    python benchmarks/unseen_words.py            # needs ../shared/eval (inject.py, raw/, dev, dev-md)

The dev sets' clean articles get errors injected again by ../shared/eval/inject.py, with a
new random seed and the twenty words below as the out-of-place words (none of them is in
the dev sets' list). The sets are written to a temporary folder, never into the project
(the articles are CC BY-SA, for evaluation only).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

# Concrete, everyday words, none of which occurs in the dev sets' list of injected words.
UNSEEN = ("marmalade trombone hamster glitter muffin sofa teapot confetti kitten lollipop slipper "
          "pancake umbrella giraffe cupcake carousel saxophone walrus pudding penguin").split()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--eval", type=Path, default=EVAL)
    args = ap.parse_args()
    if not (args.eval / "inject.py").exists():
        sys.exit(f"{args.eval} not found: the dev benchmark is needed")
    sys.path.insert(0, str(args.eval))
    import inject  # the benchmark's own injector

    misspellings = inject.load_misspellings(args.eval / "raw" / "misspellings.tsv", "tsv")
    with tempfile.TemporaryDirectory() as tmp:
        for name, markdown, flags in (("dev", False, " --dialect en-GB"), ("dev-md", True, "")):
            articles = [(p.name, p.read_text(encoding="utf-8"))
                        for p in sorted((args.eval / name / "clean").iterdir())]
            out = Path(tmp) / name
            inject.build(articles, out, misspellings, UNSEEN, seed=args.seed, markdown=markdown)
            print(f"== {name} with unseen out-of-place words (seed {args.seed})", flush=True)
            subprocess.run([sys.executable, str(args.eval / "score.py"), str(out),
                            "--cmd", "newslint check --format json" + flags], check=True)


if __name__ == "__main__":
    main()
