"""`newslint learn`: build a dictionary of a newsroom's own names and terms from its archive."""
from __future__ import annotations

from pathlib import Path
from typing import List

import typer


def learn_command(
    paths: List[Path] = typer.Argument(..., help="Folders or files of published stories."),
    output: Path = typer.Option(Path("newsroom.dic"), "--output", "-o", help="Dictionary file to write."),
    min_count: int = typer.Option(3, "--min-count", help="Keep a word used at least this often..."),
    min_files: int = typer.Option(2, "--min-files", help="...in at least this many stories."),
) -> None:
    """Learn proper nouns and terms used often in published stories."""
    from rules.spelling.learn import learn_words

    words = learn_words([str(p) for p in paths], min_count=min_count, min_files=min_files)
    lines = [f"# newslint dictionary learned from {', '.join(str(p) for p in paths)}",
             f"# {len(words)} words used at least {min_count} times in at least {min_files} stories",
             "# word  # uses, stories"]
    lines += [f"{w}  # {c}, {f}" for w, c, f in words]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    typer.echo(f"wrote {len(words)} words to {output}")
