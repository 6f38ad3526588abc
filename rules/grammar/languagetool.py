"""grammar/languagetool: a LanguageTool server or local install you run, as a rule (see
``languagetool_backend.py``); the ``[grammar]`` section is grammar/harper's."""
from __future__ import annotations

from typing import Iterable

from newslint.api import Category, Diagnostic, Document, Rule, Severity

from . import languagetool_backend as lt
from .harper import (QUOTE_SAFE, GrammarSection, HarperGrammar, HarperOptions, chunks, grammar_section,
                     naming_the_words, within_one_block)


class LanguageToolGrammar(Rule):
    """What it does: sends the story's prose (never its markup) to a LanguageTool server
    you run, or to a local LanguageTool install started once per run, and reports each
    match as ``grammar/languagetool/<RULE_ID>``.

    Why: LanguageTool has the deepest open rule set. It is a Java server: newslint never
    downloads it. Configure ``[grammar] backend = "languagetool"`` (or ``"both"``) and
    ``[grammar.languagetool] url = "http://localhost:8081"`` or ``path = "/opt/LanguageTool"``.
    A URL that is not on this machine needs ``allow-remote = true``: unpublished copy is
    private. Without a server or install, one notice says so and Harper is used.

    Example: with a server configured, "This is an test" ->
    ``grammar/languagetool/EN_A_VS_AN`` on "an".
    """

    id = "grammar/languagetool"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    summary = "LanguageTool's findings under their sub-ids (grammar/languagetool/EN_A_VS_AN), when configured."
    config_section = ("grammar", GrammarSection)
    precedence = -1
    open_subrules = True  # LanguageTool's rule ids depend on the server's version

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        section = grammar_section(self)
        if section.backend not in ("languagetool", "both"):
            return
        s = section.languagetool
        language = self.settings.dialect  # LanguageTool's codes: en-US, en-GB, en-CA, en-AU
        client = lt.get_client(s, self.notice, language)
        if client is None:
            return
        found = []
        try:
            for cstart, cend, blocks in chunks(doc):
                text = doc.prose[cstart:cend]
                if text.strip():
                    found.extend((cstart, blocks, m) for m in client.check(text, language))
        except lt.LanguageToolError as exc:
            message = f"{exc}; using Harper"
            lt.forget_client(s, language, message)
            self.notice(message)
            if section.backend == "languagetool":  # with "both", Harper has run already
                yield from HarperGrammar(HarperOptions(), self.settings).check(doc)
            return
        for cstart, blocks, m in found:
            cat, sev = lt.CATEGORY_MAP.get(m.category, (Category.GRAMMAR, Severity.WARNING))
            start, end = cstart + m.offset, cstart + m.offset + m.length
            if not within_one_block(blocks, start, end):
                continue
            if cat in QUOTE_SAFE and doc.in_quote(start, end):
                continue
            yield self.report(doc, start, end, naming_the_words(m.message, doc.prose[start:end]),
                              list(m.replacements), severity=sev, category=cat, rule_id=f"{self.id}/{m.rule_id}")
