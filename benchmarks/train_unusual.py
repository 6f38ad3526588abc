#!/usr/bin/env python3
"""Fit the weights of word-choice/unusual-word on the dev benchmark and write
``rules/data/unusual_word.toml``.

    python benchmarks/train_unusual.py            # needs ../shared/eval/dev and dev-md

Features come from ``rules.word_choice.unusual_word.candidates`` (the rule's own code). The
model is a logistic regression over seven numbers, standardised and fitted by Newton's
method with a small L2 penalty, positives weighted up to balance the classes. Before the final fit it is
cross-validated with folds grouped by the injected word (positives) and by article
(negatives), so the printed recall is for words and stories the fit has not seen. The
thresholds are set where neither dev set gets more than 0.25 false alarms per 1,000 words
at warning level, or more than 1.0 in all. No article text is stored: only weights.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

from logistic import fit, predict, recall_at, write_model  # noqa: E402

from newslint.markup import parse  # noqa: E402
from newslint.rules.lang import provenance  # noqa: E402
from newslint.rules.word_choice.unusual_word import FEATURES, SCORE, UnusualWord, candidates  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "rules" / "data" / "unusual_word.toml"


def collect(set_dir: Path):
    gold: dict[str, set[tuple[int, int]]] = {}
    total = 0
    for line in (set_dir / "gold.jsonl").read_text().splitlines():
        g = json.loads(line)
        if g["kind"] == "odd-word":
            gold.setdefault(g["file"], set()).add((g["start"], g["end"]))
            total += 1
    rows, words = [], 0
    for dirty in sorted((set_dir / "dirty").iterdir()):
        clean = set_dir / "clean" / dirty.name
        text = clean.read_text(encoding="utf-8")
        words += len(text.split())
        for c in candidates(parse(str(clean), text), UnusualWord.skip_scopes):
            rows.append((0, c.token, dirty.name, c.features))
        doc = parse(str(dirty), dirty.read_text(encoding="utf-8"))
        for c in candidates(doc, UnusualWord.skip_scopes):
            if doc.source_span(c.word.start, c.word.end) in gold.get(dirty.name, ()):
                rows.append((1, c.token, dirty.name, c.features))
    return rows, words, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--warning-rate", type=float, default=0.25)
    ap.add_argument("--info-rate", type=float, default=1.0)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the TOML")
    args = ap.parse_args()

    rows, words, total = [], 0, 0
    sets = []  # (first row, end row, words, odd words) per set
    for name in ("dev", "dev-md"):
        if not (args.eval / name / "gold.jsonl").exists():
            sys.exit(f"{args.eval / name} not found: the dev benchmark is needed to fit the weights")
        r, w, t = collect(args.eval / name)
        sets.append((len(rows), len(rows) + len(r), w, t))
        rows += r
        words += w
        total += t
        print(f"{name}: {sum(1 for x in r if x[0])} of {t} odd words are candidates; "
              f"{sum(1 for x in r if not x[0])} candidates on clean copy ({w} words)")
    x = np.array([[f[k] for k in FEATURES] for _, _, _, f in rows])
    y = np.array([lab for lab, _, _, _ in rows], dtype=float)

    folds = np.array([zlib.crc32((tok if lab else f).encode()) % 5 for lab, tok, f, _ in rows])
    cv = np.zeros(len(y))
    for k in range(5):
        cv[folds == k] = predict(fit(x[folds != k], y[folds != k]), x[folds == k])
    cv_summary = {rate: round(recall_at(cv, y, words, total, rate)[0], 3) for rate in (0.25, 0.5, 1.0, 2.0)}
    print("cross-validated odd-word recall at false alarms per 1k words:", cv_summary)

    beta = fit(x, y)
    scores = predict(beta, x)
    # each threshold holds the false-alarm rate on every set, not just on the two together
    warn_thr = max(recall_at(scores[a:b], y[a:b], w, t, args.warning_rate)[1] for a, b, w, t in sets)
    info_thr = max(recall_at(scores[a:b], y[a:b], w, t, args.info_rate)[1] for a, b, w, t in sets)
    warn_recall = float(((scores > warn_thr) & (y == 1)).sum() / total)
    info_recall = float(((scores > info_thr) & (y == 1)).sum() / total)
    for rate in (0.75, 1.0, 1.25, 1.5, 2.0):
        r, t = recall_at(scores, y, words, total, rate)
        print(f"  at {rate} false alarms per 1k words: threshold {t:.3f}, recall {r:.3f}")
    print(f"fitted: warning >= {warn_thr:.3f} (recall {warn_recall:.3f}), info >= {info_thr:.3f} "
          f"(recall {info_recall:.3f})")
    header = f"""# Weights of word-choice/unusual-word (rules/word_choice/unusual_word.py).
# Written by benchmarks/train_unusual.py on {datetime.date.today()}: a logistic regression over the
# rule's seven features, fitted on the candidates of ../shared/eval/dev and dev-md (news articles
# and 18F blog posts with injected errors; {total} out-of-place words, {words} words of clean copy).
# Source of the data: the dev benchmark's gold spans; no article text is stored here.
# Cross-validated recall (folds grouped by injected word and by article) at false alarms per
# 1,000 words: {cv_summary}."""
    write_model(OUT, header, beta, FEATURES,
                (warn_thr, f"# score from which a finding is a warning: at most {args.warning_rate} false alarms "
                           f"per 1,000 words\n# on each dev set, recall {warn_recall:.3f} over both"),
                (info_thr, f"# score from which a finding is an info note: at most {args.info_rate} false alarms "
                           f"per 1,000 words\n# in all on each dev set, recall {info_recall:.3f} over both"),
                provenance.record("benchmarks/train_unusual.py", "../shared/eval/dev and dev-md",
                                  provenance.dataset_sha256(args.eval / "dev", args.eval / "dev-md"), SCORE.sources),
                args.dry_run)


if __name__ == "__main__":
    main()
