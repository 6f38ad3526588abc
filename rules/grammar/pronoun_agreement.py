"""grammar/pronoun-agreement: a subject pronoun followed by a verb form that does not agree."""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.word_classes import (DO_FORMS, MODALS, PLURAL_PERSONS, PREPOSITIONS, THIRD_PERSON_SINGULAR,
                                              words)

# (pronoun, wrong verb) -> right verb. Source: standard English subject-verb agreement
# (Merriam-Webster, "subject-verb agreement"; AP Stylebook, "verbs").
_WRONG: dict[tuple[str, str], str] = {}
for _p in THIRD_PERSON_SINGULAR:
    _WRONG.update({(_p, "are"): "is", (_p, "have"): "has", (_p, "were"): "was", (_p, "do"): "does",
                   (_p, "don't"): "doesn't", (_p, "haven't"): "hasn't", (_p, "aren't"): "isn't"})
for _p in PLURAL_PERSONS:
    _WRONG.update({(_p, "is"): "are", (_p, "has"): "have", (_p, "was"): "were", (_p, "does"): "do",
                   (_p, "doesn't"): "don't", (_p, "hasn't"): "haven't", (_p, "isn't"): "aren't"})
_WRONG.update({("i", "is"): "am", ("i", "are"): "am", ("i", "has"): "have", ("i", "does"): "do"})

# words after which "he have", "she do" are grammatical: auxiliaries and modals ("does he
# have", "would she do") and verbs taking a bare infinitive ("let it be", "made him do").
_LICENSING = (DO_FORMS - {"doing"}) | MODALS | words("""doesn't didn't won't wouldn't can't couldn't shouldn't
mustn't let make made help helped helps watch saw see hear heard were had""")
# subjunctive triggers license the subjunctive "were" only: "if it were", "as it were",
# "I wish he were" - not "as long as it are", "if they is"
_SUBJUNCTIVE = frozenset("if as though lest wish wished whether unless suppose supposing".split())
# verb forms a compound subject takes ("my colleagues and I are")
_PLURAL_FORMS = frozenset("are were have do don't haven't aren't weren't".split())
# "you" and "it" are objects too
_OBJECT_TOO = frozenset({"you", "it"})
_RELATIVES = frozenset({"who", "that", "which"})


def _takes_object(before: str, before2: str) -> bool:
    """Is "you" or "it" after `before` an object: after a preposition ("above you has"), a
    participle ("watching you has"), or the verb of a relative clause ("who use it are")?
    After a noun it is a subject ("the data it are able to obtain")."""
    if before in _SUBORDINATORS:
        return False  # "before it are too late": a clause follows
    return before in PREPOSITIONS or before.endswith(("ing", "ed")) or before2 in _RELATIVES


# prepositions that also open a clause
_SUBORDINATORS = frozenset({"before", "after", "since", "until", "till", "as", "than"})
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


class PronounAgreement(Rule):
    """What it does: reports a subject pronoun followed directly by a verb form that does
    not agree with it: "they is", "he have", "we was", "she don't".

    Why: agreement slips survive spell checks and are glaring in print.

    Example: "They is expected to win" -> "are".

    Leaves alone: questions and clauses where an auxiliary or a subjunctive trigger comes
    first ("does he have", "if it were", "let her be"), the subjunctive "were" in a
    clause opened by "if", "as though" or "wish" ("if he felt he were"), and compound
    subjects ("my wife and I are"). In direct quotes, where the
    speaker's words stand as said, the finding is a warning to check the quote against
    the notes, without a fix.
    """

    id = "grammar/pronoun-agreement"
    category = Category.GRAMMAR
    default_severity = Severity.ERROR
    summary = "A pronoun and verb that do not agree ('they is', 'he have')."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        prose = doc.prose
        for sent in doc.sentences:
            words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(prose, sent.start, sent.end)]
            for k in range(len(words) - 1):
                _, e1, w1 = words[k]
                s2, e2, w2 = words[k + 1]
                pron, verb = w1.lower(), w2.lower().replace("\u2019", "'")
                right = _WRONG.get((pron, verb))
                if right is None or not prose[e1:s2].isspace() or not w2.islower():
                    continue
                s1 = words[k][0]
                if s1 > 0 and (prose[s1 - 1].isalnum() or prose[s1 - 1] in "&/-+@._"):
                    continue  # part of a name: "NS&I is", "R&I has"
                if k > 0 and w1[0].isupper() and pron != "i" and prose[words[k - 1][1]:s1].isspace():
                    continue  # a capital inside a sentence: a name ("Fair For You has")
                before = words[k - 1][2].lower().replace("\u2019", "'") if k > 0 else ""
                if before in _LICENSING:
                    continue
                if pron in _OBJECT_TOO and k > 0 and prose[words[k - 1][1]:s1].isspace() \
                        and _takes_object(before, words[k - 2][2].lower() if k > 1 else ""):
                    continue  # "watching you has", "above you has", "who use it are": an object
                if verb == "were" and any(x[2].lower() in _SUBJUNCTIVE for x in words[max(0, k - 6):k]):
                    continue  # "if he felt he were", "as though it were"
                if before == "and" and pron != "it" and verb in _PLURAL_FORMS:
                    continue  # a compound subject: "my wife and I are", "Tom and he were"
                if pron == "it" and verb in ("are", "were") and before in ("than",):
                    continue
                if verb in ("do", "have") and pron in THIRD_PERSON_SINGULAR and before in ("to", "and", "or"):
                    continue  # "helped him and she have" is rare; "to it have" is not a subject
                message = f"'{w1} {w2}': the verb does not agree with '{w1}'; use '{right}'"
                if doc.in_quote(s2, e2):
                    # a quote stands as said, but a slip of transcription is worth a check: a
                    # warning, without a fix
                    yield self.report(doc, s2, e2, message + " (in a direct quote: check it against the notes)",
                                      [right], severity=Severity.WARNING)
                else:
                    yield self.report(doc, s2, e2, message, [right], fix=right, safe=False)
