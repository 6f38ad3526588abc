"""style/abbreviations: acronyms spelled out on first use, and U.S. or US as the house says.

Style points: AP Stylebook "abbreviations and acronyms" (spell out on first reference unless
the acronym is widely known; U.S., U.K., U.N. with full stops in text); Guardian and BBC
style guides (no full stops: US, UK, UN; spell out all but the best-known).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.lexicon import lexicon
from newslint.rules.lang.house_style import SECTION, body_blocks, matches, pick, preset_of

# Acronyms a general news reader knows without the long form: the "widely known" examples of
# the AP Stylebook and the Guardian style guide (FBI, CIA, NATO, BBC, NASA, UN, EU, AIDS, GDP,
# CEO, DNA, TV ...), and units and ordinary words written in capitals (OK, AM, PM, ID, US).
WIDELY_KNOWN = frozenset("""AIDS HIV BBC CIA CNN CEO DNA EU FBI FIFA GDP GOP IBM ID IQ IRS ISIS NASA NATO NBA NBC
NFL NHS OK OPEC PC PR TV UK UN UNESCO UNICEF US USA USSR VIP WHO WWII WWI AM PM FM CD DVD GPS PDF SUV ATM AI IT
NHL MLB UFO UEFA CBS ABC NPR MP MPs CBI DC LA NY UAE ASAP PIN SMS PhD MBA BA MA RSVP FAQ USB URL HTML LGBT LGBTQ
COVID NGO IMF OECD WTO ICU ER""".split())
_ACRONYM = re.compile(r"(?<![\w.-])([A-Z][A-Z0-9&]{1,6})(s?)(?![\w.-])")
_DOTTED = {"US": "U.S.", "UK": "U.K.", "UN": "U.N."}


@dataclass(frozen=True)
class AbbreviationOptions:
    # "dotted" (U.S., U.K., U.N.) or "plain" (US, UK, UN); None: the preset (AP dotted, British plain)
    country_style: Optional[Literal["dotted", "plain"]] = None
    # acronyms the house treats as known, beside the built-in list
    known: tuple[str, ...] = ()


class Abbreviations(Rule):
    """What it does: reports ``US`` in AP copy (``U.S.``) and ``U.S.`` in British copy
    (``US``), likewise UK and UN (safe fix); and an acronym on its first use when the story
    never spells it out (no ``(ATACMS)`` after its long form, no words whose initials make it)
    and it is not widely known (info). Two capitals (initials, ``UI``) and capitals with
    figures (``HS2``, ``COP26``: names of projects and products) are left alone.

    Why: a reader meets the long form once, then the short one; headlines may use the short
    form from the start and are left alone, as are direct quotes.

    Example: "The NTSB opened an inquiry." with no "National Transportation Safety Board" in
    the story -> "NTSB"; "The US economy" in AP copy -> "U.S.".

    Options: ``country-style``, ``known``; ``[style] preset`` sets the default style.
    """

    id = "style/abbreviations"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "U.S. (AP) or US (British), a safe fix; an acronym never spelled out in the story and not widely known."
    Options = AbbreviationOptions
    config_section = SECTION

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        preset = preset_of(self)
        style = pick(self.options.country_style, preset, "dotted", "plain")
        blocks = body_blocks(self, doc, ("headline", "table"))
        if style:
            for short, dotted in _DOTTED.items():
                want, other = (dotted, short) if style == "dotted" else (short, dotted)
                rx = re.compile(r"(?<![\w.])" + re.escape(other) + (r"(?![\w.])" if other == short else r"(?!\w)"))
                for s, e, m in matches(rx, doc, blocks):
                    if other == short and doc.prose[e:e + 1] == "$":
                        continue  # US$5
                    yield self.report(doc, s, e, f"House style writes '{want}'", [want], fix=want)
        known = WIDELY_KNOWN | {k.upper() for k in self.options.known} | {"U"}
        text = doc.prose
        seen: set[str] = set()
        for s, e, m in matches(_ACRONYM, doc, blocks):
            acr = m.group(1)
            if acr in seen or acr in known or acr.isdigit() or not acr[0].isalpha() or sum(c.isalpha() for c in acr) < 2:
                continue
            seen.add(acr)
            if len(acr) < 3 or not acr.isalpha():
                continue  # two capitals (initials, UI, HR) and letters with figures (HS2, COP26): names, not acronyms to spell out
            if lexicon().zipf(acr.lower()) >= 4.5:
                continue  # an everyday word in capitals for emphasis or a label ("NOT", "ENDS")
            if self._sentence_in_capitals(text, s) or self._defined(text, acr):
                continue
            yield self.report(doc, s, s + len(acr), f"'{acr}' is not spelled out in the story; give the full "
                              "name on first use")

    @staticmethod
    def _defined(text: str, acr: str) -> bool:
        if re.search(r"\(\s*" + re.escape(acr) + r"s?\s*\)", text):
            return True
        letters = [c for c in acr if c.isalpha()]
        words = r"[\s-]+(?:(?:of|and|for|the|on|in|to|&)[\s-]+)*".join(rf"{c}[\w'’]*" for c in letters)
        return bool(re.search(r"\b" + words + r"\b", text))

    @staticmethod
    def _sentence_in_capitals(text: str, s: int) -> bool:
        window = text[max(0, s - 30):s + 30]
        letters = [c for c in window if c.isalpha()]
        return len(letters) > 10 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
