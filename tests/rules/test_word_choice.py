from __future__ import annotations

from conftest import ROOT, at, lint


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


STORM = """Storm cuts power to thousands across the county

A powerful storm swept across the county on Sunday night, toppling trees, flooding roads and cutting power to more than 40,000 homes, utility officials said.

Crews worked through the night to restore electricity, but officials warned that some rural customers could be without power until Wednesday. The storm brought wind gusts of up to 70 miles per hour and nearly three inches of rain in some areas.

Emergency managers opened two shelters at local high schools for residents whose homes were damaged. The county sheriff urged drivers to stay off the roads, where fallen power lines and standing water made travel dangerous.

The national weather service said the worst of the strong winds had passed, but more rain was expected on Tuesday.
"""

COUNCIL = """City council approves budget after long debate

The city council approved a $4.2 million budget on Tuesday after a debate that ran past midnight, ending a standoff that had delayed road repairs and library hours for weeks.

Council members voted 7-2 for the spending plan, which raises property taxes by 3 percent and sets aside money for the police department, the fire service and the public library. The two members who voted against it said the tax increase would hurt retirees on fixed incomes.

The approved plan also funds a new bus route to the industrial park and hires four building inspectors. Residents who spoke at the meeting asked the council to delay the tax vote until the autumn, but the mayor said the city could not wait.

The finance director said the projected deficit would shrink next year if sales tax revenue keeps growing at its current pace.
"""


def unusual(text, fmt="plain"):
    return lint(text, fmt=fmt, select=["word-choice/unusual-word"])


def test_unusual_word_is_on_by_default():
    text = STORM.replace("the strong winds", "the pajama winds")
    assert [d.rule for d in lint(text, select=["word-choice"])] == ["word-choice/unusual-word"]


def test_unusual_word_flags_a_word_that_fits_neither_phrase_nor_story():
    for story, right, wrong in ((STORM, "strong winds", "pajama winds"),
                                (COUNCIL, "projected deficit", "tulip deficit")):
        text = story.replace(right, wrong)
        found = unusual(text)
        assert [at(text, d) for d in found] == [wrong.split()[0]]
        assert "little to do with the rest of the story" in found[0].message


def test_unusual_word_leaves_clean_stories_alone():
    assert unusual(STORM) == []
    assert unusual(COUNCIL) == []
    # a rare word that belongs to the story's subject is not out of place
    text = COUNCIL.replace("the projected deficit", "the municipal deficit")
    assert unusual(text) == []


def test_unusual_word_needs_a_story_to_judge_topic():
    assert unusual("The council met on Monday.\n") == []
    assert unusual("The finance director said the tulip deficit would shrink next year.\n") == []


def test_unusual_word_suggests_a_word_that_fits_the_phrase():
    text = STORM.replace("the strong winds", "the pajama winds")
    (d,) = unusual(text)
    assert d.suggestions and d.suggestions[0] != "pajama"
    assert f"'{d.suggestions[0]}' would fit here" in d.message


def test_unusual_word_in_a_quote_is_only_a_note():
    text = STORM.replace("The national weather service said the worst of the strong winds had passed",
                         '"The worst of the pajama winds has passed," the national weather service said')
    (d,) = unusual(text)
    assert at(text, d) == "pajama" and d.severity.value == "info"


def test_unusual_word_leaves_names_and_headlines_alone():
    text = STORM.replace("the strong winds", "the Pajama winds")
    assert unusual(text) == []
    text = STORM.replace("Storm cuts power to thousands", "Storm cuts the pajama winds")
    assert unusual(text) == []


def test_unusual_word_points_into_markdown_source():
    text = STORM.replace("The national weather service said the worst of the strong winds",
                         "The [national weather service](https://weather.gov) said the worst of the *pajama* winds")
    (d,) = unusual(text, fmt="markdown")
    assert at(text, d) == "pajama"


def test_unusual_word_thresholds_are_options(tmp_path):
    text = STORM.replace("the strong winds", "the pajama winds")
    cfg = tmp_path / "newslint.toml"
    cfg.write_text('[rules."word-choice/unusual-word"]\nwarning = 0.999\ninfo = 0.5\n')
    (d,) = lint(text, select=["word-choice/unusual-word"], config=cfg)
    assert d.severity.value == "info"
    cfg.write_text('[rules."word-choice/unusual-word"]\nwarning = 1.0\ninfo = 1.0\n')
    assert lint(text, select=["word-choice/unusual-word"], config=cfg) == []


def test_unusual_word_respects_the_newsroom_dictionary(tmp_path):
    text = STORM.replace("the strong winds", "the pajama winds")
    (tmp_path / "newsroom.dic").write_text("pajama\n")
    cfg = tmp_path / "newslint.toml"
    cfg.write_text('dictionary = ["newsroom.dic"]\n')
    assert lint(text, select=["word-choice/unusual-word"], config=cfg) == []


def test_the_seed_story_child_units():
    """Regression case: the story newslint started from."""
    path = next((ROOT / "seeds").glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    found = [d for d in lint(text, select=["word-choice"]) if d.rule == "word-choice/unusual-word"]
    assert [at(text, d) for d in found] == ["child"]


def test_bigram_presence_is_read_exactly_from_the_language_model():
    from newslint.rules.lang import ngram as lm

    assert lm.has_bigram("strong", "winds") and lm.has_bigram("budget", "deficit")
    assert not lm.has_bigram("pajama", "winds") and not lm.has_bigram("tulip", "deficit")


def test_word_vectors_know_related_words():
    from newslint.rules.lang import vectors

    v = vectors.load()
    assert len(v) == len(v.index) == 40_000
    assert v.similarity("storm", "rain") > v.similarity("storm", "tax") + 0.2
    assert v.similarity("budget", "deficit") > v.similarity("budget", "pajama") + 0.2


def test_model_file_matches_the_features_the_rule_computes():
    from newslint.markup import parse
    from newslint.rules.word_choice.unusual_word import FEATURES, SCORE, UnusualWord, candidates

    m = SCORE.data
    assert set(m["weights"]) == set(FEATURES)
    assert 0 < m["thresholds"]["info"] < m["thresholds"]["warning"] < 1
    text = STORM.replace("the strong winds", "the pajama winds")
    (c,) = [c for c in candidates(parse("s.txt", text), UnusualWord.skip_scopes) if c.token == "pajama"]
    assert set(c.features) == set(FEATURES)


def test_one_finding_when_harper_and_confused_word_agree():
    text = "They said their going to appeal the ruling next week.\n"
    found = [d for d in lint(text) if at(text, d) == "their"]
    assert len(found) == 1
    assert found[0].suggestions == ("they're",)
    # newslint's own rule keeps the finding: a confused word is a word-choice error
    assert found[0].rule == "word-choice/confused-word" and found[0].category.value == "word-choice"
