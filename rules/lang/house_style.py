"""The ``[style]`` section: which newsroom style the style rules enforce.

    [style]
    preset = "ap"        # "ap", "british", "none" or "auto" (default: ap for en-US and
                         # en-CA copy, british for en-GB and en-AU)

"ap" is an AP-like American newsroom style; "british" the style the Guardian, BBC and
Reuters guides share. Each rule's own options override what the preset says; "none" turns
the preset-driven checks off and leaves only what a rule's options ask for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newslint.api import Document, Rule


@dataclass(frozen=True)
class StyleSection:
    preset: Literal["auto", "ap", "british", "none"] = "auto"


SECTION = ("style", StyleSection)


def preset_of(rule: Rule) -> str:
    """"ap", "british" or "none" for this run."""
    p = rule.settings.section("style").preset
    if p == "auto":
        return "british" if rule.settings.dialect in ("en-GB", "en-AU") else "ap"
    return p


def pick(option, preset: str, ap, british, none=None):
    """An option's value: the option when set, else what the preset says."""
    if option is not None:
        return option
    return {"ap": ap, "british": british}.get(preset, none)


def body_blocks(rule: Rule, doc: Document, skip: tuple[str, ...] = ("headline", "table", "list")):
    return [b for b in rule.blocks(doc) if b.scope not in skip]


def matches(rx: re.Pattern, doc: Document, blocks, quotes_too: bool = False):
    """(prose start, prose end, match) of `rx` in each block; direct quotes skipped unless
    `quotes_too`."""
    for b in blocks:
        for m in rx.finditer(doc.prose, b.start, b.end):
            if quotes_too or not doc.in_quote(m.start(), m.end()):
                yield m.start(), m.end(), m
