"""grammar/there-agreement: "there was no problems": "there is/was" before a plural."""
from __future__ import annotations

import re
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity, match_case

# "there is/was/'s" + a word that makes the noun phrase plural
_THERE = re.compile(r"(?<![\w'\u2019-])(there)(\s+is|\s+was|['\u2019]s)\s+(?:(many|several|numerous|two|three|four|five|six|"
                    r"seven|eight|nine|ten|dozens|hundreds|thousands|millions|both)|(no|some|other|these|those)\s+"
                    r"([a-z]+))\b(?![\w'\u2019-])", re.I)
_PLURAL_OF = {"is": "are", "was": "were", "'s": "are", "\u2019s": "are"}
# Nouns ending in -s that take a singular verb (Merriam-Webster usage notes; Garner's Modern
# English Usage, "plurals"): "there was no news".
SINGULAR_IN_S = frozenset("""news means series species headquarters crossroads whereabouts measles mumps
diabetes rabies herpes physics mathematics economics politics ethics statistics athletics gymnastics
linguistics logistics electronics genetics mechanics acoustics analytics aerobics graphics
lens bus gas yes this thus plus minus bonus census status virus campus focus chorus circus
consensus corpus genus nexus onus surplus apparatus prospectus stimulus radius syllabus
kudos chaos ethos pathos cosmos atlas canvas alias iris tennis basis crisis analysis
thesis diagnosis emphasis synopsis axis gratis""".split())


class ThereAgreement(Rule):
    """What it does: reports "there is", "there was" or "there's" before a plural that the
    words after it make certain: "there was no problems", "there is many reasons", "there
    was two people".

    Why: the verb agrees with the noun that follows "there"; the slip is common when a
    sentence is rewritten from singular to plural.

    Example: "There was no problems" -> "There were no problems".

    Leaves alone: nouns in -s that are singular ("there was no news", "there is no basis"),
    "there is no two ways about it", and anything it cannot be sure is plural ("there was a
    number of", "there is some concern"). "There's" before a plural, common in speech,
    and a direct quote are info notes: speech may stand as said.

    Measured: 1 of 1 error-level finding right on the six published corpora (the two "there's" findings were speech, now info); a warning.
    """

    id = "grammar/there-agreement"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    summary = "'there was' or 'there is' before a plural ('there was no problems')."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        prose = doc.prose
        for block in doc.blocks:
            for m in _THERE.finditer(prose, block.start, block.end):
                after = _NEXT.match(prose, m.end())
                nxt = after.group(1) if after else ""
                if m.group(4):
                    # "no problems." / "no problems with": not a plural used as a modifier ("no sports hall")
                    if not _plural_noun(m.group(5)) or (nxt and not _ends_phrase(nxt)):
                        continue
                elif not (_plural_noun(nxt) or nxt.lower() in IRREGULAR_PLURALS) or nxt.lower() in UNITS:
                    continue  # "there was two years left": a quantity may take a singular verb
                verb = m.group(2).strip()
                right = match_case(verb, _PLURAL_OF[verb.lower().replace("\u2019", "'")])
                if verb[0] in "'\u2019":
                    right = " are"
                what = prose[m.start():m.end()]
                message = f"'{what}': the verb agrees with the plural after it; use 'there {right.strip()}'"
                s, e = m.end(2) - len(verb), m.end(2)
                if verb[0] in "'\u2019":
                    # "there's" before a plural is common in speech and informal writing
                    # (Merriam-Webster, "there's"): worth a look, not an error
                    yield self.report(doc, s, e, message, [right], severity=Severity.INFO)
                elif doc.in_quote(s, e):
                    yield self.report(doc, s, e, message + " (in a direct quote: check it against the notes)",
                                      [right], severity=Severity.INFO)
                else:
                    yield self.report(doc, s, e, message, [right], fix=right, safe=False)


_NEXT = re.compile(r"\s+([A-Za-z]+)")
# plurals not in -s (the standard irregular plurals)
IRREGULAR_PLURALS = frozenset("people children men women feet teeth mice geese".split())
# a number of these can be one amount: "there was ten pounds left" (Garner, "synesis")
UNITS = frozenset("""years months weeks days hours minutes seconds pounds dollars euros miles metres meters
kilometres kilometers percent inches feet yards tonnes tons litres liters""".split())


# words that follow the noun of "there are no ..." without modifying it: "no tickets left"
_AFTER_THE_NOUN = frozenset("left remaining available here there now today yet anywhere whatsoever".split())


def _ends_phrase(word: str) -> bool:
    from newslint.rules.lang.word_classes import FUNCTION_WORDS

    w = word.lower()
    return w in FUNCTION_WORDS or w in _AFTER_THE_NOUN or w.endswith(("ed", "ing"))


def _plural_noun(word: str) -> bool:
    """A regular plural of a word the lexicon knows: 'problems', 'plans', 'boxes', 'cities'."""
    w = word.lower()
    if not w.endswith("s") or w.endswith(("ss", "us", "is", "ics", "ous")) or w in SINGULAR_IN_S or len(w) < 4:
        return False
    from newslint.rules.lang.lexicon import lexicon

    lex = lexicon()
    stems = [w[:-1]]
    if w.endswith("es"):
        stems.append(w[:-2])
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    return any(lex.in_curated(s) and lex.zipf(s) >= 3.0 and lex.zipf(s) >= lex.zipf(w) - 1.0 for s in stems)
