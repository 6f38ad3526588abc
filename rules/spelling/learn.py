"""`newslint learn`: a newsroom dictionary of the names and terms its archive uses often.

The spelling rules contribute this command through the ``newslint.commands`` entry-point
group; stories are found and parsed by the engine (``newslint.api.documents``), so the
command sees exactly the files a check would.

A word that looks like a misspelling however often it recurs (the spelling rule's own test:
one edit from a far more common word, as "goverment" is from "government") is never learned:
an archive repeats its slips. Such words are listed, commented out, at the end of the file,
with the word they are probably a slip of, for an editor to accept one by one.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import List

import typer

from newslint.api import OutputError, documents, write_output
from newslint.rules.lang.lexicon import lexicon

from .unknown_word import _known_lower, _misspelling_shape


def learn_words(paths: list[str], min_count: int = 3, min_files: int = 2,
                skipped: list[str] | None = None) -> list[tuple[str, int, int]]:
    """Words the general lexicon does not know, used at least `min_count` times in at least
    `min_files` stories: (word as most often written, uses, stories), most used first; the
    stories that could not be read are said in `skipped`. Words shaped like misspellings are
    among them: see ``split_misspellings``."""
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


def split_misspellings(words: list[tuple[str, int, int]]) -> tuple[list[tuple[str, int, int]], dict[str, str]]:
    """The words to learn, and those the spelling rule would still report as slips of a far
    more common word, each with that word ("goverment": "government")."""
    lex = lexicon()
    learned, held = [], {}
    for entry in words:
        low = entry[0].lower()
        if _misspelling_shape(low, 2 if entry[0][0].isupper() else 1):
            held[entry[0]] = lex.best_neighbour(low, inflections=True)[0]
        else:
            learned.append(entry)
    return learned, held


def learn_command(
    paths: List[Path] = typer.Argument(..., metavar="PATH", help="Folders or files of published stories."),
    output: Path = typer.Option(Path("newsroom.dic"), "--output", "-o", metavar="FILE",
                                help="Dictionary file to write."),
    min_count: int = typer.Option(3, "--min-count", metavar="N", help="Keep a word used at least this often..."),
    min_files: int = typer.Option(2, "--min-files", metavar="N", help="...in at least this many stories."),
) -> None:
    """Learn proper nouns and terms used often in published stories."""
    skipped: list[str] = []
    found = learn_words([str(p) for p in paths], min_count=min_count, min_files=min_files, skipped=skipped)
    for line in skipped:
        typer.echo(f"newslint: {line}", err=True)
    words, held = split_misspellings(found)
    lines = [f"# newslint dictionary learned from {', '.join(str(p) for p in paths)}",
             f"# {len(words)} words used at least {min_count} times in at least {min_files} stories",
             "# word  # uses, stories"]
    lines += [f"{w}  # {c}, {f}" for w, c, f in words]
    if held:
        lines += ["", f"# Not learned: {len(held)} words that look like misspellings of a far more common word.",
                  "# Remove the leading '# ' of a line to accept the word after checking it."]
        lines += [f"# {w}  # {c}, {f}; a slip of '{held[w]}'?" for w, c, f in found if w in held]
    try:
        write_output(output, "\n".join(lines) + "\n")
    except OutputError as exc:
        typer.echo(f"newslint: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {len(words)} words to {output}")
    if held:
        typer.echo(f"not learned, as they look like misspellings ({output} lists them): "
                   + ", ".join(f"{w} ({held[w]}?)" for w in list(held)[:10]) + (" ..." if len(held) > 10 else ""),
                   err=True)
