"""The score bands of the statistical word-choice rules, measured on judged real copy.

    python benchmarks/wordchoice_bands.py                 # per rule: judged findings by score
    python benchmarks/wordchoice_bands.py --cuts real-word=0.99,0.976 ...   # precision per band

For every story of ``../shared/corpus`` with a judged finding of unusual-word, real-word or
confused-word (``benchmarks/judged/*.jsonl``), the rule's candidates are scored again
(``Rule.scored``: the same numbers ``check`` uses) and joined to the judgements by (corpus,
file, line, column, rule). The judged findings were drawn from what the rules reported at the
time, so a band below the lowest score then reported has no judgements: it is measured by
judging a sample of it first (``precision.py sample``). The output is what
``rules/data/word_choice_bands.toml`` records: per band, the judged findings and how many
were TRUE.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from precision import BAD, CORPORA, JUDGED, corpus_dir  # noqa: E402

RULES = ("word-choice/unusual-word", "word-choice/real-word", "word-choice/confused-word")


def judged() -> dict[tuple, dict]:
    out = {}
    for path in sorted(JUDGED.glob("*.jsonl")):
        corpus = path.name.split(".")[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                if j["rule"] in RULES:
                    out[(j.get("corpus", corpus), j["file"], j["line"], j["column"], j["rule"])] = j
    return out


def rule_instances(dialect: str) -> dict:
    from newslint.api import RunSettings
    from newslint.rules.word_choice.confused_word import ConfusedWord
    from newslint.rules.word_choice.real_word import RealWord
    from newslint.rules.word_choice.unusual_word import UnusualWord

    # real-word's bands ([real-word]) are of its score without the error tagger (newslint[tagger]),
    # which has its own fit and bands ([real-word-tagger], not measured on judged copy yet)
    return {cls.id: cls(cls.make_options({"tagger": False} if cls is RealWord else {}), RunSettings(dialect=dialect))
            for cls in (UnusualWord, RealWord, ConfusedWord)}


def scores(keys: dict[tuple, dict]) -> list[tuple[str, float, str, tuple]]:
    """(rule, score, label, key) of every judged finding the rules still produce."""
    from newslint.api import parse

    files = defaultdict(set)
    for corpus, file, *_ in keys:
        files[corpus].add(file)
    out = []
    for corpus, names in sorted(files.items()):
        rules = rule_instances(CORPORA[corpus][1])
        for name in sorted(names):
            path = corpus_dir(corpus) / name
            if not path.is_file():
                continue
            doc = parse(str(path), path.read_text(encoding="utf-8"))
            for rid, rule in rules.items():
                for c, score in rule.scored(doc):
                    d = rule.report(doc, c.word.start, c.word.end, "")
                    key = (corpus, name, d.line, d.column, rid)
                    if key in keys:
                        out.append((rid, score, keys[key]["label"], key))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cuts", nargs="*", default=[], help="rule=score,score,... (band lower bounds)")
    ap.add_argument("--without", nargs="*", default=[], help="kinds of false alarm not to apply (rules/word_choice/kinds.py)")
    args = ap.parse_args()
    from newslint.rules.word_choice import kinds

    kinds.ENABLED.difference_update(args.without)
    keys = judged()
    rows = scores(keys)
    seen = {r[3] for r in rows}
    for rid in RULES:
        mine = sorted((r for r in rows if r[0] == rid), key=lambda r: -r[1])
        lost = sum(1 for k in keys if k[4] == rid and k not in seen)
        print(f"{rid}: {len(mine)} judged findings scored ({lost} judged no longer produced)")
        for _, score, label, key in mine:
            print(f"  {score:8.4f} {label:5s} {key[0]}:{key[1]}:{key[2]}:{key[3]}")
    for spec in args.cuts:
        name, _, cuts = spec.partition("=")
        rid = f"word-choice/{name}"
        bounds = sorted((float(x) for x in cuts.split(",")), reverse=True)
        mine = [r for r in rows if r[0] == rid]
        hi = float("inf")
        for lo in bounds:
            band = [r for r in mine if lo <= r[1] < hi]
            true = sum(1 for r in band if r[2] not in BAD)
            print(f"{rid} [{lo}, {hi}): judged {len(band)} true {true}"
                  f" precision {true / len(band) if band else float('nan'):.2f}")
            hi = lo


if __name__ == "__main__":
    main()
