"""style/dates: dates and times as a news desk writes them, and weekdays that are wrong.

Style points: AP Stylebook "months" and "dates": with a specific date, Jan., Feb., Aug.,
Sept., Oct., Nov., Dec. are abbreviated and March to July never are; no ordinal suffix
(Dec. 2, not December 2nd); a.m. and p.m. in lower case with full stops. Guardian and BBC
style guides: 2 December (day first, no ordinal, no abbreviation), 10am and 5.30pm. For both:
a weekday given with a date must be that date's weekday.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

from newslint.api import Category, Diagnostic, Document, Rule, Severity
from newslint.rules.lang.house_style import SECTION, body_blocks, matches, pick, preset_of

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
AP_ABBR = {"January": "Jan.", "February": "Feb.", "August": "Aug.", "September": "Sept.", "October": "Oct.",
           "November": "Nov.", "December": "Dec."}
_ANY_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
             "nov": 11, "dec": 12}
_ANY_ABBR_TITLE = frozenset(a.capitalize() for a in _ANY_ABBR)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# a month: its full name, or an abbreviation with or without its full stop
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_MDY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?")  # Dec. 2nd, 2018
_DMY = re.compile(r"\b(\d{1,2})(st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4})\b)?")
_TIME = re.compile(r"\b(\d{1,2}(?:[:.]\d{2})?)(\s?)(a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM|A\.M\.|P\.M\.)(?!\w)")


def _month_number(name: str) -> int:
    low = name.lower().rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else _ANY_ABBR[low]


@dataclass(frozen=True)
class DateOptions:
    # "ap" (Dec. 2) or "british" (2 December); None: the preset
    date_style: Optional[Literal["ap", "british"]] = None
    # "ap" (10 a.m.), "british" (10am) or "24-hour" (10:00); None: the preset
    time_style: Optional[Literal["ap", "british", "24-hour"]] = None


class Dates(Rule):
    """What it does: reports a weekday that does not match the date beside it (``Tuesday,
    Oct. 10, 2018``: that was a Wednesday; with no year, the year of the story's own date in
    front matter is used), and dates and times against the house style: AP ``Dec. 2``,
    never ``December 2nd`` or ``Mar. 3``, ``10 a.m.``; British ``2 December``, ``10am``.

    Why: a wrong weekday is a factual error a reader will notice; the rest is house style.
    Direct quotes are left alone for style, not for weekdays.

    Example: "Tuesday, Oct. 10, 2018" -> that date was a Wednesday; "December 2nd" in AP
    copy -> "Dec. 2".

    Options: ``date-style``, ``time-style``; ``[style] preset`` sets their defaults.
    """

    id = "style/dates"
    category = Category.STYLE
    default_severity = Severity.INFO
    summary = "Dates and times in house style (AP 'Dec. 2', British '2 December'); a wrong weekday (an error)."
    Options = DateOptions
    config_section = SECTION

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        preset = preset_of(self)
        date_style = pick(self.options.date_style, preset, "ap", "british")
        time_style = pick(self.options.time_style, preset, "ap", "british")
        blocks = [b for b in self.blocks(doc) if b.scope != "table"]
        story = _story_date(doc)
        # a story that writes abbreviable months in full beside a day, twice or more and never
        # abbreviated, follows a house style that spells months out (the 18F and HealthCare.gov
        # style guides do): its dates are not reported for abbreviation
        mdy = [m for _, _, m in matches(_MDY, doc, blocks)]
        spelled_out = sum(m.group(1) in AP_ABBR for m in mdy)
        spells_months = spelled_out >= 2 and not any(m.group(1).rstrip(".") in _ANY_ABBR_TITLE for m in mdy)
        for s, e, m in matches(_MDY, doc, blocks, quotes_too=True):
            month = _month_number(m.group(1))
            day, year = int(m.group(2)), int(m.group(4)) if m.group(4) else _nearest_year(story, int(m.group(2)), month)
            yield from self._weekday(doc, s, year, month, day)
            if doc.in_quote(s, e) or not 1 <= day <= 31:
                continue
            if date_style == "ap":
                yield from self._ap_date(doc, m, spells_months)
            elif date_style == "british":
                fixed = _british(day, month, m.group(4))
                yield self.report(doc, s, e, f"Day first, no ordinal: '{fixed}'", [fixed], fix=fixed, safe=False)
        for s, e, m in matches(_DMY, doc, blocks, quotes_too=True):
            month = _month_number(m.group(3))
            day, year = int(m.group(1)), int(m.group(4)) if m.group(4) else _nearest_year(story, int(m.group(1)), month)
            yield from self._weekday(doc, s, year, month, day)
            if doc.in_quote(s, e) or not 1 <= day <= 31:
                continue
            if date_style == "british" and (m.group(2) or m.group(3) not in MONTHS or " of " in m.group(0)):
                fixed = _british(day, month, m.group(4))
                yield self.report(doc, s, e, f"House style: '{fixed}'", [fixed], fix=fixed)
            elif date_style == "ap":
                full = MONTHS[month - 1]
                fixed = f"{AP_ABBR.get(full, full)} {day}" + (f", {m.group(4)}" if m.group(4) else "")
                yield self.report(doc, s, e, f"AP style puts the month first: '{fixed}'", [fixed], fix=fixed,
                                  safe=False)
        if time_style in ("ap", "british"):
            for s, e, m in matches(_TIME, doc, body_blocks(self, doc, ("table",))):
                clock, _, mark = m.groups()
                half = "a" if mark.lower().startswith("a") else "p"
                if time_style == "ap":
                    want = f"{clock.replace('.', ':')} {half}.m."
                else:
                    want = f"{clock.replace(':', '.')}{half}m"
                if m.group(0) != want and not (mark in ("a.m", "p.m") and doc.prose.startswith(".", e)):
                    yield self.report(doc, s, e, f"House style writes the time '{want}'", [want], fix=want)

    def _ap_date(self, doc: Document, m: re.Match, spells_months: bool = False) -> Iterable[Diagnostic]:
        name, day, ordinal = m.group(1), m.group(2), m.group(3)
        full = MONTHS[_month_number(name) - 1]
        want = AP_ABBR.get(full, full)
        s, e = m.start(1), m.end(3) if ordinal else m.end(2)
        if not ordinal and name == full and spells_months:
            return
        if ordinal or name != want:
            fixed = f"{want} {day}"
            why = "no ordinal after a date" if ordinal else (
                f"{full} is not abbreviated" if full not in AP_ABBR else f"abbreviate {full} with a date")
            yield self.report(doc, s, e, f"AP style: '{fixed}' ({why})", [fixed], fix=fixed)

    def _weekday(self, doc: Document, s: int, year: int | None, month: int, day: int) -> Iterable[Diagnostic]:
        before = doc.prose[max(0, s - 16):s]
        m = re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$", before)
        if not m or year is None:
            return
        try:
            actual = WEEKDAYS[dt.date(year, month, day).weekday()]
        except ValueError:
            return
        if actual != m.group(1):
            ws = s - len(before) + m.start(1)
            yield self.report(doc, ws, ws + len(m.group(1)), f"{MONTHS[month - 1]} {day}, {year} was a {actual}, "
                              f"not a {m.group(1)}", [actual], severity=Severity.ERROR, category=Category.CONSISTENCY)


def _british(day: int, month: int, year: str | None) -> str:
    return f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")


def _story_date(doc: Document) -> dt.date | None:
    for key in ("date", "publishDate", "published", "pubDate", "pubdate"):
        value = doc.front_matter.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
            if m:
                try:
                    return dt.date(*map(int, m.groups()))
                except ValueError:
                    return None
    return None


def _nearest_year(story: dt.date | None, day: int, month: int) -> int | None:
    """The year of a date given without one: the year that puts it nearest the story's own
    date (a story of 20 December about "Monday, 3 January" means the next January)."""
    if story is None:
        return None
    best = None
    for year in (story.year - 1, story.year, story.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - story).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else story.year
