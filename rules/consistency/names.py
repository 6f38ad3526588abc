"""consistency/names: how a story refers to people.

Style points: AP Stylebook "names" and "titles" (full name on first reference, surname
after; a formal title capitalised directly before a name, lower case after it or alone);
the Guardian and BBC style guides agree on first and later references. A person's name is a
first name from the US Census 1990 lists (``rules/lang/names.py``) followed by a
capitalised surname.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.house_style import SECTION, body_blocks, pick, preset_of
from newslint.rules.lang.lexicon import lexicon
from newslint.rules.lang.names import first_names, surnames
from newslint.rules.lang.word_classes import CLOSED_CLASS, HONORIFICS, SURNAME_PARTICLES, TITLES, selection, words

_FULL = re.compile(r"\b([A-Z][^\W\d_A-Z]+)\s+(?:[A-Z]\.\s+)?([A-Z][^\W\d_A-Z]+(?:-[A-Z][^\W\d_A-Z]+)?)\b"
                   r"(?!\s+[A-Z][a-z])")
# capitalised words at a sentence start that the census also lists as first names, and the
# honorifics and surname particles it holds as first names (Prince Harry, Van Gogh)
_NOT_FIRST = (selection(CLOSED_CLASS, "in on at as by to so an am do the and but or will may can")
              | words("if hope joy")
              | selection(HONORIFICS, "prince princess king queen lord lady sir dame saint captain general judge")
              | words("president major") | SURNAME_PARTICLES)
_TITLE_RX = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_LOWER_BEFORE = re.compile(r"(?<![\w.])(" + _TITLE_RX + r")\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+)")
_CAPITAL_ALONE = re.compile(r"\b[Tt]he\s+(" + "|".join(re.escape(t.title()) for t in TITLES if "." not in t)
                            + r")(?=\s*[,.;:]|\s+(?:said|says|has|had|is|was|will|would|of|and|to)\b)")
_NOT_SURNAME = frozenset("""Street Avenue Road University College Center Centre Park Hospital Church School
Council County City Party House Senate Department Ministry Court Bank Group Company Corporation Foundation
Institute Museum Airport Station Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December""".split())


@dataclass(frozen=True)
class NameOptions:
    # check title capitals (AP); None: the preset (ap: yes, british: no, titles vary by house)
    titles: Optional[bool] = None


class Names(Rule):
    """What it does: reports a surname used before the person's full name (``Smith said``
    ... later ``John Smith``), a full name repeated after the first reference (``Smith``
    will do), and, in AP style, a title in lower case directly before a name (``president Joe
    Biden``) or capitalised alone (``the President said``). All info, for the editor.

    Why: the first reference introduces a person; later ones use the surname. Direct quotes,
    headlines and captions (which repeat full names by design) are left alone.

    Example: "Smith said the plan was late. John Smith is the mayor." -> "Smith" comes
    before the first full reference.

    Options: ``titles``; ``[style] preset`` sets its default.
    """

    id = "consistency/names"
    category = Category.CONSISTENCY
    default_severity = Severity.INFO
    enabled_by_default = False  # 0 of 12 judged findings on real copy were worth acting on
    summary = "Full name first, surname after; titles capitalised before a name (AP)."
    Options = NameOptions
    config_section = SECTION
    skip_scopes = frozenset({"headline", "caption", "table", "standfirst"})

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        blocks = body_blocks(self, doc, ("headline", "caption", "table", "standfirst", "list"))
        people: dict[str, tuple[int, str]] = {}  # surname -> (first full reference, full name)
        full_spans: list[tuple[int, int, str, str]] = []
        firsts, lasts = first_names(), surnames()
        lex = lexicon()
        for b in blocks:
            for m in _FULL.finditer(doc.prose, b.start, b.end):
                first, last = m.group(1), m.group(2)
                common = lex.in_curated(last.lower()) and (last.lower() not in lasts or lex.zipf(last.lower()) >= 5.0)
                if first.lower() not in firsts or first.lower() in _NOT_FIRST or last in _NOT_SURNAME or common:
                    continue
                if doc.in_quote(m.start(), m.end()) or doc.prose.startswith(":", m.end()):
                    continue  # quoted, or a speaker's label in an interview ("Jane Doe: ...")
                full_spans.append((m.start(), m.end(), first, last))
                people.setdefault(last, (m.start(), f"{first} {last}"))
        inside = [(s, e) for s, e, _, _ in full_spans]

        def alone(last: str) -> list[int]:
            """Where the surname stands on its own (not in a full name, not quoted)."""
            return [b.start + m.start() for b in blocks
                    for m in re.finditer(r"\b" + re.escape(last) + r"\b(?!\s+[A-Z][a-z])", doc.prose[b.start:b.end])
                    if not any(s <= b.start + m.start() < e for s, e in inside) and not doc.in_quote(b.start + m.start())]

        lone = {last: alone(last) for last in people}
        seen: set[tuple[str, str]] = set()
        for s, e, first, last in full_spans:
            # the story refers to this person by surname too, yet gives the full name again
            if s != people[last][0] and (last, first) in seen and lone[last]:
                yield self.report(doc, s, e, f"'{first} {last}' again: after the first reference, '{last}'", [last])
            seen.add((last, first))
        for last, (first_at, full) in people.items():
            early = next((at for at in lone[last] if at < first_at), None)
            if early is not None:
                yield self.report(doc, early, early + len(last), f"'{last}' before the first full reference "
                                  f"'{full}'; give the full name first")
        if pick(self.options.titles, preset_of(self), True, False, False):
            for b in blocks:
                for m in _LOWER_BEFORE.finditer(doc.prose, b.start, b.end):
                    if m.group(1)[0].islower() and not doc.in_quote(m.start()):
                        cap = m.group(1).title()
                        yield self.report(doc, m.start(1), m.end(1), f"A title directly before a name is "
                                          f"capitalised: '{cap}'", [cap], fix=cap, safe=False)
                for m in _CAPITAL_ALONE.finditer(doc.prose, b.start, b.end):
                    if not doc.in_quote(m.start()):
                        low = m.group(1).lower()
                        yield self.report(doc, m.start(1), m.end(1), f"A title alone is lower case: '{low}'",
                                          [low], fix=low, safe=False)
