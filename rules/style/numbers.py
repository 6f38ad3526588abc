"""style/numbers: numbers as a news desk writes them.

Style points (AP Stylebook "numerals"; Guardian and BBC style guides "numbers"): one to nine
in words, 10 and up in figures, with the usual exceptions (ages, percentages, dimensions and
units, money, scores and votes, times, dates, ranks and labels such as No. 3 or Route 9); no
sentence starts with a figure, except a year; the percent sign or word as the house says
(both presets: %); thousands separated by commas; millions and billions in words
($4.5 million).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.house_style import SECTION, body_blocks, matches, pick, preset_of

WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {w: i + 1 for i, w in enumerate(WORDS)}
# words after a figure that make it an exception: units, measures, money, time, age, scores
_AFTER = re.compile(
    r"\s*(?:%|per\s?cent|percent|(?:-|\s)?(?:year|month|week|day|hour|minute|second)s?[- ]old|"
    r"(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|(?:million|billion|trillion|bn|m)\b|"
    r"(?:mm|cm|m|km|ft|yd|mi|kg|g|lb|lbs|oz|mph|km/h|kph|mg|ml|l|gb|mb|kb|tb|ghz|mhz|kw|mw|°|degrees?|points?|"
    r"feet|foot|inches|inch|miles?|metres?|meters?|kilometres?|kilometers?|pounds?|ounces?|kilos?|grams?|"
    r"litres?|liters?|gallons?|acres?|hectares?|yards?|tons?|tonnes?|cents?|dollars?|euros?|pence|p\b|"
    r"x|th|st|nd|rd|percentage\s+points?|goals?|runs?|wickets?|votes?|seats?)(?![a-z])"
    r"|\s*(?:to\s+\d|-\d|–\d|:\d|\.\d|/\d|,\d))", re.I)
# words before a figure that make it a label, a rank, a date or money
_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|route|highway|interstate|i|room|page|pages|chapter|section|article|grade|level|"
    r"category|type|step|version|phase|stage|season|episode|act|scene|figure|fig|table|game|round|week|day|"
    r"floor|platform|gate|terminal|district|ward|precinct|flight|channel|size|class|division|tier|model|"
    r"aged|age|ages|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december|mr|ms|dr|top|windows|iphone|covid|plan|title)\.?"
    r"|[$£€¥#§]|\d[,.]?|[-–/:.])\s*$", re.I)
_SMALL = re.compile(r"(?<![\w$£€.,:/-])([1-9])(?![\w.,:/%-]|\s*[%°])")
_SPELLED = re.compile(r"\b(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                      r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|"
                      r"seven|eight|nine))?\b(?=\s+[a-z])", re.I)
# "seven hundred residents", "twenty thousand fans": a number above nine in words before a noun
_HUNDREDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                       r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                       r"eighty|ninety)(?:-(one|two|three|four|five|six|seven|eight|nine))?\s+(hundred|thousand)\b"
                       r"(?=\s+(?!and\b|of\b|or\b|to\b|times\b)[a-z])", re.I)
# "three people": a small number spelled out before a word (the story's evidence that it spells them)
_SMALL_WORD = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine)\s+(?!of\b|or\b|and\b|to\b)[a-z]", re.I)
_IDIOMS = re.compile(r"\b(?:ten\s+(?:times|to one|out of)|nineteen\s+to\s+the\s+dozen|top\s+ten|"
                     r"the\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I)
_PERCENT = re.compile(r"(?<=\d)(\s*%|\s+percent\b|\s+per\s+cent\b)", re.I)
_LONG = re.compile(r"(?<![\w.,$£€#/-])(\d{5,})(?![\w.,/-])")
_MILLIONS = re.compile(r"(?<![\w.,])([$£€]?)(\d{1,3})((?:,000){2,4}|((?:,\d{3}){1})(?:,000){1,3})(?![\d,])")
# abbreviations a number follows (parts of a work, as the Chicago Manual lists them; contact details)
_REF_ABBR = ("ch|chap|pg|pp|p|vol|vols|no|nos|sec|secs|para|paras|fig|figs|art|pt|bk|ed|eq|ex|app|"
             "tel|ph|fax|ext|approx|ca|cf|op|vs|v")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d\b")


@dataclass(frozen=True)
class NumberOptions:
    # spell out one to nine (None: the preset decides; both presets say yes)
    spell_small: Optional[bool] = None
    # "%", "percent" or "per cent" (None: the preset; AP since 2019 and the Guardian and BBC: %)
    percent: Optional[Literal["%", "percent", "per cent"]] = None


class Numbers(Rule):
    """What it does: reports ``3 people`` (``three people``), ``fifteen people`` (``15``),
    a sentence that starts with a figure (``12 people died.``: spell it out or recast; a year
    may start a sentence), a percentage written against the house form (``5 per cent`` when
    the house writes ``5%``), a long number without thousands separators (``25000`` ->
    ``25,000``) and a round million in figures (``$4,500,000`` -> ``$4.5 million``).

    Why: AP style and the Guardian and BBC style guides agree on these; a story that mixes
    them reads as unedited. Ages, percentages, units and measures, money, scores, times,
    dates and labels (No. 3, Route 9, Chapter 4) keep their figures; headlines, lists and
    tables are left alone, and so are direct quotes.

    Example: "The council hired 3 new officers" -> "three"; "12 people died" -> a sentence
    does not start with a figure.

    Options: ``spell-small``, ``percent``; ``[style] preset`` sets their defaults.
    """

    id = "style/numbers"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "Numbers in house style (one to nine in words, 10 and up in figures, %); a sentence opening in a figure."
    Options = NumberOptions
    config_section = SECTION

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        preset = preset_of(self)
        spell_small = pick(self.options.spell_small, preset, True, True, False)
        percent = pick(self.options.percent, preset, "%", "%", None)
        blocks = body_blocks(self, doc)
        if spell_small and preset != "ap" and self.options.spell_small is None:
            # British house styles differ (the Guardian and BBC spell out one to nine, GOV.UK and the
            # Australian Style Manual write numerals from 2): follow the story's own evidence, and
            # report a figure only when the story spells out a small number elsewhere
            spell_small = any(not self._starts_sentence(doc, s) for s, _, _ in matches(_SMALL_WORD, doc, blocks))
        for s, e, m in matches(_SMALL, doc, blocks):
            before = doc.prose[max(0, s - 24):s]
            after = doc.prose[e:e + 30]
            if not spell_small or _BEFORE.search(before) or _AFTER.match(after) or self._in_series(doc, s, e):
                continue
            if not re.match(r"\s+[a-z]", after) or self._starts_sentence(doc, s):
                continue  # a figure before a capital, a bracket or nothing is a label; starts are below
            word = WORDS[int(m.group(1)) - 1]
            yield self.report(doc, s, e, f"Spell out '{m.group(1)}': '{word}'", [word], fix=word, safe=False)
        for s, e, m in matches(_SPELLED, doc, blocks):
            if self._starts_sentence(doc, s) or _IDIOMS.match(doc.prose, s):
                continue
            value = _TENS[m.group(1).lower()] + (_UNITS[m.group(2).lower()] if m.group(2) else 0)
            if re.match(r"\s+(?:thousand|million|billion|hundred)", doc.prose[e:e + 12], re.I):
                continue
            yield self.report(doc, s, e, f"Use figures for {value}: '{value}'", [str(value)], fix=str(value), safe=False)
        if spell_small:
            for s, e, m in matches(_HUNDREDS, doc, blocks):
                if self._starts_sentence(doc, s):
                    continue
                head = m.group(1).lower()
                n = _TENS.get(head) or _UNITS[head]
                if m.group(2):
                    n += _UNITS[m.group(2).lower()]
                value = f"{n * (100 if m.group(3).lower() == 'hundred' else 1000):,}"
                yield self.report(doc, s, e, f"Use figures for {value}: '{value}'", [value], fix=value, safe=False)
        checked = set(blocks)
        for sent in doc.sentences:
            if sent.block not in checked:
                continue
            if sent.text == doc.prose[sent.block.start:sent.block.end].strip() and len(sent.text.split()) <= 12 \
                    and not re.search(r"[.!?:;]['\"\u201d\u2019)]*$", sent.text):
                continue  # a numbered subhead ("6 Users are changing Facebook")
            lead = re.match(r"[\"'\u201c\u2018]*(\d+(?:[,.]\d+)*)(?![\w:)\]/-]|[.,]\d|\\?\.(?:\s|$)|\s\d)", sent.text)
            if lead and not _YEAR.fullmatch(lead.group(1)) and not doc.in_quote(sent.start, sent.start + 1) \
                    and not self._not_a_start(doc, sent, lead):
                s = sent.start + lead.start(1)
                yield self.report(doc, s, s + len(lead.group(1)), f"Sentence starts with the figure "
                                  f"'{lead.group(1)}': spell it out or recast the sentence", severity=Severity.WARNING)
        if percent:
            for s, e, m in matches(_PERCENT, doc, blocks):
                used = "%" if m.group(1).strip() == "%" else " ".join(m.group(1).lower().split())
                if used != percent:
                    form = "%" if percent == "%" else " " + percent
                    yield self.report(doc, s, e, f"House style writes '{form.strip()}' after a figure, "
                                      f"not '{m.group(1).strip()}'", [form], fix=form)
        for s, e, m in matches(_LONG, doc, blocks):
            digits = m.group(1)
            if re.search(r"(?:\b(?:zip|code|no\.?|number|id|phone|box|suite|route)|#|\b[A-Z]{2})\s*$",
                         doc.prose[max(0, s - 12):s]):
                continue
            grouped = f"{int(digits):,}"
            yield self.report(doc, s, e, f"Thousands separated by commas: '{grouped}'", [grouped], fix=grouped)
        for s, e, m in matches(_MILLIONS, doc, blocks):
            cur, lead, rest = m.group(1), m.group(2), m.group(3)
            groups = rest.count(",")
            scale = {2: "million", 3: "billion", 4: "trillion"}.get(groups)
            if not scale:
                continue
            digits = rest.replace(",", "")
            frac = digits[:3].rstrip("0")
            if digits[len(frac):].strip("0"):
                continue  # not round enough to say in words
            words = f"{cur}{lead}{'.' + frac if frac else ''} {scale}"
            yield self.report(doc, s, e, f"Write large round numbers as '{words}'", [words], fix=words)

    @staticmethod
    def _not_a_start(doc: Document, sent, lead) -> bool:
        """A figure that opens a sentence but is not a count the desk would spell out: after an
        abbreviation the splitter took for a sentence end ("ch. 14", "H.R. 39", "tel. 0300"), a
        date ("5 April 2022"), the start of a name or address ("16 Regiment", "50 Marcus Clarke
        Street"), a number with a leading zero (a phone number, a version "0.24"), or a sentence
        inside a quotation (a blockquote, a paragraph that opens with a quotation mark)."""
        block = doc.prose[sent.block.start:sent.start]
        rest = sent.text[lead.end(1):]
        return bool(re.search(r"(?:\b(?:" + _REF_ABBR + r")\.|\b(?:[A-Z]\.){2,})[*_]*\s*$", block, re.I)
                    or re.match(r"\s+(?:" + _MONTHS + r")\b", rest)
                    or re.match(r"\s+[A-Z][a-z]", rest)
                    or lead.group(1).startswith("0")
                    or sent.block.scope == "blockquote"
                    or re.match(r"\s*[*_]*[\u201c\"]", doc.prose[sent.block.start:sent.block.end]))

    @staticmethod
    def _starts_sentence(doc: Document, s: int) -> bool:
        starts = doc.memo(_sentence_starts)
        i = bisect_right(starts, s) - 1
        return i >= 0 and not re.search(r"\w", doc.prose[starts[i]:s])

    @staticmethod
    def _in_series(doc: Document, s: int, e: int) -> bool:
        """"between 5 and 12", "5, 10 and 15", "5 to 10": figures in one series stay alike."""
        joint = r"\s*(?:,|and|or|to|-|–)\s*"
        return bool(re.search(r"\d{2,}" + joint + r"$", doc.prose[max(0, s - 12):s])
                    or re.match(joint + r"\d{2,}", doc.prose[e:e + 12]))


def _sentence_starts(doc: Document) -> list[int]:
    return [s.start for s in doc.sentences]
