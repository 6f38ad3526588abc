"""The plugin API: everything a rule author needs, from one module.

    from newslint.api import Category, Document, Rule, Severity

    class Shouting(Rule):
        '''What it does: reports words in capitals of five letters or more.'''
        id = "style/shouting"
        category = Category.STYLE
        default_severity = Severity.INFO
        summary = "A word in capitals."

        def check(self, doc: Document):
            for w in doc.words:
                if len(w.text) >= 5 and w.text.isupper():
                    yield self.report(doc, w.start, w.end, f"'{w.text}' is in capitals", [w.text.title()])

Register the class under the entry-point group ``newslint.rules`` (the built-in rules are
registered the same way). A rule family may declare a configuration section
(``config_section = ("myfamily", MySectionDataclass)``) that the core validates like every
other section, and read it with ``self.settings.section("myfamily")``. Hold a heavy resource
(a word list, a model) in a ``Resource``: loaded on first use, once per process. Test a rule
with ``assert_flags``, ``assert_clean`` and ``assert_fixed`` (``newslint.testing``).
"""
from __future__ import annotations

import os
from pathlib import Path

from . import datacache  # word tables and derived data built once per install
from . import limits  # what one story may cost (word length for suggestions, ...)
from .compat import tomllib
from .diagnostic import Applicability, Category, Diagnostic, Edit, Fix, Severity
from .document import SCOPES, Block, Document, Sentence, Span, Word, pieces, split_sentences
from .markup import SUPPORTED_EXTENSIONS, parse
from .options import OptionError
from .phrase_rule import PhraseEntry, PhrasePack, PhraseRule, compile_user_pattern, load_pack
from .resource import Resource
from .rule import NoOptions, Rule, RunSettings, match_case
from .safeio import OutputError, write_output
from .testing import apply_fixes, assert_clean, assert_fixed, assert_flags, flagged, lint_with
from .textio import BinaryFile, read_story
from .trust import user_only


def documents(paths: list[str], skipped: list[str] | None = None):
    """(path, Document) for every story a run over `paths` would check, with the engine's
    own discovery (supported extensions, ``exclude``, ``.gitignore``); unreadable, binary,
    oversized and unparsable files are passed over, each with a line in `skipped`. For
    commands that read an archive (``newslint learn``)."""
    from .context import RunContext
    from .limits import MAX_FILE_BYTES
    from .runner import files_to_check

    ctx = RunContext()
    files, _ = files_to_check(paths, ctx)
    for f in files:
        try:
            if os.stat(f).st_size > MAX_FILE_BYTES:
                why = f"more than the limit of {MAX_FILE_BYTES:,} bytes (newslint.limits.MAX_FILE_BYTES)"
            else:
                yield f, parse(f, read_story(Path(f)).text)
                continue
        except (OSError, BinaryFile) as exc:
            why = str(exc)
        except Exception as exc:  # noqa: BLE001 - one unparsable story must not end the command
            why = f"could not read its markup: {type(exc).__name__}: {exc}"
        if skipped is not None:
            skipped.append(f"{f}: skipped, {why}")


__all__ = [
    "Applicability", "Block", "Category", "Diagnostic", "Document", "Edit", "Fix", "NoOptions", "OptionError",
    "OutputError", "PhraseEntry", "PhrasePack", "PhraseRule", "Resource", "Rule", "RunSettings", "SCOPES",
    "SUPPORTED_EXTENSIONS", "Sentence", "Severity", "Span", "Word", "apply_fixes", "assert_clean",
    "assert_fixed", "assert_flags", "compile_user_pattern", "datacache", "documents", "flagged", "limits",
    "lint_with", "load_pack", "match_case", "parse", "pieces", "split_sentences", "tomllib", "user_only",
    "write_output",
]
