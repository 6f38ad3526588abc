"""grammar/repeated-phrase: "from the from the", a run of words written twice in a row."""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.word_classes import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# words that join a word to itself in idioms ("more and more", "place to place", "side by side")
_COORDINATORS = frozenset({"and", "or"})
_LINKERS = frozenset({"and", "or", "to", "by", "after", "upon", "against", "for"})
# verbs that give a name, so that the name follows the thing named
_NAMING = frozenset({"call", "calls", "called", "name", "names", "named", "dub", "dubbed", "term", "termed"})
# after a word lost in an edit: punctuation, the end, or a function word ("an audit and audit of")
_AFTER = re.compile(r"\s*(?:[.,;:!?)\u201d\u2019]|$)|\s+(?:of|for|in|on|at|to|with|by|from|and|or|that|which)\b")
LONGEST = 4  # words in a repeated run: "at the end of at the end of"
# an article, a word, "and"/"or", the same word: "an audit and audit" (a second article or
# another word was lost in an edit); "again and again" has no article before it
_ACROSS_AND = re.compile(r"(?<![\w'\u2019-])(?:a|an|the)\s+([a-z]+)\s+(?:and|or)\s+(\1)(?![\w'\u2019-])")


class RepeatedPhrase(Rule):
    """What it does: finds two to four words written twice in a row ("from the from the",
    "in the end in the end"), the trace of an edit that pasted a phrase back in.

    Why: like a doubled word, a doubled phrase is left by editing and survives a spell check,
    and it is easy to read past.

    Also a word after an article written again after "and" or "or": "an audit and audit".

    Example: "He moved from the from the city" -> "He moved from the city".

    Leaves alone: repeats split by punctuation ("again, again"), names and titles in
    capitals ("New York New York"), runs of content words only (a chant), and patterns
    that go on ("step by step by step", "on and on and on"). A doubled single word is
    grammar/repeated-word's. In a direct quote the finding is a warning.

    Measured: 6 of 6 findings right on the six published corpora (benchmarks/judged/*.grammar.jsonl); fewer than 10, so a warning.
    """

    id = "grammar/repeated-phrase"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    summary = "Two to four words written twice in a row ('from the from the')."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        prose = doc.prose
        for block in doc.blocks:
            for m in _ACROSS_AND.finditer(prose, block.start, block.end):
                word = m.group(1)
                if word in FUNCTION_WORDS or word.endswith("s"):
                    continue  # "the more and more", "the years and years"
                if not _AFTER.match(prose, m.end(2)):
                    continue  # the second word begins a compound: "a page or page resource", "extended/deploy"
                s, e = m.start(2), m.end(2)
                sev = Severity.WARNING if doc.in_quote(s, e) else None
                yield self.report(doc, s, e, f"'{m.group(0)}': '{word}' twice; a word lost in an edit?", [],
                                  severity=sev)
        for sent in doc.sentences:
            ws = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(prose, sent.start, sent.end)]
            low = [w[2].lower().replace("\u2019", "'") for w in ws]
            k = 0
            while k < len(ws):
                found = 0
                for n in range(LONGEST, 1, -1):
                    if k + 2 * n > len(ws) or low[k:k + n] != low[k + n:k + 2 * n]:
                        continue
                    if not all(prose[ws[j][1]:ws[j + 1][0]].isspace() for j in range(k, k + 2 * n - 1)):
                        continue  # punctuation between: "again, again", "No, no, no"
                    if not any(w in FUNCTION_WORDS for w in low[k:k + n]):
                        continue  # content words only: a chant, a title
                    if all(w[2][0].isupper() for w in ws[k:k + 2 * n]):
                        continue  # a name or title in capitals
                    if (k + 2 * n < len(ws) and low[k + 2 * n] == low[k]) or (k > 0 and low[k - 1] == low[k + n - 1]):
                        continue  # a pattern that goes on: "step by step by step", "on and on and on"
                    if low[k] in _COORDINATORS or (n == 2 and low[k + 1] in _LINKERS):
                        continue  # an "X and X" idiom inside: "and more and more", "from place to place to"
                    if k > 0 and low[k - 1] in _NAMING:
                        continue  # a name given: "we call the Lab the Lab"
                    if len(set(low[k:k + n])) == 1:
                        continue  # "ha ha ha ha": a single word's job
                    found = n
                    break
                if not found:
                    k += 1
                    continue
                s, e = ws[k + found][0], ws[k + 2 * found - 1][1]
                phrase = prose[s:e]
                sev = Severity.WARNING if doc.in_quote(s, e) else None
                yield self.report(doc, s, e, f"Repeated phrase: '{phrase}' is written twice", [""], severity=sev)
                k += 2 * found
