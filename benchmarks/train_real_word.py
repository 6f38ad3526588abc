#!/usr/bin/env python3
"""Fit the weights of word-choice/real-word and write ``rules/data/real_word.toml``.

    python benchmarks/train_real_word.py          # needs ../shared/eval/dev-rw and wiki-rw
    python benchmarks/train_real_word.py --tagger # the second fit, with the error tagger's
                                                  # features (pip install -e ".[tagger]"):
                                                  # rules/data/real_word_tagger.toml

Rows come from ``rules.word_choice.real_word.candidates`` (the rule's own code): every
judged word whose best alternative makes the sentence more probable. Positives are the
candidates on the gold slips of dev-rw (injected) and wiki-rw (natural, from Wikipedia's
revision history); negatives are the candidates on the clean copy of both. Folds are
grouped by article, so the cross-validated recall is for stories the fit has not seen,
and it is printed for the natural set on its own: that is the number that carries over.
Thresholds: a warning where the clean news copy gets at most --warning-rate false alarms
per 1,000 words, an info note down to --info-rate. No article text is stored: only weights.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import zlib
from pathlib import Path

import numpy as np
from logistic import fit, predict, recall_at, write_model

from newslint.markup import parse
from newslint.rules.lang import provenance
from newslint.rules.lang import tagger
from newslint.rules.word_choice.real_word import FEATURES, SCORE, TAGGER_FEATURES, TAGGER_SCORE, RealWord, candidates

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "rules" / "data" / "real_word.toml"
TAGGER_OUT = ROOT / "rules" / "data" / "real_word_tagger.toml"
# the evidence sources, by the features each contributes
SOURCES = {
    "trigram gain (pocketsphinx LM)": ("gain",),
    "bigram presence (pocketsphinx LM)": ("own_left", "own_right", "alt_left", "alt_right"),
    "word frequency (wordfreq)": ("zipf_own", "zipf_alt"),
    "repetition in the story": ("repeats",),
    "error tagger (quire-grammar-model)": TAGGER_FEATURES,  # with --tagger only
}


def collect(set_dir: Path, tagger_model=None):
    gold: dict[str, set[tuple[int, int]]] = {}
    total = 0
    for line in (set_dir / "gold.jsonl").read_text().splitlines():
        g = json.loads(line)
        if g["kind"] == "real-word":
            gold.setdefault(g["file"], set()).add((g["start"], g["end"]))
            total += 1
    rows, words = [], 0
    for dirty in sorted((set_dir / "dirty").iterdir()):
        clean = set_dir / "clean" / dirty.name
        text = clean.read_text(encoding="utf-8")
        words += len(text.split())
        for c in candidates(parse(str(clean), text), RealWord.skip_scopes, tagger_model=tagger_model):
            rows.append((0, dirty.name, c.features))
        doc = parse(str(dirty), dirty.read_text(encoding="utf-8"))
        for c in candidates(doc, RealWord.skip_scopes, tagger_model=tagger_model):
            if doc.source_span(c.word.start, c.word.end) in gold.get(dirty.name, ()):
                rows.append((1, dirty.name, c.features))
    return rows, words, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--warning-rate", type=float, default=0.05)
    ap.add_argument("--info-rate", type=float, default=0.7)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the TOML")
    ap.add_argument("--ablate", action="store_true", help="also report each evidence source's gain")
    ap.add_argument("--tagger", action="store_true",
                    help="fit with the error tagger's features too (newslint[tagger]) and write "
                         f"{TAGGER_OUT.relative_to(ROOT)}")
    ap.add_argument("--rows", type=Path, help="keep the collected candidates' features in this JSON file "
                    "and read them from it when it exists (refits without rescoring; not the article text)")
    args = ap.parse_args()
    if args.tagger and not tagger.available():
        sys.exit(f"--tagger: the error tagger is not installed ({tagger.INSTALL})")
    tagger_model = tagger.load() if args.tagger else None
    features = FEATURES + TAGGER_FEATURES if args.tagger else FEATURES
    score, out = (TAGGER_SCORE, TAGGER_OUT) if args.tagger else (SCORE, OUT)
    data = json.loads(args.rows.read_text()) if args.rows and args.rows.exists() else {}
    for name in ("dev-rw", "wiki-rw"):
        if name in data:
            continue
        if not (args.eval / name / "gold.jsonl").exists():
            sys.exit(f"{args.eval / name} not found: the real-word benchmarks are needed to fit the weights")
        data[name] = collect(args.eval / name, tagger_model)
    if args.rows:
        args.rows.write_text(json.dumps(data))
    for name, (r, w, t) in data.items():
        print(f"{name}: {sum(1 for x in r if x[0])} of {t} slips are candidates; "
              f"{sum(1 for x in r if not x[0])} candidates on clean copy ({w} words)")
    rows = [(lab, name, f, feats) for name, (r, _, _) in data.items() for lab, f, feats in r]
    x = np.array([[feats[k] for k in features] for _, _, _, feats in rows])
    y = np.array([lab for lab, _, _, _ in rows], dtype=float)
    sets = np.array([name for _, name, _, _ in rows])
    folds = np.array([zlib.crc32(f"{name}/{f}".encode()) % 5 for _, name, f, _ in rows])
    def cross_validated(cols: list[int], at_bars: dict | None = None) -> dict[str, dict[float, float]]:
        cv = np.zeros(len(y))
        for k in range(5):
            cv[folds == k] = predict(fit(x[folds != k][:, cols], y[folds != k]), x[folds == k][:, cols])
        out = {}
        for name, (_, w, t) in data.items():
            m = sets == name
            out[name] = {rate: round(recall_at(cv[m], y[m], w, t, rate)[0], 3) for rate in (0.1, 0.5, 1.0, 2.0)}
        if at_bars is not None:
            # each set's recall at the rule's two bars, set as the fit sets them: where the
            # clean news copy (dev-rw) gets the warning and info rates of false alarms
            news = sets == "dev-rw"
            _, w, t = data["dev-rw"]
            for label, rate in (("warning", args.warning_rate), ("info", args.info_rate)):
                thr = recall_at(cv[news], y[news], w, t, rate)[1]
                at_bars[label] = {name: round(float(((cv[sets == name] > thr) & (y[sets == name] == 1)).sum() / t2), 3)
                                  for name, (_, _, t2) in data.items()}
        return out

    bars: dict = {}
    summary = cross_validated(list(range(len(features))), bars)
    for name in data:
        print(f"cross-validated recall on {name} at false alarms per 1k words:", summary[name])
    print("cross-validated recall at the warning bar (at or above it):", bars["warning"])
    print("cross-validated recall at the info bar (any level):", bars["info"])
    if args.ablate:
        for group in SOURCES:
            if not set(SOURCES[group]) & set(features):
                continue
            cols = [i for i, f in enumerate(features) if f not in SOURCES[group]]
            without_bars: dict = {}
            without = cross_validated(cols, without_bars)
            print(f"  without {group}: " + "; ".join(
                f"{name} {without[name][1.0]} ({without[name][1.0] - summary[name][1.0]:+.3f}) at 1.0, "
                f"{without_bars['info'][name]} ({without_bars['info'][name] - bars['info'][name]:+.3f}) at the info bar"
                for name in data))
    beta = fit(x, y)
    scores = predict(beta, x)
    news = sets == "dev-rw"
    _, w, t = data["dev-rw"]
    warn_thr = recall_at(scores[news], y[news], w, t, args.warning_rate)[1]
    info_thr = recall_at(scores[news], y[news], w, t, args.info_rate)[1]
    for name, (_, w2, t2) in data.items():
        m = sets == name
        for label, thr in (("warning", warn_thr), ("info", info_thr)):
            r = float(((scores[m] > thr) & (y[m] == 1)).sum() / t2)
            fa = float(((scores[m] > thr) & (y[m] == 0)).sum() * 1000 / w2)
            print(f"  {name} at {label} ({thr:.3f}): recall {r:.3f}, false alarms {fa:.2f} per 1k words")
    header = f"""# Weights of word-choice/real-word (rules/word_choice/real_word.py){" with the error tagger (rules/lang/tagger.py)" if args.tagger else ""}.
# Written by benchmarks/train_real_word.py on {datetime.date.today()}: a logistic regression over the
# rule's features{" and the error tagger's (quire-grammar-model; its bands: [real-word-tagger] of word_choice_bands.toml)" if args.tagger else ""}, fitted on the candidates of ../shared/eval/dev-rw (slips injected into news
# articles) and wiki-rw (natural slips from Wikipedia's revision history), clean copy as negatives.
# Source of the data: the benchmarks' gold spans; no article text is stored here.
# Cross-validated recall (folds grouped by article) at false alarms per 1,000 words:
# {summary}
# and at the warning and info bars (set where dev-rw's clean copy, scored out of fold, gives the rates below): {bars}"""
    write_model(out, header, beta, features,
                (warn_thr, f"# a warning from this score: at most {args.warning_rate} false alarms per 1,000 words "
                           "of clean news copy"),
                (info_thr, f"# an info note from this score: at most {args.info_rate} per 1,000 words in all"),
                provenance.record("benchmarks/train_real_word.py", "../shared/eval/dev-rw and wiki-rw",
                                  provenance.dataset_sha256(args.eval / "dev-rw", args.eval / "wiki-rw"), score.sources),
                args.dry_run)


if __name__ == "__main__":
    main()
