"""Limits on what one story can cost: the sizes a newsroom never meets and a hostile or broken
file always does. Each limit, when a story reaches it, is said in a notice that names the
file and the limit; nothing is dropped silently and the run goes on.

Kept in one place so that they are easy to find, to document and to test. They are constants,
not configuration: a content repo cannot raise them (a repo is untrusted input too).
"""
from __future__ import annotations

# -- a file ---------------------------------------------------------------------------------------
# A story larger than this is not read (a 16 MB story is about 2.7 million words, thirty novels;
# a newsroom's longest live blog is well under 1 MB).
MAX_FILE_BYTES = 16 * 1024 * 1024
# Checking a story stops after this many seconds, between two sections: the findings so far are
# reported, with a notice saying how much of the story was checked (one 1 MB story takes about a
# minute; this stops only a story of several megabytes).
FILE_SECONDS = 300.0
# Prose characters checked at a time: a longer story is checked in sections of consecutive blocks
# (a longer block is cut at a sentence end or a space), so memory stays bounded and time linear.
# Story-level rules (``Rule.story_level``: the readability grade) see the whole story.
SECTION_CHARS = 200_000

# -- markup ----------------------------------------------------------------------------------------
# Markdown blockquotes and lists nested deeper than this are not read; a notice gives the line
# (markdown-it's own default, 20 levels, dropped everything below the tenth list without a word).
MAX_NESTING = 50
# YAML front matter: aliases (``*a``) may expand to at most this many nodes in all; a document of
# nested aliases (the "billion laughs") otherwise walks an exponential tree.
MAX_YAML_NODES = 10_000

# -- words and grammar ---------------------------------------------------------------------------------
# Spelling suggestions and the other edit-distance candidates are only made for words of at most
# this many letters (the edit set grows with the square of the length; the longest English words
# in dictionaries have about 30 letters).
MAX_SUGGEST_LETTERS = 40
# What reaches the grammar checker (Harper), whose time grows with the square of some inputs
# (50,000 brackets, or CJK characters, with or without spaces: minutes): a run of text with no
# space longer than MAX_GRAMMAR_RUN characters, and a run of more than MAX_GRAMMAR_SYMBOL_WORDS
# words none of which has a Latin letter, reach it as spaces; a paragraph longer than
# MAX_GRAMMAR_CHARS is read in pieces of at most that length, cut at a sentence end.
MAX_GRAMMAR_RUN = 200
MAX_GRAMMAR_SYMBOL_WORDS = 20
MAX_GRAMMAR_CHARS = 5_000

__all__ = ["FILE_SECONDS", "MAX_FILE_BYTES", "MAX_GRAMMAR_CHARS", "MAX_GRAMMAR_RUN", "MAX_GRAMMAR_SYMBOL_WORDS",
           "MAX_NESTING", "MAX_SUGGEST_LETTERS", "MAX_YAML_NODES", "SECTION_CHARS"]
