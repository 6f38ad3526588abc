"""The run's own vocabulary: a word that a finding takes for a slip (``Diagnostic.term``) but
that enough stories of the same run use (``Diagnostic.term_stories``, counting its own) is the
publication's name or term (a staff member, a product, a place, jargon), not a slip: slips
rarely repeat letter for letter across stories. The rule says how many stories it takes: more
for a word shaped like a slip of a common word, and none for a classic misspelling
("goverment"), which stays reported wherever it recurs.

This is ``newslint learn`` done on the fly over the stories being checked. Findings are decided
per story (and cached per story); this pass runs over the whole run's results, so a story's
findings can change when other stories change, never its cache entry.
"""
from __future__ import annotations

import re
from collections import Counter

from .textio import BinaryFile, decode

def _words_in(text: str, pattern: re.Pattern) -> set[str]:
    return {m.group(0).lower() for m in pattern.finditer(text)}


def drop_run_terms(results: list, notices: list[str]) -> None:
    """Drop the findings whose term enough stories of `results` use; say how many in `notices`."""
    terms = {d.term.lower() for r in results for d in r.diagnostics if d.term}
    readable = [r for r in results if not r.skipped and r.path not in ("-", "<text>")]
    if not terms or len(readable) < 2:
        return
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(r"(?<![^\W_])(?:" + alternation + r")(?![^\W_])", re.IGNORECASE)
    stories: Counter[str] = Counter()
    for r in readable:
        try:
            with open(r.path, "rb") as fh:
                text = decode(fh.read()).text
        except (OSError, BinaryFile):
            continue
        stories.update(_words_in(text, pattern))
    dropped = 0
    for r in readable:
        keep = [d for d in r.diagnostics if not (d.term and stories[d.term.lower()] >= d.term_stories)]
        dropped += len(r.diagnostics) - len(keep)
        r.diagnostics[:] = keep
    if dropped:
        notices.append(f"{dropped} unknown word(s) left alone: each is used in several other stories of this run, "
                       "so it is taken for the publication's own name or term (newslint learn lists them)")
