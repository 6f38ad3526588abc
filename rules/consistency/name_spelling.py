"""consistency/name-spelling: one name spelled two ways in one story."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity, limits
from newslint.rules.lang.lexicon import damerau, lexicon
from newslint.rules.lang.names import first_names, is_census_name, surnames


def _strip_possessive(text: str) -> str:
    t = text.replace("\u2019", "'")
    return t[:-2] if t.endswith("'s") else t.rstrip("'")


def _established(name: str) -> bool:
    """A spelling in its own right: a census name, or a word wordfreq has seen often."""
    return is_census_name(name) or lexicon().zipf(name.lower()) >= 2.5


def _same_name(a: str, b: str, one_person: bool = False) -> bool:
    """Two spellings of one name: one edit apart, same first letter, long enough that one
    edit is a slip; not a word and its derivative (a letter added at the end, "Bolivia"/
    "Bolivian", "Nepal"/"Nepali", unless it doubles the last letter as in "Zelenskyy"), not
    a different last letter ("Himalayas"/"Himalayan"), and not two established names
    ("Clayton"/"Clapton", "Peterson"/"Petersen": most often two people) unless the story
    shows they are one person (`one_person`)."""
    if a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    long, short = (a, b) if len(a) >= len(b) else (b, a)
    if long.startswith(short) and not (len(long) == len(short) + 1 and long[-1] == short[-1]):
        return False
    if len(a) == len(b) and a[:-1] == b[:-1]:
        return False
    if _established(a) and _established(b) and not one_person:
        return False
    return damerau(a.lower(), b.lower(), 1) == 1


def _one_edit_pairs(names: list[str]) -> list[tuple[str, str]]:
    """The pairs (a, b), a < b, of `names` with the same first letter that may be one edit
    apart, in order. Two strings one edit apart (a letter changed, added, dropped, or two
    swapped) share a string made by deleting at most one letter from each, so only names that
    share one are compared: comparing every pair took time quadratic in the number of names."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for n in names:
        low = n.lower()
        for key in {low} | {low[:i] + low[i + 1:] for i in range(len(low))}:
            by_key[key].append(n)
    pairs = {(a, b) if a < b else (b, a) for group in by_key.values() if len(group) > 1
             for i, a in enumerate(group) for b in group[i + 1:] if a[0] == b[0] and a != b}
    return sorted(pairs)


class NameSpelling(Rule):
    """What it does: finds a name spelled two ways in one story ("Zelensky" and
    "Zelenskyy", "Pelosi" and "Pelossi") and reports the rarer spelling once, pointing at
    its first use, with the story's other spelling as the suggestion.

    Why: readers notice when a story cannot agree with itself on a name; a copy desk
    checks every name against its first reference.

    Example: "President Zelenskyy spoke. Later Zelensky said ..." -> "Zelensky" is reported
    once, with "Zelenskyy" as the suggestion.

    Leaves alone: names shorter than five letters, different names one letter apart
    when both are ordinary English words ("Harry"/"Barry" differ in the first letter and
    are left alone anyway), and plurals ("the Clintons").
    """

    id = "consistency/name-spelling"
    category = Category.CONSISTENCY
    # info: 7 of 14 judged findings on real copy were real slips (a name's other spelling is
    # as often the right one, a different person, or an organisation's word)
    default_severity = Severity.INFO
    summary = "A name spelled two ways in the same story (Zelensky / Zelenskyy)."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        uses: dict[str, list] = defaultdict(list)
        for w in doc.words:
            t = _strip_possessive(w.text)
            if not t.isalpha() or not t[0].isupper() or t.isupper() or t[1:] != t[1:].lower():
                continue
            uses[t].append(w)
        lex = lexicon()
        # capitalised words that are common English words ("Harry", "March") are not names
        # whose spelling could drift; leave them out
        # whose spelling could drift; leave them out. A frequent surname ("Thompson", "Phillips")
        # is kept when the story never writes it in lower case (it is a name here, not a word)
        lower = {w.text for w in doc.words if w.text[:1].islower()}
        names = [n for n in uses if len(n) <= limits.MAX_SUGGEST_LETTERS and (
            lex.zipf(n.lower()) < 4.0 or (n.lower() in surnames() and n.lower() not in lower
                                         and lex.zipf(n.lower()) < 5.0))]
        reported: set[str] = set()
        for a, b in _one_edit_pairs(names):
            if a in reported or b in reported or not _same_name(a, b, self._one_person(doc, uses, a, b)):
                continue
            # the spelling used less often (or later) is the odd one out
            ca, cb = len(uses[a]), len(uses[b])
            odd, main = (a, b) if (ca, -uses[a][0].start) < (cb, -uses[b][0].start) else (b, a)
            first = uses[odd][0]
            reported.add(odd)
            yield self.report(doc, first.start, first.start + len(odd),
                              f"'{odd}' is spelled '{main}' elsewhere in this story "
                              f"({len(uses[main])}x vs {len(uses[odd])}x)", [main])

    @staticmethod
    def _given(doc: Document, w) -> str | None:
        """The given name just before a use of a surname ("Sarah Thompson"), if any."""
        i = w.index
        if i == 0:
            return None
        prev = doc.words[i - 1]
        if doc.prose[prev.end:w.start] != " " or not prev.text[:1].isupper() or prev.text.lower() not in first_names():
            return None
        return prev.text

    def _one_person(self, doc: Document, uses: dict, a: str, b: str) -> bool:
        """Two established surnames one edit apart ("Thompson"/"Thomson") are one person's name
        spelled two ways when both follow the same given name, or when one is introduced with
        a given name and the other never is (a bare "Thomson said" after "Sarah Thompson")."""
        ga = {self._given(doc, w) for w in uses[a]} - {None}
        gb = {self._given(doc, w) for w in uses[b]} - {None}
        if ga & gb:
            return True
        bare = b if ga and not gb else a if gb and not ga else None
        # the bare spelling is a surname, not a given name of its own ("Clayton Jones")
        return bare is not None and bare.lower() not in first_names()
