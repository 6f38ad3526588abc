"""Learning a newsroom's vocabulary from its published stories (`newslint learn`)."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from linter.markup import SUPPORTED_EXTENSIONS, parse
from linter.textio import BinaryFile, read_story

from .unknown_word import _known_lower
from .lexicon import lexicon


def learn_words(paths: list[str], min_count: int = 3, min_files: int = 2) -> list[tuple[str, int, int]]:
    """Words the general lexicon does not know, used at least `min_count` times in at least
    `min_files` stories: (word as most often written, uses, stories), most used first."""
    uses: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    lex = lexicon()
    for root in paths:
        p = Path(root)
        candidates = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.suffix.lower() in SUPPORTED_EXTENSIONS)
        for f in candidates:
            try:
                doc = parse(str(f), read_story(f).text)
            except (OSError, BinaryFile):
                continue
            for w in doc.words:
                t = w.text.replace("\u2019", "'")
                if t.endswith("'s"):
                    t = t[:-2]
                if not t.isalpha() or len(t) < 3 or t.isupper():
                    continue
                low = t.lower()
                if lex.in_curated(low) or _known_lower(low):
                    continue
                uses[low] += 1
                files[low].add(str(f))
                forms[low][t] += 1
    out = [(forms[w].most_common(1)[0][0], n, len(files[w])) for w, n in uses.items()
           if n >= min_count and len(files[w]) >= min_files]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out
