from __future__ import annotations

from conftest import at, lint


def confused(text):
    return lint(text, select=["word-choice/confused-word"])


def test_flags_confused_words_in_context():
    text = ("Nobody knows the state of it's funding. They said their going to appeal. "
            "The rally was bigger then expected.\n")
    found = {(at(text, d), d.suggestions[0]) for d in confused(text)}
    assert ("it's", "its") in found
    assert ("their", "they're") in found
    assert ("then", "than") in found


def test_leaves_right_words_alone():
    text = ("It's raining and the company cut its prices. They're sure their plan will work there. "
            "The rally was bigger than expected, and then it ended.\n")
    assert confused(text) == []


def test_unusual_word_is_off_by_default_and_selectable():
    text = "Ukrainian officials hope the child units will provide them the needed leverage.\n"
    assert lint(text, select=["word-choice"], ignore=["word-choice/confused-word"]) == []
    # selected explicitly, the detector runs (its accuracy is measured by the benchmark)
    lint(text, select=["word-choice/unusual-word"])
