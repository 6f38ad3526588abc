"""`newslint learn`: a newsroom dictionary of the names and terms its archive uses often.

The spelling rules contribute this command through the ``newslint.commands`` entry-point
group; stories are found and parsed by the engine (``newslint.api.documents``), so the
command sees exactly the files a check would.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import List

import typer

from newslint.api import documents

from .lexicon import lexicon
from .unknown_word import _known_lower


def learn_words(paths: list[str], min_count: int = 3, min_files: int = 2,
                skipped: list[str] | None = None) -> list[tuple[str, int, int]]:
    """Words the general lexicon does not know, used at least `min_count` times in at least
    `min_files` stories: (word as most often written, uses, stories), most used first; the
    stories that could not be read are said in `skipped`."""
    uses: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    lex = lexicon()
    for path, doc in documents(paths, skipped):
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
            files[low].add(path)
            forms[low][t] += 1
    out = [(forms[w].most_common(1)[0][0], n, len(files[w])) for w, n in uses.items()
           if n >= min_count and len(files[w]) >= min_files]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out


def learn_command(
    paths: List[Path] = typer.Argument(..., help="Folders or files of published stories."),
    output: Path = typer.Option(Path("newsroom.dic"), "--output", "-o", help="Dictionary file to write."),
    min_count: int = typer.Option(3, "--min-count", help="Keep a word used at least this often..."),
    min_files: int = typer.Option(2, "--min-files", help="...in at least this many stories."),
) -> None:
    """Learn proper nouns and terms used often in published stories."""
    skipped: list[str] = []
    words = learn_words([str(p) for p in paths], min_count=min_count, min_files=min_files, skipped=skipped)
    for line in skipped:
        typer.echo(f"newslint: {line}", err=True)
    lines = [f"# newslint dictionary learned from {', '.join(str(p) for p in paths)}",
             f"# {len(words)} words used at least {min_count} times in at least {min_files} stories",
             "# word  # uses, stories"]
    lines += [f"{w}  # {c}, {f}" for w, c, f in words]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    typer.echo(f"wrote {len(words)} words to {output}")
