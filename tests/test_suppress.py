from __future__ import annotations

from newslint.suppress import find_suppressions


def _ranges(src, fmt="markdown"):
    return [(s.rules, s.first_line, s.last_line) for s in find_suppressions(src, fmt)]


def test_enable_with_ids_ends_only_disables_naming_them():
    src = ("<!-- newslint-disable -->\n<!-- newslint-disable spelling -->\nx\n"
           "<!-- newslint-enable spelling -->\ny\n<!-- newslint-enable -->\nz\n")
    assert _ranges(src) == [((), 1, 6), (("spelling",), 2, 4)]


def test_disable_runs_to_end_of_file_and_next_line_skips_blanks():
    src = "a\n<!-- newslint-disable-next-line grammar -->\n\nb\n<!-- newslint-disable style -->\nc\n"
    assert _ranges(src) == [(("grammar",), 4, 4), (("style",), 5, 7)]


def test_plain_text_directives():
    src = "newslint-disable spelling\nTeh.\nnewslint-enable\n"
    assert _ranges(src, "plain") == [(("spelling",), 1, 3)]
